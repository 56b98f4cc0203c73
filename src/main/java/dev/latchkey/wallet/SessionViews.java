package dev.latchkey.wallet;

import dev.latchkey.aa.flow.ChainPolicyState;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Settings;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.PolicyData;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyCodec;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.CatalogFunction;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds {@link SessionView}s: stored record + decoded definition + the live counters of its policies on this chain. */
final class SessionViews {

    private final ChainConnection chain;
    private final Settings settings;

    SessionViews(ChainConnection chain, Settings settings) {
        this.chain = chain;
        this.settings = settings;
    }

    SessionView of(SessionRecord r) throws KeystoreException {
        StoredSession s = StoredSession.of(r);
        NetworkProfile p = chain.profile();
        HexBytes pid = s.permissionId();
        boolean enabled = r.chain(p.chainId()).isPresent()
                && SmartSessionReads.isEnabled(chain.node(), p.smartSession(), pid, s.account());
        PolicyState state = enabled ? new ChainPolicyState(chain.node(), p.smartSession(), s.account()) : new InMemoryPolicyState();
        Optional<SessionView.Usage> uses = Optional.empty();
        Optional<SessionView.Usage> gas = Optional.empty();
        HexBytes userOpConfig = Ids.configId(s.account(), pid);
        for (PolicyData pd : s.onchain().userOpPolicies()) {
            switch (PolicyCodec.fromPolicyData("userOpPolicies", pd, p.policies())) {
                case Policy.UsageLimit u -> uses = Optional.of(new SessionView.Usage("operations",
                        state.usageUsed(pd.policy(), userOpConfig), u.limit()));
                case Policy.GasCostLimit g -> gas = Optional.of(new SessionView.Usage("gas cost (wei)",
                        state.gasCostUsed(pd.policy(), userOpConfig), g.costLimit()));
                default -> { }
            }
        }
        long now = chain.chainTime();
        List<SessionView.Spend> spending = new ArrayList<>();
        List<SessionView.Usage> rules = new ArrayList<>();
        TradeNetwork n = p.tradeNetwork();
        for (ActionData a : s.onchain().actions()) {
            HexBytes config = Ids.configId(s.account(), Ids.actionPolicyId(pid, Ids.actionId(a.actionTarget(), a.actionTargetSelector())));
            String fn = n.label(a.actionTarget()).orElse(a.actionTarget().checksummed()) + "."
                    + Catalog.bySelector(a.actionTargetSelector()).map(CatalogFunction::name).orElse(a.actionTargetSelector().hex());
            for (PolicyData pd : a.actionPolicies()) {
                switch (PolicyCodec.fromPolicyData("actions", pd, p.policies())) {
                    case Policy.SpendingLimits sl -> sl.limits().forEach(l -> {
                        PolicyState.Spending sp = state.spending(pd.policy(), config, l.token());
                        spending.add(spend(n, l.token(), l.amount(), sp.spent().add(sp.approved()), Optional.empty(), 0));
                    });
                    case Policy.PeriodicSpendingLimit ps -> ps.limits().forEach(l -> {
                        // An ended window is reset by the chain at the next use: show the new period, not the last one.
                        PolicyState.Window w = state.periodicBudget(pd.policy(), config, l.token());
                        spending.add(spend(n, l.token(), l.amount(), w.usedAt(now, ps.period()), Optional.of(ps.period()),
                                w.endedAt(now, ps.period()) ? 0 : w.start()));
                    });
                    case Policy.UniversalAction u -> {
                        for (int i = 0; i < u.rules().size(); i++) {
                            ParamRule rule = u.rules().get(i);
                            if (rule.usageLimit().isPresent()) {
                                rules.add(new SessionView.Usage(fn + " rule " + i, state.ruleUsed(pd.policy(), config, i),
                                        rule.usageLimit().get()));
                            }
                        }
                    }
                    default -> { }
                }
            }
        }
        return new SessionView(pid, SessionLabels.of(settings, pid), s.account(), Address.parse("key", r.sessionKeyAddress()),
                state(r, enabled), r.validAfter(), r.validUntil(), uses, spending, rules, gas, s.review(p));
    }

    private SessionView.State state(SessionRecord r, boolean enabledOnChain) {
        if (r.status() == SessionStatus.REVOKED) return SessionView.State.REVOKED;
        if (r.status() == SessionStatus.REVOKING) return SessionView.State.REVOKING;
        if (r.status() == SessionStatus.EXPIRED || chain.chainTime() >= r.validUntil()) return SessionView.State.EXPIRED;
        if (r.status() == SessionStatus.ENABLED || enabledOnChain) return SessionView.State.ENABLED;
        return r.approved() ? SessionView.State.READY : SessionView.State.AWAITING_APPROVAL;
    }

    private static SessionView.Spend spend(TradeNetwork n, Address token, BigInteger limit, BigInteger spent, Optional<Long> period,
                                           long start) {
        Optional<Token> t = n.tokenAt(token);
        return new SessionView.Spend(t.map(Token::symbol).orElse(token.checksummed()), token, t.map(Token::decimals).orElse(0), limit,
                spent, period, start);
    }
}
