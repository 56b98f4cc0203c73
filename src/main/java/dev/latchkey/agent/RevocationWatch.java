package dev.latchkey.agent;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;

/**
 * Sees the owner take the session back, on the block it happens: SmartSession no longer reports the permission
 * enabled once it was ({@code removeSession}), or — never enabled yet — its enable nonce moved past the one the
 * owner's approval was signed with ({@code revokeEnableSignature}). The chain refuses the session's operations from
 * then on anyway; this is how the agent knows to stop and say so instead of failing on every trigger.
 */
final class RevocationWatch {

    private final EvmClient node;
    private final String smartSession;
    private final byte[] permissionId;
    private final String account;
    private final long enableNonce;
    private boolean seenEnabled;

    RevocationWatch(EvmClient node, SessionRecord session, long chainId) {
        this.node = node;
        SessionRecord.Chain chain = session.chain(chainId).orElseThrow(() -> new IllegalArgumentException(
                "the shared session is not on chain " + chainId));
        this.smartSession = chain.smartSession();
        this.permissionId = session.permissionId();
        this.account = session.account();
        this.enableNonce = chain.enableNonce();
        this.seenEnabled = session.status() == SessionStatus.ENABLED || chain.enabled();
    }

    /** Empty while the session is usable (or not enabled yet); the reason once the owner revoked it. */
    Optional<String> check() {
        boolean enabled = node.hasCode(account) && Abi.word(node.call(smartSession, Abi.call("isPermissionEnabled(bytes32,address)",
                new Bytes32(permissionId), new Address(account))), 0).signum() != 0;
        if (enabled) {
            seenEnabled = true;
            return Optional.empty();
        }
        if (seenEnabled) return Optional.of("the owner removed the session on chain (removeSession)");
        BigInteger nonce = Abi.word(node.call(smartSession, Abi.call("getNonce(bytes32,address)", new Bytes32(permissionId),
                new Address(account))), 0);
        return nonce.compareTo(BigInteger.valueOf(enableNonce)) > 0
                ? Optional.of("the owner invalidated the session's approval on chain (revokeEnableSignature)") : Optional.empty();
    }
}
