package dev.latchkey.ui.sessions;

import dev.latchkey.session.model.HexBytes;
import dev.latchkey.ui.common.AsyncAction;
import java.util.List;

/**
 * The sessions screen's service: every session of the account with live usage, and revocation. Every method blocks
 * (keystore, RPC, an owner-signed operation for revocation) and is called off the FX thread.
 */
public interface SessionsPort {

    Snapshot load() throws Exception;

    /**
     * Revokes one session: the signer stops using it at once; on chain it is removed where enabled, and an approval
     * that was never used is invalidated. Returns a sentence saying what was done.
     */
    String revoke(HexBytes permissionId, AsyncAction.Progress progress) throws Exception;

    /**
     * Renew: a new session with the same scope as {@code permissionId} (same actions, rules and caps, a validity of
     * the same length from now) for a new session key from the vault, ready for the owner's one approval. Nothing is
     * stored or signed until it is approved.
     */
    dev.latchkey.ui.builder.ApprovalRequest renewal(HexBytes permissionId) throws Exception;

    /** What sharing {@code permissionId} with a server would hand over, or why it cannot be shared now. */
    SessionSharing.Plan sharePlan(HexBytes permissionId) throws Exception;

    /**
     * Seals one session for one server's agent after re-checking the wallet password: the session key, its approved
     * definition, its rules that never fired and the network, never an owner key. The wallet then shows it shared and
     * pauses those rules here. Nothing is written when it fails.
     */
    SessionSharing.Shared share(HexBytes permissionId, SessionSharing.Request request, AsyncAction.Progress progress) throws Exception;

    /** The panic button: every live session of the account, in one owner-signed operation. */
    String revokeAll(AsyncAction.Progress progress) throws Exception;

    /** The cards, newest first, and the chain time they were judged at. */
    record Snapshot(long chainTime, List<SessionCard> cards) {
        public Snapshot {
            cards = List.copyOf(cards);
        }
    }
}
