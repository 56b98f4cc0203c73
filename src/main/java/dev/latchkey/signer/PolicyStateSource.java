package dev.latchkey.signer;

import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.engine.PolicyState;

/** Port: the on-chain policy counters of a session (ChainPolicyState in the network flows; in memory in tests). */
@FunctionalInterface
public interface PolicyStateSource {

    PolicyState stateOf(SessionRecord session, long chainId);
}
