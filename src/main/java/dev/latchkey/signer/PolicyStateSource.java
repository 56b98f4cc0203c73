package dev.latchkey.signer;

import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.engine.PolicyState;

/** Port: the on-chain policy counters of a session (ChainPolicyState in the network flows; in memory in tests). */
@FunctionalInterface
public interface PolicyStateSource {

    /** For the engine's check on the trade path: may be a snapshot kept since the session's last change. */
    PolicyState stateOf(SessionRecord session, long chainId);

    /** For reconciliation: read from the chain now, never from a snapshot. */
    default PolicyState fresh(SessionRecord session, long chainId) {
        return stateOf(session, chainId);
    }

    /** An operation of {@code session} landed (or was resolved): snapshots of its counters are stale. */
    default void changed(SessionRecord session, long chainId) {
    }
}
