package dev.latchkey.session.policy;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;
import java.util.List;

/**
 * A typed policy: what the owner sees and what {@link PolicyCodec} turns into init data (and back). Amounts are
 * raw token units / wei; times are unix seconds.
 */
public sealed interface Policy {

    PolicyKind kind();

    /** {@code SudoPolicy}: everything is allowed. */
    record Sudo() implements Policy {
        public PolicyKind kind() { return PolicyKind.SUDO; }
    }

    /** {@code UniActionPolicy}: per-use native value cap and up to 16 calldata rules. */
    record UniversalAction(BigInteger valueLimitPerUse, List<ParamRule> rules) implements Policy {
        public UniversalAction {
            UInt.check("valueLimitPerUse", valueLimitPerUse, 256);
            if (rules == null || rules.isEmpty()) throw new FieldException("rules", "at least one rule (length 0 reverts on chain)");
            if (rules.size() > 16) throw new FieldException("rules", "at most 16 rules, got " + rules.size());
            rules = List.copyOf(rules);
        }
        public PolicyKind kind() { return PolicyKind.UNIVERSAL_ACTION; }
    }

    /** {@code ERC20SpendingLimitPolicy}: cumulative cap per token (transfers + approvals). */
    record SpendingLimits(List<TokenLimit> limits) implements Policy {
        public SpendingLimits {
            if (limits == null || limits.isEmpty()) throw new FieldException("limits", "at least one token");
            limits = List.copyOf(limits);
        }
        public PolicyKind kind() { return PolicyKind.SPENDING_LIMITS; }
    }

    /** {@code TimeFramePolicy}: valid in [validAfter, validUntil) seconds; validUntil 0 = no expiry. */
    record TimeFrame(long validUntil, long validAfter) implements Policy {
        public TimeFrame {
            UInt.check("validUntil", validUntil, 48);
            UInt.check("validAfter", validAfter, 48);
            if (validUntil == 0 && validAfter == 0) throw new FieldException("validUntil", "both bounds are 0 (reverts on chain)");
            if (validUntil != 0 && validAfter > validUntil) throw new FieldException("validAfter", "is after validUntil");
        }
        public PolicyKind kind() { return PolicyKind.TIME_FRAME; }
    }

    /** {@code UsageLimitPolicy}: at most {@code limit} uses. */
    record UsageLimit(BigInteger limit) implements Policy {
        public UsageLimit {
            UInt.check("limit", limit, 128);
            if (limit.signum() == 0) throw new FieldException("limit", "must not be 0");
        }
        public PolicyKind kind() { return PolicyKind.USAGE_LIMIT; }
    }

    /** {@code ValueLimitPolicy}: cumulative native value cap (wei). */
    record ValueLimit(BigInteger limit) implements Policy {
        public ValueLimit {
            UInt.check("limit", limit, 256);
            if (limit.signum() == 0) throw new FieldException("limit", "must not be 0");
        }
        public PolicyKind kind() { return PolicyKind.VALUE_LIMIT; }
    }

    /** Latchkey {@code PeriodicSpendingLimitPolicy}: per-token allowance refilled every {@code period} seconds. */
    record PeriodicSpendingLimit(List<TokenLimit> limits, long period) implements Policy {
        public PeriodicSpendingLimit {
            if (limits == null) throw new FieldException("limits", "missing");
            limits = List.copyOf(limits);
            UInt.check("period", period, 48);
            if (period == 0) throw new FieldException("period", "must not be 0");
        }
        public PolicyKind kind() { return PolicyKind.PERIODIC_SPENDING_LIMIT; }
    }

    /** Latchkey {@code RateLimitPolicy}: at most {@code maxUses} per fixed window of {@code interval} seconds. */
    record RateLimit(long maxUses, long interval) implements Policy {
        public RateLimit {
            UInt.check("maxUses", maxUses, 32);
            UInt.check("interval", interval, 48);
            if (maxUses == 0) throw new FieldException("maxUses", "must not be 0");
            if (interval == 0) throw new FieldException("interval", "must not be 0");
        }
        public PolicyKind kind() { return PolicyKind.RATE_LIMIT; }
    }

    /** Latchkey {@code GasCostLimitPolicy}: cumulative cap on gas × price (wei) of the session's operations. */
    record GasCostLimit(BigInteger costLimit) implements Policy {
        public GasCostLimit {
            UInt.check("costLimit", costLimit, 256);
            if (costLimit.signum() == 0) throw new FieldException("costLimit", "must not be 0");
        }
        public PolicyKind kind() { return PolicyKind.GAS_COST_LIMIT; }
    }

    /**
     * Latchkey {@code OperationDeadlinePolicy}: each operation carries its own deadline (in the mode word of
     * {@code execute}) and the EntryPoint refuses it after that, so a signed operation never outlives a few minutes.
     */
    record OperationDeadline() implements Policy {
        public PolicyKind kind() { return PolicyKind.OPERATION_DEADLINE; }
    }

    /** A policy contract this wallet does not know: shown and carried as raw bytes, never checked locally. */
    record Custom(Address policy, HexBytes initData) implements Policy {
        public Custom {
            if (policy == null) throw new FieldException("address", "missing");
            if (initData == null) throw new FieldException("initData", "missing");
        }
        public PolicyKind kind() { return PolicyKind.CUSTOM; }
    }

    /** One token's cap. */
    record TokenLimit(Address token, BigInteger amount) {
        public TokenLimit {
            if (token == null) throw new FieldException("token", "missing");
            if (token.equals(Address.ZERO)) throw new FieldException("token", "zero address");
            UInt.check("amount", amount, 256);
            if (amount.signum() == 0) throw new FieldException("amount", "must not be 0");
        }
    }
}
