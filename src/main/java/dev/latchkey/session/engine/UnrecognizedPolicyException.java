package dev.latchkey.session.engine;

import dev.latchkey.session.model.Address;

/**
 * A policy contract did not answer one of its getters as the version this wallet knows does: the function is missing
 * (an empty revert), reverted in a way that version never does, or returned fewer words than its ABI has. It names
 * the contract and the function, so the owner can tell a wrong address or an unknown build from a network failure —
 * which this is not: the node answered.
 */
public final class UnrecognizedPolicyException extends RuntimeException {

    private final String policy;
    private final Address address;
    private final String function;

    public UnrecognizedPolicyException(String policy, Address address, String function, String answer) {
        super(policy + " at " + address.hex() + " does not answer " + function + " (" + answer
                + "): not a policy version this wallet knows");
        this.policy = policy;
        this.address = address;
        this.function = function;
    }

    /** The kind of policy the session's definition says is at {@link #address()}, e.g. "UsageLimitPolicy". */
    public String policy() {
        return policy;
    }

    public Address address() {
        return address;
    }

    /** The getter's signature, e.g. "getUsed(bytes32,address,address)". */
    public String function() {
        return function;
    }
}
