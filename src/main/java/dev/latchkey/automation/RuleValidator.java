package dev.latchkey.automation;

import dev.latchkey.aa.userop.WindowClaims;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.userop.OperationContexts;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.engine.Decision;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.PolicyEngine;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Refuses, at creation or edit, a rule that needs more than its session allows. Every check is the session's own
 * policies run by the SDK's {@link PolicyEngine} on the calls the rule will make: the first firing against a fresh
 * state (targets, selectors, recipients, per-trade caps, time frame); for a recurring payment also the LAST payment
 * at its due time against the state the earlier payments leave (totals, usage limits, expiry) with the previous
 * payment one rule period earlier (a rule period shorter than the session's periodic window is refused there).
 */
public final class RuleValidator {

    /**
     * Why a rule was refused: {@code context} (which payment, or empty), the engine's exact {@code reason}, and the
     * {@code calls} it judged, so a caller can word the reason about the trade (token amounts, contract names).
     */
    public record Refusal(String context, String reason, List<Execution> calls) {
        static Refusal plain(String reason) {
            return new Refusal("", reason, List.of());
        }

        @Override
        public String toString() {
            return context + reason;
        }
    }

    private final RuleCalls calls;
    private final PolicyEngine engine;

    public RuleValidator(TradeNetwork network, PolicyAddresses policies) {
        this.calls = new RuleCalls(network, r -> { throw new IllegalStateException("validation never quotes"); });
        this.engine = PolicyEngine.onChainRules(policies);
    }

    /** Empty when the session covers the rule; otherwise the reason. {@code chainTime} is the latest block's time. */
    public Optional<Refusal> refusal(RuleSpec spec, SessionRecord session, OnchainSession definition, long chainTime) {
        TradeNetwork n = calls.network();
        if (session.status() == SessionStatus.REVOKED || session.status() == SessionStatus.REVOKING || session.status() == SessionStatus.EXPIRED) {
            return Optional.of(Refusal.plain("the session is " + session.status()));
        }
        if (chainTime >= session.validUntil()) return Optional.of(Refusal.plain("the session expired at " + Instant.ofEpochSecond(session.validUntil())));
        Optional<SessionRecord.Chain> chain = session.chains().stream().filter(c -> c.chainId() == n.chainId()).findFirst();
        if (chain.isEmpty()) return Optional.of(Refusal.plain("the session is not on " + n.name() + " (chain " + n.chainId() + ")"));
        Address account = new Address(session.account().toLowerCase());
        Address smartSession = new Address(chain.get().smartSession().toLowerCase());
        PreparedSession prepared = engine.prepare(definition);
        List<Execution> one;
        try {
            one = calls.representative(spec, account);
        } catch (FieldException e) {
            return Optional.of(Refusal.plain(e.getMessage()));
        }
        long first = spec instanceof RuleSpec.RecurringPayment rp ? Math.max(Math.max(chainTime, session.validAfter()), rp.dueAt(0))
                : Math.max(chainTime, session.validAfter());
        if (spec instanceof RuleSpec.RecurringPayment r) {
            Optional<String> periodic = requirePeriodic(prepared, one, r);
            if (periodic.isPresent()) return periodic.map(Refusal::plain);
        }
        Optional<String> firstCheck = check(prepared, account, smartSession, one, first, new InMemoryPolicyState());
        if (firstCheck.isPresent()) {
            return firstCheck.map(m -> new Refusal(spec instanceof RuleSpec.RecurringPayment ? "payment 1 at " + Instant.ofEpochSecond(first) + ": " : "", m, one));
        }
        if (spec instanceof RuleSpec.RecurringPayment r && r.totalPayments() > 1) {
            long n1 = r.totalPayments() - 1;
            long last = Math.max(r.dueAt(n1), first);
            InMemoryPolicyState after = afterPayments(prepared, account, one, n1, last, r.periodSeconds());
            return check(prepared, account, smartSession, one, last, after)
                    .map(m -> new Refusal("payment " + (n1 + 1) + " of " + (n1 + 1) + " at " + Instant.ofEpochSecond(last)
                            + " (after the earlier ones, the previous " + r.periodSeconds() + " s before): ", m, one));
        }
        return Optional.empty();
    }

    private Optional<String> check(PreparedSession prepared, Address account, Address smartSession, List<Execution> c, long at, PolicyState state) {
        UserOperation op = UserOperation.of(account, BigInteger.ZERO, WindowClaims.stamp(prepared, smartSession, RuleCalls.callData(c), at));
        Decision d = engine.check(prepared, OperationContexts.of(op, smartSession, at, BigInteger.ZERO), state);
        return d instanceof Decision.Refused r ? Optional.of(r.reason().toString()) : Optional.empty();
    }

    /** The on-chain guard of a schedule: some call moving the paid token must carry a PeriodicSpendingLimit on it. */
    private static Optional<String> requirePeriodic(PreparedSession prepared, List<Execution> c, RuleSpec.RecurringPayment r) {
        for (Execution e : c) {
            boolean periodic = prepared.policiesFor(e.target(), selector(e)).stream().anyMatch(p -> p.policy() instanceof Policy.PeriodicSpendingLimit ps
                    && ps.limits().stream().anyMatch(l -> l.token().equals(e.target())));
            if (periodic) return Optional.empty();
        }
        return Optional.of("a recurring payment needs a periodic spending limit on " + r.token()
                + " in its session (the on-chain guard of the schedule); this session has none");
    }

    /**
     * The policy state {@code count} earlier firings of {@code c}, {@code spacing} seconds apart, leave behind when the
     * next one lands at {@code last}. Periodic windows are fixed and epoch-aligned, so where they fall against the
     * schedule varies: the window of {@code last} is taken to hold as many earlier payments as any window of the
     * schedule can, {@code ceil(period / spacing) - 1} (conservative: a schedule only refused by this bound might fit).
     */
    private static InMemoryPolicyState afterPayments(PreparedSession prepared, Address account, List<Execution> c, long count, long last,
                                                     long spacing) {
        InMemoryPolicyState s = new InMemoryPolicyState();
        BigInteger k = BigInteger.valueOf(count);
        HexBytes opCfg = Ids.configId(account, prepared.permissionId());
        for (PreparedSession.Entry e : prepared.userOpPolicies()) {
            if (e.policy() instanceof Policy.UsageLimit) s.putUsage(e.address(), opCfg, k);
        }
        for (Execution call : c) {
            Selector sel = selector(call);
            HexBytes cfg = Ids.configId(account, Ids.actionPolicyId(prepared.permissionId(), Ids.actionId(call.target(), sel)));
            byte[] data = call.callData().unsafeBytes();
            BigInteger amount = word(data, 1);
            boolean approve = sel.equals(new Selector("0x095ea7b3"));
            for (PreparedSession.Entry e : prepared.policiesFor(call.target(), sel)) {
                switch (e.policy()) {
                    case Policy.UsageLimit u -> s.putUsage(e.address(), cfg, k);
                    case Policy.SpendingLimits sl -> s.putSpending(e.address(), cfg, call.target(), approve
                            ? new PolicyState.Spending(BigInteger.ZERO, amount.multiply(k)) : new PolicyState.Spending(amount.multiply(k), BigInteger.ZERO));
                    case Policy.PeriodicSpendingLimit p -> {
                        long earlier = Math.min(count, Math.ceilDiv(p.period(), Math.max(1, spacing)) - 1);
                        s.putPeriodic(e.address(), cfg, call.target(),
                                new PolicyState.Window(amount.multiply(BigInteger.valueOf(earlier)), last - Math.floorMod(last, p.period())));
                    }
                    case Policy.UniversalAction u -> {
                        for (int i = 0; i < u.rules().size(); i++) {
                            ParamRule rule = u.rules().get(i);
                            if (rule.usageLimit().isPresent()) {
                                int at = rule.calldataOffset().intValueExact() / 32;
                                s.putRuleUsed(e.address(), cfg, i, word(data, at).multiply(k));
                            }
                        }
                    }
                    default -> { }
                }
            }
        }
        return s;
    }

    private static Selector selector(Execution e) {
        return Selector.ofCallData(e.callData().unsafeBytes());
    }

    private static BigInteger word(byte[] data, int index) {
        int from = 4 + 32 * index;
        return data.length < from + 32 ? BigInteger.ZERO : new BigInteger(1, Arrays.copyOfRange(data, from, from + 32));
    }
}
