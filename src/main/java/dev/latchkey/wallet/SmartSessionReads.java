package dev.latchkey.wallet;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import org.web3j.abi.datatypes.generated.Bytes32;

/** SmartSession's view of a permission on an account (works before deployment: reads of empty storage). */
final class SmartSessionReads {

    private SmartSessionReads() { }

    /** {@code getNonce(pid, account)}: the nonce the next ENABLE digest must carry. */
    static BigInteger enableNonce(EvmClient node, Address smartSession, HexBytes pid, Address account) {
        return Abi.word(node.call(smartSession.hex(), Abi.call("getNonce(bytes32,address)", new Bytes32(pid.bytes()),
                ChainReads.addr(account))), 0);
    }

    /** {@code isPermissionEnabled(pid, account)}; false while the account has no code. */
    static boolean isEnabled(EvmClient node, Address smartSession, HexBytes pid, Address account) {
        if (!node.hasCode(account.hex())) return false;
        return Abi.word(node.call(smartSession.hex(), Abi.call("isPermissionEnabled(bytes32,address)",
                new Bytes32(pid.bytes()), ChainReads.addr(account))), 0).signum() != 0;
    }
}
