package dev.latchkey.wallet;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.chain.RpcException;
import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.hash.SessionDigests;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.SmartSessionMode;
import java.math.BigInteger;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.utils.Numeric;

/** SmartSession's view of a permission on an account (works before deployment: reads of empty storage). */
final class SmartSessionReads {

    private SmartSessionReads() { }

    /** {@code getNonce(pid, account)}: the nonce the next ENABLE digest must carry. */
    static BigInteger enableNonce(EvmClient node, Address smartSession, HexBytes pid, Address account) {
        return Abi.word(node.call(smartSession.hex(), Abi.call("getNonce(bytes32,address)", new Bytes32(pid.bytes()),
                ChainReads.addr(account))), 0);
    }

    /**
     * Asks the module itself for the session digest it will verify ({@code getSessionDigest}, as module-sdk does) and
     * compares it with ours: only a v1 module that hashes exactly what the owner will sign gets a session stored. An
     * older build (no such function, or another digest) is refused before anything is signed, naming the module.
     */
    static void requireSameEnableDigest(EvmClient node, Address smartSession, HexBytes pid, Address account, OnchainSession session,
                                        BigInteger nonce) {
        HexBytes ours = SessionDigests.sessionDigest(session, account, smartSession, SmartSessionMode.ENABLE, nonce);
        String theirs;
        try {
            theirs = node.call(smartSession.hex(), Abi.call("getSessionDigest(bytes32,address,"
                    + SessionAbi.SESSION_TUPLE + ",uint8)", new Bytes32(pid.bytes()), ChainReads.addr(account),
                    SessionAbi.session(session), new Uint8(SmartSessionMode.ENABLE.code())));
        } catch (RpcException e) {
            if (e.code() == 0) throw e;
            throw incompatible(smartSession, "it does not answer getSessionDigest of Smart Sessions v1 (" + e.getMessage() + ")");
        }
        String theirsHex = Numeric.cleanHexPrefix(theirs);
        if (theirsHex.length() < 64 || !("0x" + theirsHex.substring(0, 64)).equalsIgnoreCase(ours.hex())) {
            throw incompatible(smartSession, "it computes the enable digest 0x" + (theirsHex.length() < 64 ? theirsHex : theirsHex.substring(0, 64))
                    + " where this wallet computes " + ours.hex());
        }
    }

    private static WalletException incompatible(Address smartSession, String why) {
        return new WalletException(WalletException.Kind.INCOMPATIBLE_MODULE, "the SmartSession at " + smartSession.checksummed()
                + " is not the Smart Sessions v1 build this wallet signs for: " + why + ". An approval would not enable the"
                + " session there; point the network's SmartSession at a v1 deployment (docs/policies.md, 'What is canonical')");
    }

    /** {@code isPermissionEnabled(pid, account)}; false while the account has no code. */
    static boolean isEnabled(EvmClient node, Address smartSession, HexBytes pid, Address account) {
        if (!node.hasCode(account.hex())) return false;
        return Abi.word(node.call(smartSession.hex(), Abi.call("isPermissionEnabled(bytes32,address)",
                new Bytes32(pid.bytes()), ChainReads.addr(account))), 0).signum() != 0;
    }
}
