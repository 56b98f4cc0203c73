package dev.latchkey.aa.flow;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.chain.Abi;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.ECKeyPair;

/**
 * Revoke a session on every chain with owner-signed operations: {@code SmartSession.removeSession(pid)} where it
 * is enabled, {@code revokeEnableSignature(pid)} where the owners' approval was never used (it bumps the nonce, so
 * the approval can no longer enable the session).
 */
public final class RevokeFlow {

    private RevokeFlow() { }

    /** One receipt per chain, in the order of {@code chains}. */
    public static List<UserOperationReceipt> revoke(HexBytes permissionId, List<Chain> chains, List<ECKeyPair> owners) {
        List<UserOperationReceipt> out = new ArrayList<>();
        for (Chain c : chains) {
            String fn = c.sessions().isEnabled(permissionId) ? "removeSession(bytes32)" : "revokeEnableSignature(bytes32)";
            HexBytes data = HexBytes.parse("callData", Abi.call(fn, new Bytes32(permissionId.bytes())));
            out.add(c.owner().execute(List.of(new Execution(c.owner().account().chain().smartSession(), BigInteger.ZERO, data)), owners));
        }
        return out;
    }

    /** The owner and session handles of one account on one chain. */
    public record Chain(OwnerOperations owner, SessionOperations sessions) { }
}
