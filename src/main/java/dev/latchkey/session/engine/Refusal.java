package dev.latchkey.session.engine;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.policy.PolicyKind;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why an operation is refused: which call (empty = the operation as a whole), which policy, which rule, and the
 * attempted amount against the limit when there is one ({@link #excess()} = by how much).
 */
public record Refusal(
        OptionalInt callIndex,
        Scope scope,
        Optional<Address> policy,
        Optional<PolicyKind> kind,
        String rule,
        Optional<BigInteger> attempted,
        Optional<BigInteger> limit,
        String message) {

    public enum Scope { OPERATION, USER_OP_POLICY, ACTION_MATCH, ACTION_POLICY, SOFT_LIMIT }

    public Optional<BigInteger> excess() {
        return attempted.flatMap(a -> limit.map(a::subtract));
    }

    @Override
    public String toString() {
        return (callIndex.isPresent() ? "call " + callIndex.getAsInt() + ": " : "") + message;
    }
}
