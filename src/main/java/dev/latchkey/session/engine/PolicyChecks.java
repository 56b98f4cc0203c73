package dev.latchkey.session.engine;

import dev.latchkey.session.engine.Refusal.Scope;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/** The rule of each policy type, mirroring the contracts (spec §3 and Latchkey's policies). One per check. */
final class PolicyChecks {

    private static final String[] RULE_NAMES = java.util.stream.IntStream.range(0, 16).mapToObj(i -> "rules[" + i + "]").toArray(String[]::new);
    private static final BigInteger MASK128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private final PolicyState state;
    private final Consumption used;
    private final OperationContext op;
    private final SoftLimits soft;
    long validAfter;
    long validUntil;

    PolicyChecks(PolicyState state, OperationContext op, SoftLimits soft) {
        this(state, op, soft, new Consumption());
    }

    /** {@code used}: what operations checked before this one (the same batch, or operations still in flight) consumed. */
    PolicyChecks(PolicyState state, OperationContext op, SoftLimits soft, Consumption used) {
        this.state = state;
        this.op = op;
        this.soft = soft;
        this.used = used;
    }

    Optional<Refusal> userOp(Address at, Policy p, HexBytes cfg) {
        Ctx c = new Ctx(OptionalInt.empty(), Scope.USER_OP_POLICY, at, p);
        return switch (p) {
            case Policy.Sudo s -> Optional.empty();
            case Policy.TimeFrame t -> timeFrame(c, t);
            case Policy.UsageLimit u -> usage(c, u, cfg);
            case Policy.ValueLimit v -> {
                BigInteger sum = op.shape() == OperationContext.Shape.ACCOUNT_CALL ? BigInteger.ZERO
                        : op.calls().stream().map(Call::value).reduce(BigInteger.ZERO, BigInteger::add);
                yield value(c, v, cfg, sum);
            }
            case Policy.RateLimit r -> rate(c, r, cfg, op.modeClaim(), "the mode word of execute");
            case Policy.GasCostLimit g -> gasCost(c, g, cfg);
            case Policy.OperationDeadline o -> deadline(c);
            case Policy.Custom x -> custom(c);
            default -> c.refuse("interface", null, null, p.kind().jsonName() + " cannot be a user-operation policy (enabling it reverts)");
        };
    }

    Optional<Refusal> action(int index, Call call, Address at, Policy p, HexBytes cfg) {
        Ctx c = new Ctx(OptionalInt.of(index), Scope.ACTION_POLICY, at, p);
        return switch (p) {
            case Policy.Sudo s -> Optional.empty();
            case Policy.UniversalAction u -> uniAction(c, u, cfg, call);
            case Policy.SpendingLimits s -> spending(c, s, cfg, call);
            case Policy.TimeFrame t -> timeFrame(c, t);
            case Policy.UsageLimit u -> usage(c, u, cfg);
            case Policy.ValueLimit v -> value(c, v, cfg, call.value());
            case Policy.PeriodicSpendingLimit ps -> periodic(c, ps, cfg, call);
            case Policy.RateLimit r -> rate(c, r, cfg, WindowClaim.suffix(call.data().unsafeBytes()), "the call's last 6 bytes");
            case Policy.Custom x -> custom(c);
            case Policy.GasCostLimit g -> c.refuse("interface", null, null, "gas-cost-limit cannot be an action policy (enabling it reverts)");
            case Policy.OperationDeadline o -> c.refuse("interface", null, null, "operation-deadline cannot be an action policy (enabling it reverts)");
        };
    }

    private Optional<Refusal> timeFrame(Ctx c, Policy.TimeFrame t) {
        if (op.now() < t.validAfter()) {
            return c.refuse("validAfter", BigInteger.valueOf(op.now()), BigInteger.valueOf(t.validAfter()),
                    "session not valid before " + t.validAfter() + " (now " + op.now() + ", " + (t.validAfter() - op.now()) + " s early)");
        }
        if (t.validUntil() != 0 && op.now() > t.validUntil()) {
            return c.refuse("validUntil", BigInteger.valueOf(op.now()), BigInteger.valueOf(t.validUntil()),
                    "session expired at " + t.validUntil() + " (now " + op.now() + ", " + (op.now() - t.validUntil()) + " s late)");
        }
        if (t.validUntil() != 0 && t.validUntil() - op.now() < soft.minValiditySeconds()) {
            return new Ctx(c.call, Scope.SOFT_LIMIT, c.at, c.p).refuse("minValiditySeconds", BigInteger.valueOf(soft.minValiditySeconds()),
                    BigInteger.valueOf(t.validUntil() - op.now()), "session expires in " + (t.validUntil() - op.now()) + " s, less than the local minimum "
                            + soft.minValiditySeconds() + " s");
        }
        validAfter = Math.max(validAfter, t.validAfter());
        if (t.validUntil() != 0) validUntil = validUntil == 0 ? t.validUntil() : Math.min(validUntil, t.validUntil());
        return Optional.empty();
    }

    /** OperationDeadlinePolicy: the operation's own deadline is its validUntil; none (or 0) fails the check. */
    private Optional<Refusal> deadline(Ctx c) {
        long until = op.modeDeadline().orElse(0);
        if (until == 0) return c.refuse("deadline", null, null, "the operation carries no deadline (expected in the mode word of execute)");
        if (op.now() > until) {
            return c.refuse("deadline", BigInteger.valueOf(op.now()), BigInteger.valueOf(until),
                    "the operation's deadline " + until + " passed (now " + op.now() + ")");
        }
        validUntil = validUntil == 0 ? until : Math.min(validUntil, until);
        return Optional.empty();
    }

    private Optional<Refusal> usage(Ctx c, Policy.UsageLimit u, HexBytes cfg) {
        BigInteger next = state.usageUsed(c.at, cfg).add(used.get(c.at, cfg, "usage")).add(BigInteger.ONE);
        if (next.compareTo(u.limit()) > 0) return c.refuse("limit", next, u.limit(), "usage limit of " + u.limit() + " exhausted");
        used.add(c.at, cfg, "usage", BigInteger.ONE);
        return Optional.empty();
    }

    private Optional<Refusal> value(Ctx c, Policy.ValueLimit v, HexBytes cfg, BigInteger amount) {
        BigInteger next = state.valueUsed(c.at, cfg).add(used.get(c.at, cfg, "value")).add(amount);
        if (next.compareTo(v.limit()) > 0) {
            return c.refuse("limit", next, v.limit(), "native value " + amount + " would bring the total to " + next
                    + ", over the limit " + v.limit() + " by " + next.subtract(v.limit()));
        }
        used.add(c.at, cfg, "value", amount);
        return Optional.empty();
    }

    private Optional<Refusal> rate(Ctx c, Policy.RateLimit r, HexBytes cfg, java.util.OptionalLong claim, String where) {
        if (claim.isEmpty()) return c.refuse("claim", null, null, "the operation claims no time (expected in " + where + ")");
        PolicyState.Window w = state.rateLimit(c.at, cfg);
        Optional<WindowClaim> win = window(c, claim.getAsLong(), r.interval(), w, "window");
        if (win.isEmpty()) return pending;
        // Operations ahead count only in the window they claimed.
        String slot = "rate@" + win.get().start();
        BigInteger next = w.usedIn(win.get().start()).add(used.get(c.at, cfg, slot)).add(BigInteger.ONE);
        if (next.compareTo(BigInteger.valueOf(r.maxUses())) > 0) {
            return c.refuse("maxUses", next, BigInteger.valueOf(r.maxUses()), "rate limit of " + r.maxUses() + " per " + r.interval()
                    + " s reached; next window at " + (win.get().start() + r.interval()));
        }
        used.add(c.at, cfg, slot, BigInteger.ONE);
        pin(win.get());
        return Optional.empty();
    }

    /** Set by {@link #window} when it refuses. */
    private Optional<Refusal> pending = Optional.empty();

    /**
     * The claimed window, as the policy judges it: refused when it is before the window the policy already counted
     * (the chain fails the check), encodes as "no expiry" ([0, 1), the chain fails it), or does not hold {@code now}
     * (the EntryPoint refuses the operation: AA22).
     */
    private Optional<WindowClaim> window(Ctx c, long claim, long length, PolicyState.Window counted, String noun) {
        WindowClaim w = WindowClaim.of(claim, length);
        String bad = w.validUntil() == 0 ? "claims the " + noun + " [0, 1), which cannot be pinned"
                : counted.start() > w.start() ? "claims the " + noun + " starting " + w.start() + ", before the one already counted (" + counted.start() + ")"
                : !w.holds(op.now()) ? "claims the " + noun + " [" + w.start() + ", " + w.validUntil() + "] but lands at " + op.now()
                : null;
        if (bad == null) return Optional.of(w);
        pending = c.refuse("claim", BigInteger.valueOf(claim), null, bad);
        return Optional.empty();
    }

    /** The operation is valid only inside {@code w}: intersected into the decision's validity, as SmartSession does. */
    private void pin(WindowClaim w) {
        validAfter = Math.max(validAfter, w.start());
        validUntil = validUntil == 0 ? w.validUntil() : Math.min(validUntil, w.validUntil());
    }

    private Optional<Refusal> gasCost(Ctx c, Policy.GasCostLimit g, HexBytes cfg) {
        OperationContext.Gas gas = op.gas();
        BigInteger units = gas.verificationGasLimit().add(gas.callGasLimit()).add(gas.preVerificationGas());
        if (op.hasPaymaster()) units = units.add(gas.paymasterVerificationGasLimit()).add(gas.paymasterPostOpGasLimit());
        // The worst case the op can be charged: the policy reads no base fee in validation (ERC-7562 OP-011).
        BigInteger cost = units.multiply(gas.maxFeePerGas());
        BigInteger next = state.gasCostUsed(c.at, cfg).add(used.get(c.at, cfg, "gas")).add(cost);
        if (next.compareTo(g.costLimit()) > 0) {
            return c.refuse("costLimit", next, g.costLimit(), "gas cost " + cost + " wei would bring the total to " + next
                    + ", over the limit " + g.costLimit() + " by " + next.subtract(g.costLimit()));
        }
        used.add(c.at, cfg, "gas", cost);
        return Optional.empty();
    }

    private Optional<Refusal> uniAction(Ctx c, Policy.UniversalAction u, HexBytes cfg, Call call) {
        if (call.value().compareTo(u.valueLimitPerUse()) > 0) {
            return c.refuse("valueLimitPerUse", call.value(), u.valueLimitPerUse(), "value " + call.value()
                    + " over the per-use limit " + u.valueLimitPerUse() + " by " + call.value().subtract(u.valueLimitPerUse()));
        }
        byte[] d = call.data().unsafeBytes();
        for (int i = 0; i < u.rules().size(); i++) {
            ParamRule r = u.rules().get(i);
            String rule = RULE_NAMES[i];
            BigInteger from = r.calldataOffset().add(BigInteger.valueOf(4));
            if (from.add(BigInteger.valueOf(32)).compareTo(BigInteger.valueOf(d.length)) > 0) {
                return c.refuse(rule, null, null, rule + ": calldata has no 32-byte word at argument offset " + r.calldataOffset());
            }
            int f = from.intValueExact();
            BigInteger param = new BigInteger(1, Arrays.copyOfRange(d, f, f + 32));
            BigInteger ref = r.referenceValue();
            boolean ok = switch (r.condition()) {
                case EQUAL -> param.equals(ref);
                case GREATER_THAN -> param.compareTo(ref) > 0;
                case LESS_THAN -> param.compareTo(ref) < 0;
                case GREATER_THAN_OR_EQUAL -> param.compareTo(ref) >= 0;
                case LESS_THAN_OR_EQUAL -> param.compareTo(ref) <= 0;
                case NOT_EQUAL -> !param.equals(ref);
                case IN_RANGE -> param.compareTo(ref.shiftRight(128)) >= 0 && param.compareTo(ref.and(MASK128)) <= 0;
            };
            if (!ok) {
                return c.refuse(rule + "." + r.condition().jsonName(), param, ref, rule + ": argument at offset " + r.calldataOffset()
                        + " is 0x" + param.toString(16) + ", required " + r.condition().jsonName() + " 0x" + ref.toString(16));
            }
            if (r.usageLimit().isPresent()) {
                BigInteger next = state.ruleUsed(c.at, cfg, i).add(used.get(c.at, cfg, rule)).add(param);
                if (next.compareTo(r.usageLimit().get()) > 0) {
                    return c.refuse(rule + ".usageLimit", next, r.usageLimit().get(), rule + ": cumulative " + next
                            + " over the limit " + r.usageLimit().get() + " by " + next.subtract(r.usageLimit().get()));
                }
            }
        }
        for (int i = 0; i < u.rules().size(); i++) {
            ParamRule r = u.rules().get(i);
            if (r.usageLimit().isPresent()) {
                int f = r.calldataOffset().intValueExact() + 4;
                used.add(c.at, cfg, RULE_NAMES[i], new BigInteger(1, Arrays.copyOfRange(d, f, f + 32)));
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> spending(Ctx c, Policy.SpendingLimits s, HexBytes cfg, Call call) {
        if (call.value().signum() != 0) return c.refuse("value", call.value(), BigInteger.ZERO, "token calls must not send native value");
        Optional<Erc20Call> erc20 = Erc20Call.parse(op.account(), call.data().unsafeBytes());
        if (erc20.isEmpty()) {
            return c.refuse("selector", null, null, "not an ERC-20 transfer/transferFrom/approve/increaseAllowance with clean address arguments");
        }
        BigInteger limit = s.limits().stream().filter(l -> l.token().equals(call.target())).reduce((a, b) -> b)
                .map(Policy.TokenLimit::amount).orElse(BigInteger.ZERO);
        PolicyState.Spending st = state.spending(c.at, cfg, call.target());
        String slot = "spend:" + call.target();
        BigInteger next = st.spent().add(st.approved()).add(used.get(c.at, cfg, slot)).add(erc20.get().amount());
        if (next.compareTo(limit) > 0) {
            return c.refuse("limit", next, limit, "token " + call.target() + ": " + erc20.get().amount() + " would bring spent+approved to "
                    + next + ", over the limit " + limit + " by " + next.subtract(limit));
        }
        used.add(c.at, cfg, slot, erc20.get().amount());
        return Optional.empty();
    }

    private Optional<Refusal> periodic(Ctx c, Policy.PeriodicSpendingLimit p, HexBytes cfg, Call call) {
        if (call.value().signum() != 0) return c.refuse("value", call.value(), BigInteger.ZERO, "token calls must not send native value");
        byte[] d = call.data().unsafeBytes();
        java.util.OptionalLong claim = WindowClaim.suffix(d);
        if (claim.isEmpty()) return c.refuse("claim", null, null, "the token call claims no time (its last 6 bytes)");
        byte[] body = WindowClaim.body(d);
        Optional<Erc20Call> erc20 = Erc20Call.parse(op.account(), body);
        if (erc20.isEmpty() || erc20.get().encodedLength() != body.length) {
            return c.refuse("selector", null, null, "not exactly an ERC-20 transfer/transferFrom/approve/increaseAllowance with clean"
                    + " address arguments, followed by the 6-byte time claim");
        }
        Optional<BigInteger> limit = p.limits().stream().filter(l -> l.token().equals(call.target())).reduce((a, b) -> b).map(Policy.TokenLimit::amount);
        if (limit.isEmpty()) return c.refuse("tokens", null, null, "token " + call.target() + " is not in the periodic allowance");
        PolicyState.Window w = state.periodicBudget(c.at, cfg, call.target());
        Optional<WindowClaim> win = window(c, claim.getAsLong(), p.period(), w, "period");
        if (win.isEmpty()) return pending;
        String slot = "periodic:" + call.target() + "@" + win.get().start();
        BigInteger next = w.usedIn(win.get().start()).add(used.get(c.at, cfg, slot)).add(erc20.get().amount());
        if (next.compareTo(limit.get()) > 0) {
            // The window's start lets front ends say when it refills ("resets 21:06 UTC"); a new window opens now.
            long opened = w.endedAt(op.now(), p.period()) ? op.now() : w.start();
            return c.refuse("limit", next, limit.get(), "token " + call.target() + ": " + next + " this period, over the allowance "
                    + limit.get() + " per " + p.period() + " s by " + next.subtract(limit.get()) + "; the window opened at " + opened);
        }
        used.add(c.at, cfg, slot, erc20.get().amount());
        pin(win.get());
        return Optional.empty();
    }

    private Optional<Refusal> custom(Ctx c) {
        return soft.allowUncheckedCustomPolicies() ? Optional.empty()
                : c.refuse("unknown", null, null, "policy " + c.at + " is unknown to the wallet and cannot be checked locally");
    }

    private record Ctx(OptionalInt call, Scope scope, Address at, Policy p) {
        Optional<Refusal> refuse(String rule, BigInteger attempted, BigInteger limit, String message) {
            String where = p.kind().jsonName() + " policy " + at + " [" + rule + "]: ";
            return Optional.of(new Refusal(call, scope, Optional.of(at), Optional.of(p.kind()), rule,
                    Optional.ofNullable(attempted), Optional.ofNullable(limit), where + message));
        }
    }
}
