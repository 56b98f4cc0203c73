package dev.latchkey.wallet;

import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.CatalogField;
import dev.latchkey.trade.catalog.CatalogFunction;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.wallet.SessionUsage.Kind;
import dev.latchkey.wallet.SessionUsage.Meter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@link SessionUsage} from a session's decoded on-chain definition and the policies' counters. Config ids
 * follow SmartSession exactly (account ‖ permission id for operation policies, account ‖ action policy id for action
 * policies), so the meters show what the contracts will enforce. An action listed twice is counted once.
 */
public final class SessionUsageReader {

    private static final Optional<String> ETH = Optional.of("ETH");

    private final PolicyAddresses addresses;
    private final TradeNetwork network;

    public SessionUsageReader(PolicyAddresses addresses, TradeNetwork network) {
        this.addresses = addresses;
        this.network = network;
    }

    /** The meters at {@code chainTime}; a failing read of the state propagates (the caller says usage is unknown). */
    public SessionUsage read(Address account, HexBytes permissionId, OnchainSession definition, PolicyState state, long chainTime) {
        PreparedSession prepared = PreparedSession.of(definition, addresses);
        Optional<Meter> operations = Optional.empty();
        List<Meter> meters = new ArrayList<>();
        HexBytes opCfg = Ids.configId(account, permissionId);
        for (PreparedSession.Entry e : prepared.userOpPolicies()) {
            switch (e.policy()) {
                case Policy.UsageLimit u -> operations = Optional.of(count(Kind.OPERATIONS, "", state.usageUsed(e.address(), opCfg), u.limit()));
                case Policy.GasCostLimit g -> meters.add(wei(Kind.GAS_COST, "", state.gasCostUsed(e.address(), opCfg), g.costLimit()));
                case Policy.ValueLimit v -> meters.add(wei(Kind.VALUE, "", state.valueUsed(e.address(), opCfg), v.limit()));
                default -> { }
            }
        }
        Set<PreparedSession.ActionKey> seen = new HashSet<>();
        for (ActionData a : definition.actions()) {
            if (!seen.add(new PreparedSession.ActionKey(a.actionTarget(), a.actionTargetSelector()))) {
                continue;
            }
            HexBytes cfg = Ids.configId(account, Ids.actionPolicyId(permissionId, Ids.actionId(a.actionTarget(), a.actionTargetSelector())));
            for (PreparedSession.Entry e : prepared.policiesFor(a.actionTarget(), a.actionTargetSelector())) {
                actionMeters(a, e, cfg, state, chainTime, meters);
            }
        }
        return new SessionUsage(operations, meters);
    }

    /** The functions a session may call, each once: "SwapRouter02.exactInputSingle". */
    public List<String> actions(OnchainSession definition) {
        return definition.actions().stream().map(this::actionName).distinct().toList();
    }

    private void actionMeters(ActionData a, PreparedSession.Entry e, HexBytes cfg, PolicyState state, long now, List<Meter> out) {
        String fn = actionName(a);
        switch (e.policy()) {
            case Policy.SpendingLimits s -> s.limits().forEach(l -> {
                PolicyState.Spending sp = state.spending(e.address(), cfg, l.token());
                out.add(token(Kind.SPENDING, fn, "", -1, l.token(), sp.spent().add(sp.approved()), l.amount(), Optional.empty(), 0));
            });
            case Policy.PeriodicSpendingLimit p -> p.limits().forEach(l -> {
                PolicyState.Window w = state.periodicBudget(e.address(), cfg, l.token());
                out.add(token(Kind.PERIODIC_SPENDING, fn, "", -1, l.token(), w.usedAt(now, p.period()), l.amount(),
                        Optional.of(p.period()), w.endedAt(now, p.period()) ? 0 : w.start()));
            });
            case Policy.UniversalAction u -> {
                for (int i = 0; i < u.rules().size(); i++) {
                    ParamRule rule = u.rules().get(i);
                    if (rule.usageLimit().isPresent()) {
                        out.add(rule(a, fn, u, i, state.ruleUsed(e.address(), cfg, i), rule.usageLimit().get()));
                    }
                }
            }
            case Policy.UsageLimit u -> out.add(count(Kind.CALLS, fn, state.usageUsed(e.address(), cfg), u.limit()));
            case Policy.ValueLimit v -> out.add(wei(Kind.VALUE, fn, state.valueUsed(e.address(), cfg), v.limit()));
            case Policy.RateLimit r -> {
                PolicyState.Window w = state.rateLimit(e.address(), cfg);
                out.add(new Meter(Kind.RATE_LIMIT, fn, "", -1, Optional.empty(), Optional.empty(), 0, w.usedAt(now, r.interval()),
                        BigInteger.valueOf(r.maxUses()), Optional.of(r.interval()), w.endedAt(now, r.interval()) ? 0 : w.start()));
            }
            default -> { }
        }
    }

    private static Meter count(Kind kind, String fn, BigInteger used, BigInteger limit) {
        return new Meter(kind, fn, "", -1, Optional.empty(), Optional.empty(), 0, used, limit, Optional.empty(), 0);
    }

    private static Meter wei(Kind kind, String fn, BigInteger used, BigInteger limit) {
        return new Meter(kind, fn, "", -1, Optional.empty(), ETH, 18, used, limit, Optional.empty(), 0);
    }

    private Meter token(Kind kind, String fn, String argument, int rule, Address token, BigInteger used, BigInteger limit,
                        Optional<Long> period, long start) {
        Optional<Token> t = network.tokenAt(token);
        return new Meter(kind, fn, argument, rule, Optional.of(token), t.map(Token::symbol), t.map(Token::decimals).orElse(0),
                used, limit, period, start);
    }

    /** A cumulative rule, in the token its argument is counted in when the catalog knows it. */
    private Meter rule(ActionData a, String fn, Policy.UniversalAction u, int index, BigInteger used, BigInteger limit) {
        ParamRule rule = u.rules().get(index);
        Optional<CatalogFunction> function = Catalog.bySelector(a.actionTargetSelector());
        Optional<CatalogField> field = function.flatMap(f -> f.fields().stream()
                .filter(x -> x.offset() == rule.calldataOffset().longValue()).findFirst());
        String arg = field.map(CatalogField::name).orElse("argument @" + rule.calldataOffset());
        Optional<Address> unitToken = field.flatMap(CatalogField::unitOf).flatMap(unit -> unit.equals("target")
                ? Optional.of(a.actionTarget())
                : function.flatMap(f -> f.fields().stream().filter(x -> x.name().equals(unit)).findFirst())
                        .flatMap(unitField -> equalTo(u, unitField)));
        if (unitToken.isPresent()) {
            return token(Kind.RULE_TOTAL, fn, arg, index, unitToken.get(), used, limit, Optional.empty(), 0);
        }
        return new Meter(Kind.RULE_TOTAL, fn, arg, index, Optional.empty(), Optional.empty(), 0, used, limit, Optional.empty(), 0);
    }

    /** The address an EQUAL rule pins {@code field} to. */
    private static Optional<Address> equalTo(Policy.UniversalAction u, CatalogField field) {
        return u.rules().stream()
                .filter(r -> r.condition() == ParamCondition.EQUAL && r.calldataOffset().longValue() == field.offset())
                .findFirst().map(r -> new Address(String.format("0x%040x", r.referenceValue())));
    }

    /** "SwapRouter02.exactInputSingle"; an unknown target by its checksummed address. */
    private String actionName(ActionData a) {
        if (a.isGenericFallback()) {
            return "any call (fallback)";
        }
        if (a.isAdminFallback()) {
            return "SmartSession admin (fallback)";
        }
        String target = network.label(a.actionTarget()).orElse(a.actionTarget().checksummed());
        String fn = Catalog.bySelector(a.actionTargetSelector()).map(CatalogFunction::name).orElse(a.actionTargetSelector().hex());
        return target + "." + fn;
    }
}
