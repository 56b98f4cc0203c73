package dev.latchkey.aa.flow;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.policy.PolicyAddresses;

/**
 * Where the account stack lives on one chain: the EntryPoint (v0.7), our account factory, the owners'
 * OwnableValidator, SmartSession and the policy contracts.
 */
public record ChainAddresses(long chainId, Address entryPoint, Address factory, Address ownableValidator,
                             Address smartSession, PolicyAddresses policies) {
    public ChainAddresses {
        if (chainId <= 0) throw new FieldException("chainId", "must be positive");
        if (entryPoint == null) throw new FieldException("entryPoint", "missing");
        if (factory == null) throw new FieldException("factory", "missing");
        if (ownableValidator == null) throw new FieldException("ownableValidator", "missing");
        if (smartSession == null) throw new FieldException("smartSession", "missing");
        if (policies == null) throw new FieldException("policies", "missing");
    }
}
