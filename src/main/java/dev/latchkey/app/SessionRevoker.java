package dev.latchkey.app;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.flow.OwnerOperations;
import dev.latchkey.aa.flow.SmartAccountClient;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.chain.Abi;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.Formats;
import dev.latchkey.wallet.OwnerSignatures;
import dev.latchkey.wallet.WalletException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.ECKeyPair;

/**
 * Revokes sessions (security.md R16: revoke, never delete). First locally — status REVOKING, which the signer never
 * signs with — then on chain in ONE owner-signed operation: {@code removeSession(pid)} where SmartSession has the
 * permission enabled, {@code revokeEnableSignature(pid)} where an approval exists but was never used (it bumps the
 * enable nonce, so the stored approval can no longer enable it). Then REVOKED.
 *
 * <p>Stands in for the wallet's revoke service until {@code dev.latchkey.wallet} has one; it does not wipe the
 * session keys (the keystore keeps a session's key row while the session row references it).
 */
final class SessionRevoker {

    private final WalletWorkspace w;

    SessionRevoker(WalletWorkspace w) {
        this.w = w;
    }

    String revoke(List<SessionRecord> sessions, AsyncAction.Progress progress) throws KeystoreException {
        progress.update(-1, "Stopping the signer from using " + count(sessions.size()));
        for (SessionRecord s : sessions) {
            w.keystore().sessions().setStatus(s.permissionId(), SessionStatus.REVOKING);
        }
        Address smartSession = w.profile().smartSession();
        Address account = Address.parse("account", w.account().address());
        boolean deployed = w.chain().node().hasCode(account.hex());
        List<Execution> calls = new ArrayList<>();
        int removed = 0;
        int invalidated = 0;
        for (SessionRecord s : sessions) {
            HexBytes pid = HexBytes.of(s.permissionId());
            if (deployed && enabled(smartSession, pid, account)) {
                calls.add(call(smartSession, "removeSession(bytes32)", pid));
                removed++;
            } else if (deployed && s.approved()) {
                calls.add(call(smartSession, "revokeEnableSignature(bytes32)", pid));
                invalidated++;
            }
        }
        String onChain = "nothing on chain (never enabled)";
        if (!calls.isEmpty()) {
            progress.update(-1, "Signing one owner operation for " + calls.size() + " on-chain revocation(s)");
            SmartAccountClient client = w.accounts().client(w.account());
            OwnerOperations owner = new OwnerOperations(client, w.chain().sender());
            UserOperationReceipt receipt = w.keystore().keys().withOwnerKey(w.account().ownerAddress(),
                    key -> owner.execute(calls, List.of(ECKeyPair.create(key.bytes()))));
            w.keystore().activity().append(OwnerSignatures.KIND, account.checksummed(), "revoke " + count(sessions.size())
                    + " (owner operation " + receipt.userOpHash().hex() + ")");
            if (!receipt.success()) {
                throw new WalletException(WalletException.Kind.STATE, "the revocation operation " + receipt.transactionHash()
                        + " was included but reverted; the sessions stay REVOKING (the signer does not use them)");
            }
            onChain = (removed > 0 ? removed + " removed from SmartSession" : "")
                    + (removed > 0 && invalidated > 0 ? ", " : "")
                    + (invalidated > 0 ? invalidated + " approval(s) invalidated" : "")
                    + " in tx " + Formats.shortHex(receipt.transactionHash());
        }
        for (SessionRecord s : sessions) {
            w.keystore().sessions().setStatus(s.permissionId(), SessionStatus.REVOKED);
        }
        return count(sessions.size()) + " revoked: " + onChain + ".";
    }

    private boolean enabled(Address smartSession, HexBytes pid, Address account) {
        String r = w.chain().node().call(smartSession.hex(), Abi.call("isPermissionEnabled(bytes32,address)",
                new Bytes32(pid.bytes()), new org.web3j.abi.datatypes.Address(account.hex())));
        return Abi.word(r, 0).signum() != 0;
    }

    private static Execution call(Address smartSession, String signature, HexBytes pid) {
        return new Execution(smartSession, BigInteger.ZERO, HexBytes.parse("callData", Abi.call(signature, new Bytes32(pid.bytes()))));
    }

    private static String count(int n) {
        return n == 1 ? "1 session" : n + " sessions";
    }
}
