package dev.latchkey.ui.sessions;

import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
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
import dev.latchkey.ui.common.Formats;
import dev.latchkey.ui.sessions.SessionCard.Meter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link SessionCard} from a stored session, its decoded on-chain definition and the live policy state.
 * Meters follow the policies exactly as SmartSession keys them (config id = account ‖ permission id for operation
 * policies, account ‖ action policy id for action policies), so they show what the contracts will enforce.
 */
public final class SessionCards {

    private static final long DAY = 86_400;

    private final PolicyAddresses addresses;
    private final TradeNetwork network;

    public SessionCards(PolicyAddresses addresses, TradeNetwork network) {
        this.addresses = addresses;
        this.network = network;
    }

    public SessionCard card(SessionRecord r, OnchainSession definition, String label, PolicyState state, long chainTime) {
        HexBytes pid = HexBytes.of(r.permissionId());
        SessionCard.Status status = status(r, chainTime);
        List<String> actions = definition.actions().stream().map(this::actionName).distinct().toList();
        try {
            PreparedSession prepared = PreparedSession.of(definition, addresses);
            Address account = new Address(r.account().toLowerCase(java.util.Locale.ROOT));
            List<Meter> meters = new ArrayList<>();
            Optional<Meter> operations = Optional.empty();
            HexBytes opCfg = Ids.configId(account, pid);
            for (PreparedSession.Entry e : prepared.userOpPolicies()) {
                switch (e.policy()) {
                    case Policy.UsageLimit u -> operations = Optional.of(new Meter("Operations", "in total",
                            state.usageUsed(e.address(), opCfg), u.limit(), 0, "", "usage limit"));
                    case Policy.GasCostLimit g -> meters.add(new Meter("Gas", "in total", state.gasCostUsed(e.address(), opCfg),
                            g.costLimit(), 18, "ETH", "gas-cost limit"));
                    case Policy.ValueLimit v -> meters.add(new Meter("ETH value", "in total", state.valueUsed(e.address(), opCfg),
                            v.limit(), 18, "ETH", "value limit"));
                    default -> { }
                }
            }
            Set<PreparedSession.ActionKey> seen = new HashSet<>();
            for (ActionData a : definition.actions()) {
                PreparedSession.ActionKey key = new PreparedSession.ActionKey(a.actionTarget(), a.actionTargetSelector());
                if (!seen.add(key)) {
                    continue;
                }
                HexBytes cfg = Ids.configId(account, Ids.actionPolicyId(pid, Ids.actionId(a.actionTarget(), a.actionTargetSelector())));
                for (PreparedSession.Entry e : prepared.policiesFor(a.actionTarget(), a.actionTargetSelector())) {
                    meters.addAll(actionMeters(a, e, cfg, state, chainTime));
                }
            }
            return new SessionCard(pid, label, status, r.validAfter(), r.validUntil(), operations, meters, actions, Optional.empty());
        } catch (RuntimeException e) {
            return new SessionCard(pid, label, status, r.validAfter(), r.validUntil(), Optional.empty(), List.of(), actions,
                    Optional.of("Usage could not be read: " + e.getMessage()));
        }
    }

    /** The status a user sees; chain time decides expiry, as it does for the signer (R9). */
    public static SessionCard.Status status(SessionRecord r, long chainTime) {
        return switch (r.status()) {
            case REVOKED -> SessionCard.Status.REVOKED;
            case REVOKING -> SessionCard.Status.REVOKING;
            case EXPIRED -> SessionCard.Status.EXPIRED;
            case ENABLED, PENDING_ENABLE -> {
                if (chainTime >= r.validUntil()) {
                    yield SessionCard.Status.EXPIRED;
                }
                if (r.status() == SessionStatus.ENABLED) {
                    yield SessionCard.Status.ENABLED;
                }
                yield r.approved() ? SessionCard.Status.READY : SessionCard.Status.AWAITING_APPROVAL;
            }
        };
    }

    private List<Meter> actionMeters(ActionData a, PreparedSession.Entry e, HexBytes cfg, PolicyState state, long chainTime) {
        String fn = actionName(a);
        List<Meter> out = new ArrayList<>();
        switch (e.policy()) {
            case Policy.SpendingLimits s -> s.limits().forEach(l -> {
                PolicyState.Spending sp = state.spending(e.address(), cfg, l.token());
                out.add(tokenMeter(l.token(), "in total", sp.spent().add(sp.approved()), l.amount(), fn + ", spending limit"));
            });
            case Policy.PeriodicSpendingLimit p -> p.limits().forEach(l -> {
                PolicyState.Window w = state.periodicBudget(e.address(), cfg, l.token());
                String window = p.period() == DAY ? "today" : "per " + Formats.duration(p.period());
                out.add(tokenMeter(l.token(), window, w.usedAt(chainTime, p.period()), l.amount(), fn + ", periodic limit"));
            });
            case Policy.UniversalAction u -> {
                for (int i = 0; i < u.rules().size(); i++) {
                    ParamRule rule = u.rules().get(i);
                    if (rule.usageLimit().isPresent()) {
                        out.add(ruleMeter(a, u, rule, state.ruleUsed(e.address(), cfg, i), rule.usageLimit().get()));
                    }
                }
            }
            case Policy.UsageLimit u -> out.add(new Meter(fn + " calls", "in total", state.usageUsed(e.address(), cfg), u.limit(), 0,
                    "", "usage limit"));
            case Policy.ValueLimit v -> out.add(new Meter("ETH value", "in total", state.valueUsed(e.address(), cfg),
                    v.limit(), 18, "ETH", fn + ", value limit"));
            case Policy.RateLimit r -> {
                PolicyState.Window w = state.rateLimit(e.address(), cfg);
                out.add(new Meter(fn + " calls", "per " + Formats.duration(r.interval()), w.usedAt(chainTime, r.interval()),
                        BigInteger.valueOf(r.maxUses()), 0, "", "rate limit"));
            }
            default -> { }
        }
        return out;
    }

    private Meter tokenMeter(Address token, String window, BigInteger used, BigInteger limit, String source) {
        Optional<Token> t = network.tokenAt(token);
        String symbol = t.map(Token::symbol).orElse(Formats.shortHex(token.checksummed()));
        return new Meter(symbol, window, used, limit, t.map(Token::decimals).orElse(0), t.map(Token::symbol).orElse("units"), source);
    }

    /** A cumulative rule (e.g. {@code amountIn} summed over all swaps), in the token its argument is counted in. */
    private Meter ruleMeter(ActionData a, Policy.UniversalAction u, ParamRule rule, BigInteger used, BigInteger limit) {
        Optional<CatalogFunction> fn = Catalog.bySelector(a.actionTargetSelector());
        Optional<CatalogField> field = fn.flatMap(f -> f.fields().stream()
                .filter(x -> x.offset() == rule.calldataOffset().longValue()).findFirst());
        String arg = field.map(CatalogField::name).orElse("argument @" + rule.calldataOffset());
        Optional<Address> unitToken = field.flatMap(CatalogField::unitOf).flatMap(unit -> unit.equals("target")
                ? Optional.of(a.actionTarget())
                : fn.flatMap(f -> f.fields().stream().filter(x -> x.name().equals(unit)).findFirst())
                        .flatMap(unitField -> equalTo(u, unitField)));
        String source = actionName(a) + " " + arg + ", cumulative rule";
        if (unitToken.isPresent()) {
            return tokenMeter(unitToken.get(), "in total", used, limit, source);
        }
        return new Meter(arg, "in total", used, limit, 0, "", source);
    }

    /** The address an EQUAL rule pins {@code field} to. */
    private static Optional<Address> equalTo(Policy.UniversalAction u, CatalogField field) {
        return u.rules().stream()
                .filter(r -> r.condition() == ParamCondition.EQUAL && r.calldataOffset().longValue() == field.offset())
                .findFirst().map(r -> new Address(String.format("0x%040x", r.referenceValue())));
    }

    private String actionName(ActionData a) {
        if (a.isGenericFallback()) {
            return "any call (fallback)";
        }
        if (a.isAdminFallback()) {
            return "SmartSession admin (fallback)";
        }
        String target = network.label(a.actionTarget()).orElse(Formats.shortHex(a.actionTarget().checksummed()));
        String fn = Catalog.bySelector(a.actionTargetSelector()).map(CatalogFunction::name).orElse(a.actionTargetSelector().hex());
        return target + "." + fn;
    }

}
