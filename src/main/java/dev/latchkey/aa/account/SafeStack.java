package dev.latchkey.aa.account;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;

/**
 * Where the Safe7579 stack lives on one chain: the Safe singleton (1.4.1), the Safe proxy factory, the Safe7579
 * adapter (an ERC-7579 module and fallback handler of the Safe) and the Safe7579 launchpad whose {@code addSafe7579}
 * the Safe's {@code setup} delegatecalls.
 */
public record SafeStack(Address singleton, Address proxyFactory, Address adapter, Address launchpad) {
    public SafeStack {
        if (singleton == null) throw new FieldException("singleton", "missing");
        if (proxyFactory == null) throw new FieldException("proxyFactory", "missing");
        if (adapter == null) throw new FieldException("adapter", "missing");
        if (launchpad == null) throw new FieldException("launchpad", "missing");
    }
}
