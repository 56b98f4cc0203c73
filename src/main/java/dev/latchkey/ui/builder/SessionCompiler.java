package dev.latchkey.ui.builder;

import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.ui.builder.SessionSpec.ActionSpec;
import dev.latchkey.ui.builder.SessionSpec.LimitsSpec;
import dev.latchkey.ui.builder.SessionSpec.OwnersSpec;
import dev.latchkey.ui.builder.SessionSpec.RateSpec;
import dev.latchkey.ui.builder.SessionSpec.TokenCap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Form spec ⇄ {@link WalletSession}, exactly. {@link #compile} lays policies out in a fixed order (the one the
 * templates use): per action UniversalAction (or sudo), then PeriodicSpendingLimit, then SpendingLimits; user
 * operation policies TimeFrame, UsageLimit, RateLimit, ValueLimit, GasCostLimit ([sudo] when none is set).
 * {@link #fromWallet} reads a session of that shape back (templates are loaded this way), so a template loaded and
 * left unchanged compiles to the same bytes.
 */
public final class SessionCompiler {

    /** ERC-20 calls whose amount leaves the account, which the spending policies understand. */
    public static final Set<Selector> TOKEN_OUTFLOWS = Set.of(Catalog.APPROVE.selector(), Catalog.TRANSFER.selector(),
            new Selector("0x23b872dd") /* transferFrom */, new Selector("0x39509351") /* increaseAllowance */);

    private SessionCompiler() { }

    /** With the canonical OwnableValidator (module-sdk 0.4.0). */
    public static WalletSession compile(SessionSpec spec, Address sessionKey, HexBytes salt, long chainId) {
        return compile(spec, sessionKey, salt, chainId, Owners.OWNABLE_VALIDATOR);
    }

    /** {@code validator} is the network's OwnableValidator, which checks the session key's signature. */
    public static WalletSession compile(SessionSpec spec, Address sessionKey, HexBytes salt, long chainId, Address validator) {
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < spec.actions().size(); i++) {
            actions.add(action(spec.actions().get(i), spec.limits()));
        }
        if (spec.anyCall()) {
            actions.add(Action.anyCall());
        }
        return new WalletSession(owners(spec.owners(), sessionKey, validator), actions, userOpPolicies(spec.limits()), salt,
                List.of(chainId), Optional.empty(), false);
    }

    static Owners owners(OwnersSpec spec, Address sessionKey, Address validator) {
        return switch (spec) {
            case OwnersSpec.NewKey n -> new Owners.Ecdsa(List.of(sessionKey), 1, validator);
            case OwnersSpec.Multisig m -> {
                List<Address> all = new ArrayList<>();
                if (m.includeNewKey()) all.add(sessionKey);
                all.addAll(m.others());
                yield new Owners.Ecdsa(all, m.threshold(), validator);
            }
            case OwnersSpec.Custom c -> new Owners.Custom(c.validator(), c.initData());
        };
    }

    private static Action action(ActionSpec a, LimitsSpec limits) {
        List<Policy> policies = new ArrayList<>();
        policies.add(a.rules().isEmpty() ? new Policy.Sudo() : new Policy.UniversalAction(a.valueLimitPerUse(), a.rules()));
        if (TOKEN_OUTFLOWS.contains(a.selector())) {
            limits.capOf(a.target()).ifPresent(cap -> {
                cap.perPeriod().ifPresent(p -> policies.add(new Policy.PeriodicSpendingLimit(
                        List.of(new Policy.TokenLimit(a.target(), p)), limits.period())));
                cap.total().ifPresent(t -> policies.add(new Policy.SpendingLimits(List.of(new Policy.TokenLimit(a.target(), t)))));
            });
        }
        return new Action(a.target(), a.selector(), policies);
    }

    private static List<Policy> userOpPolicies(LimitsSpec l) {
        List<Policy> out = new ArrayList<>();
        if (l.validUntil() != 0 || l.validAfter() != 0) out.add(new Policy.TimeFrame(l.validUntil(), l.validAfter()));
        l.maxOperations().ifPresent(n -> out.add(new Policy.UsageLimit(n)));
        l.rate().ifPresent(r -> out.add(new Policy.RateLimit(r.maxUses(), r.intervalSeconds())));
        l.ethValueTotal().ifPresent(v -> out.add(new Policy.ValueLimit(v)));
        l.gasCostTotal().ifPresent(g -> out.add(new Policy.GasCostLimit(g)));
        return out.isEmpty() ? List.of(new Policy.Sudo()) : out;
    }

    /**
     * The spec behind a session of the builder's shape (a template's, or one compiled here). The session key is the
     * ECDSA owner that {@code sessionKey} names. Throws a {@link FieldException} naming what the builder cannot
     * represent (e.g. a custom policy, or different periods per token).
     */
    public static SessionSpec fromWallet(WalletSession s, Address sessionKey) {
        return fromWallet(s, sessionKey, Owners.OWNABLE_VALIDATOR);
    }

    /** As {@link #fromWallet(WalletSession, Address)}, where ECDSA owners checked by {@code validator} are the plain forms. */
    public static SessionSpec fromWallet(WalletSession in, Address sessionKey, Address validator) {
        // The deadline is not a form field: the builder adds it back wherever the network has it (OperationDeadlines).
        List<Policy> kept = in.policies().stream().filter(p -> !(p instanceof Policy.OperationDeadline)).toList();
        WalletSession s = kept.size() == in.policies().size() ? in : new WalletSession(in.owners(), in.actions(),
                kept.isEmpty() ? List.of(new Policy.Sudo()) : kept, in.salt(), in.chains(), in.signing(), in.permitErc4337Paymaster());
        Map<Address, BigInteger> perPeriod = new LinkedHashMap<>();
        Map<Address, BigInteger> totals = new LinkedHashMap<>();
        long[] period = {0};
        List<ActionSpec> actions = new ArrayList<>();
        boolean anyCall = false;
        for (int i = 0; i < s.actions().size(); i++) {
            Action a = s.actions().get(i);
            String f = "actions[" + i + "]";
            if (a.target().equals(ActionData.FALLBACK_TARGET)) {
                if (!a.selector().equals(Selector.FALLBACK) || !a.policies().equals(List.of(new Policy.Sudo()))) {
                    throw new FieldException(f, "only the plain 'any call' fallback can be edited here");
                }
                anyCall = true;
                continue;
            }
            List<Policy> ps = a.policies();
            if (ps.isEmpty()) throw new FieldException(f + ".policies", "an action without policies cannot be edited here");
            ActionSpec spec = switch (ps.get(0)) {
                case Policy.Sudo x -> new ActionSpec(a.target(), a.selector(), BigInteger.ZERO, List.of());
                case Policy.UniversalAction u -> new ActionSpec(a.target(), a.selector(), u.valueLimitPerUse(), u.rules());
                default -> throw new FieldException(f + ".policies[0]", "expected argument rules or sudo first");
            };
            for (int k = 1; k < ps.size(); k++) {
                String pf = f + ".policies[" + k + "]";
                boolean first = k == 1;
                if (!TOKEN_OUTFLOWS.contains(a.selector())) throw new FieldException(pf, "spending caps only on ERC-20 outflows");
                switch (ps.get(k)) {
                    case Policy.PeriodicSpendingLimit p when first && single(p.limits(), a.target()) -> {
                        if (period[0] != 0 && period[0] != p.period()) throw new FieldException(pf, "all tokens share one period here");
                        period[0] = p.period();
                        merge(perPeriod, a.target(), p.limits().get(0).amount(), pf);
                    }
                    case Policy.SpendingLimits sl when single(sl.limits(), a.target()) -> merge(totals, a.target(), sl.limits().get(0).amount(), pf);
                    default -> throw new FieldException(pf, "this policy cannot be edited here");
                }
            }
            actions.add(spec);
        }
        List<TokenCap> caps = new ArrayList<>();
        for (Address token : union(perPeriod, totals)) {
            caps.add(new TokenCap(token, Optional.ofNullable(perPeriod.get(token)), Optional.ofNullable(totals.get(token))));
        }
        SessionSpec spec = new SessionSpec(ownersSpec(s.owners(), sessionKey, validator), actions, anyCall,
                limits(s.policies(), period[0] == 0 ? 86_400 : period[0], caps));
        if (!compile(spec, sessionKey, s.salt(), s.chains().isEmpty() ? 0 : s.chains().get(0), validator).equals(s)) {
            throw new FieldException("session", "its layout differs from what the builder produces (policy order or a cap on a token without it)");
        }
        return spec;
    }

    private static boolean single(List<Policy.TokenLimit> limits, Address token) {
        return limits.size() == 1 && limits.get(0).token().equals(token);
    }

    private static void merge(Map<Address, BigInteger> caps, Address token, BigInteger amount, String field) {
        BigInteger old = caps.putIfAbsent(token, amount);
        if (old != null && !old.equals(amount)) throw new FieldException(field, "different caps for the same token");
    }

    private static List<Address> union(Map<Address, BigInteger> a, Map<Address, BigInteger> b) {
        List<Address> out = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !out.contains(k)).forEach(out::add);
        return out;
    }

    private static OwnersSpec ownersSpec(Owners owners, Address sessionKey, Address validator) {
        return switch (owners) {
            case Owners.Ecdsa e when e.accounts().equals(List.of(sessionKey)) && e.validator().equals(validator) -> new OwnersSpec.NewKey();
            case Owners.Ecdsa e when e.validator().equals(validator) -> {
                boolean withKey = e.accounts().contains(sessionKey);
                List<Address> others = e.accounts().stream().filter(a -> !a.equals(sessionKey)).toList();
                yield new OwnersSpec.Multisig(withKey, others, e.threshold());
            }
            case Owners.Ecdsa e -> new OwnersSpec.Custom(e.validator(), dev.latchkey.session.wallet.SessionMapper.validatorInitData(e));
            case Owners.Passkey p -> new OwnersSpec.Custom(p.validator(), dev.latchkey.session.wallet.SessionMapper.validatorInitData(p));
            case Owners.Custom c -> new OwnersSpec.Custom(c.validator(), c.initData());
        };
    }

    private static LimitsSpec limits(List<Policy> ps, long period, List<TokenCap> caps) {
        long after = 0;
        long until = 0;
        Optional<BigInteger> ops = Optional.empty();
        Optional<RateSpec> rate = Optional.empty();
        Optional<BigInteger> value = Optional.empty();
        Optional<BigInteger> gas = Optional.empty();
        if (!ps.equals(List.of(new Policy.Sudo()))) {
            for (int i = 0; i < ps.size(); i++) {
                switch (ps.get(i)) {
                    case Policy.TimeFrame t -> {
                        after = t.validAfter();
                        until = t.validUntil();
                    }
                    case Policy.UsageLimit u -> ops = Optional.of(u.limit());
                    case Policy.RateLimit r -> rate = Optional.of(new RateSpec(r.maxUses(), r.interval()));
                    case Policy.ValueLimit v -> value = Optional.of(v.limit());
                    case Policy.GasCostLimit g -> gas = Optional.of(g.costLimit());
                    default -> throw new FieldException("policies[" + i + "]", ps.get(i).kind().jsonName() + " cannot be edited here");
                }
            }
        }
        return new LimitsSpec(after, until, ops, rate, value, gas, period, caps);
    }
}
