package dev.latchkey.signer;

import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.Policy;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the policy contracts say a session has consumed on one account, in the ledger's terms, for the counters the
 * ledger also keeps: per token, the ERC20SpendingLimit {@code spent + approved} of every action on that token (and
 * of the generic fallback action, per listed token); native value, the ValueLimit usage; uses, the user-operation
 * UsageLimit (or the only action's, when the session has a single action). A quantity no policy counts is absent:
 * the chain has no truth for it. Periodic budgets and rate limits reset by window and are not ledger totals.
 */
record ChainTotals(Map<String, BigInteger> spent, Optional<BigInteger> uses) {

    static ChainTotals read(PreparedSession s, Address account, PolicyState state) {
        Map<String, BigInteger> spent = new TreeMap<>();
        HexBytes userOpCfg = Ids.configId(account, s.permissionId());
        Optional<BigInteger> uses = Optional.empty();
        for (PreparedSession.Entry e : s.userOpPolicies()) {
            if (e.policy() instanceof Policy.UsageLimit) uses = Optional.of(sum(uses, state.usageUsed(e.address(), userOpCfg)));
            if (e.policy() instanceof Policy.ValueLimit) add(spent, Reservations.NATIVE, state.valueUsed(e.address(), userOpCfg));
        }
        List<Map.Entry<PreparedSession.ActionKey, List<PreparedSession.Entry>>> actions = List.copyOf(s.actions().entrySet());
        for (var action : actions) {
            Address target = action.getKey().target();
            Selector selector = action.getKey().selector();
            boolean fallback = target.equals(ActionData.FALLBACK_TARGET);
            HexBytes actionId = Ids.actionId(target, selector); // the fallback ids are this too (Ids.FALLBACK_ACTION_ID…)
            HexBytes cfg = Ids.configId(account, Ids.actionPolicyId(s.permissionId(), actionId));
            for (PreparedSession.Entry e : action.getValue()) {
                switch (e.policy()) {
                    case Policy.SpendingLimits limits -> {
                        for (Policy.TokenLimit l : limits.limits()) {
                            if (!fallback && !l.token().equals(target)) continue; // only the call target is counted
                            PolicyState.Spending st = state.spending(e.address(), cfg, l.token());
                            add(spent, l.token().hex(), st.spent().add(st.approved()));
                        }
                    }
                    case Policy.ValueLimit v -> add(spent, Reservations.NATIVE, state.valueUsed(e.address(), cfg));
                    case Policy.UsageLimit u -> {
                        if (actions.size() == 1 && s.userOpPolicies().stream().noneMatch(x -> x.policy() instanceof Policy.UsageLimit)) {
                            uses = Optional.of(state.usageUsed(e.address(), cfg));
                        }
                    }
                    default -> { }
                }
            }
        }
        return new ChainTotals(spent, uses);
    }

    private static void add(Map<String, BigInteger> m, String key, BigInteger v) {
        m.merge(key, v, BigInteger::add);
    }

    private static BigInteger sum(Optional<BigInteger> a, BigInteger b) {
        return a.orElse(BigInteger.ZERO).add(b);
    }
}
