package dev.latchkey.signer.onchain;

import dev.latchkey.aa.flow.ChainPolicyState;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.model.Address;
import dev.latchkey.signer.PolicyStateSource;

/** {@link PolicyStateSource} over the SDK's {@link ChainPolicyState}: the policy getters, read live, for one chain. */
public final class ChainPolicyStates implements PolicyStateSource {

    private final EvmClient node;
    private final long chainId;

    public ChainPolicyStates(EvmClient node, long chainId) {
        this.node = node;
        this.chainId = chainId;
    }

    @Override
    public PolicyState stateOf(SessionRecord session, long chain) {
        if (chain != chainId) throw new IllegalArgumentException("this policy state reads chain " + chainId + ", not " + chain);
        SessionRecord.Chain c = session.chains().stream().filter(x -> x.chainId() == chain).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("session is not on chain " + chain));
        return new ChainPolicyState(node, new Address(c.smartSession().toLowerCase()), new Address(session.account().toLowerCase()));
    }
}
