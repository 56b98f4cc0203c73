package dev.latchkey.aa.account;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;

/**
 * Where Kernel v3.1 lives on one chain: the implementation every account's ERC-1967 proxy delegates to (bound to the
 * EntryPoint by its constructor) and ZeroDev's {@code KernelFactory}, which clones it and calls {@code initialize}.
 */
public record KernelStack(Address implementation, Address factory) {
    public KernelStack {
        if (implementation == null) throw new FieldException("implementation", "missing");
        if (factory == null) throw new FieldException("factory", "missing");
    }
}
