package dev.latchkey.session.engine;

import dev.latchkey.session.engine.Refusal.Scope;
import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The owner's local limits (stricter than the chain), checked after the on-chain mirror passed. */
final class SoftLimitChecks {

    private final SoftLimits soft;
    private final SoftLimits.LocalHistory history;

    SoftLimitChecks(SoftLimits soft, SoftLimits.LocalHistory history) {
        this.soft = soft;
        this.history = history;
    }

    Optional<Refusal> check(OperationContext op) {
        if (soft.maxCallsPerOperation().isEmpty() && soft.maxValuePerOperation().isEmpty() && soft.maxTokenPerOperation().isEmpty()
                && soft.maxTokenPerDay().isEmpty()) {
            return Optional.empty();
        }
        if (soft.maxCallsPerOperation().isPresent() && op.calls().size() > soft.maxCallsPerOperation().getAsInt()) {
            return refuse(OptionalInt.empty(), "maxCallsPerOperation", BigInteger.valueOf(op.calls().size()),
                    BigInteger.valueOf(soft.maxCallsPerOperation().getAsInt()), op.calls().size() + " calls in one operation");
        }
        BigInteger value = op.calls().stream().map(Call::value).reduce(BigInteger.ZERO, BigInteger::add);
        if (soft.maxValuePerOperation().isPresent() && value.compareTo(soft.maxValuePerOperation().get()) > 0) {
            return refuse(OptionalInt.empty(), "maxValuePerOperation", value, soft.maxValuePerOperation().get(), "native value " + value);
        }
        Map<Address, BigInteger> tokens = new HashMap<>();
        for (Call c : op.calls()) {
            Erc20Call.parse(op.account(), c.data().unsafeBytes()).ifPresent(e -> tokens.merge(c.target(), e.amount(), BigInteger::add));
        }
        for (Map.Entry<Address, BigInteger> t : tokens.entrySet()) {
            BigInteger perOp = soft.maxTokenPerOperation().get(t.getKey());
            if (perOp != null && t.getValue().compareTo(perOp) > 0) {
                return refuse(OptionalInt.empty(), "maxTokenPerOperation", t.getValue(), perOp, "token " + t.getKey() + " amount " + t.getValue());
            }
            BigInteger perDay = soft.maxTokenPerDay().get(t.getKey());
            if (perDay != null) {
                BigInteger today = history.tokenAmountSince(t.getKey(), op.now() - op.now() % 86_400).add(t.getValue());
                if (today.compareTo(perDay) > 0) {
                    return refuse(OptionalInt.empty(), "maxTokenPerDay", today, perDay, "token " + t.getKey() + " total today " + today,
                            "; the day began at " + (op.now() - op.now() % 86_400));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(OptionalInt call, String rule, BigInteger attempted, BigInteger limit, String what) {
        return refuse(call, rule, attempted, limit, what, "");
    }

    private static Optional<Refusal> refuse(OptionalInt call, String rule, BigInteger attempted, BigInteger limit, String what, String when) {
        return Optional.of(new Refusal(call, Scope.SOFT_LIMIT, Optional.empty(), Optional.empty(), rule, Optional.of(attempted),
                Optional.of(limit), "local limit " + rule + ": " + what + " exceeds " + limit + " by " + attempted.subtract(limit) + when));
    }
}
