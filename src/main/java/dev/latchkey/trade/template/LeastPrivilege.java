package dev.latchkey.trade.template;

import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.Conditions;
import dev.latchkey.trade.catalog.Targets;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The refusal list of security.md R3/R5/R8 for sessions the wallet creates: throws a {@link FieldException}
 * naming the offending part, so no template (and no future edit of one) can produce a broader session.
 */
public final class LeastPrivilege {

    private LeastPrivilege() { }

    public static void check(WalletSession s, Address account, TradeNetwork network) {
        if (s.permitErc4337Paymaster()) throw new FieldException("permitERC4337Paymaster", "must be false (no pinned paymaster policy)");
        if (s.signing().isPresent()) throw new FieldException("signing", "session keys never sign ERC-1271/7739 content (R12)");
        if (s.actions().isEmpty()) throw new FieldException("actions", "at least one explicit action");
        userOpPolicies(s.policies());
        Conditions.check(s);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < s.actions().size(); i++) {
            Action a = s.actions().get(i);
            String f = "actions[" + i + "]";
            if (a.target().equals(ActionData.FALLBACK_TARGET)) throw new FieldException(f + ".target", "fallback actions are not allowed");
            Targets.requireAllowed(f + ".target", a.target(), account, network);
            if (!seen.add(a.target() + "." + a.selector())) throw new FieldException(f, "duplicate (target, selector): the later one would overwrite");
            boolean uni = false;
            boolean spendCap = false;
            for (Policy p : a.policies()) {
                switch (p) {
                    case Policy.Sudo x -> throw new FieldException(f + ".policies", "sudo is not allowed");
                    case Policy.UniversalAction u -> {
                        if (u.valueLimitPerUse().signum() != 0) throw new FieldException(f + ".policies", "native value must be 0");
                        uni = true;
                    }
                    case Policy.SpendingLimits x -> spendCap |= x.limits().stream().anyMatch(l -> l.token().equals(a.target()));
                    case Policy.PeriodicSpendingLimit x -> spendCap |= x.limits().stream().anyMatch(l -> l.token().equals(a.target()));
                    default -> { }
                }
            }
            if (!uni) throw new FieldException(f + ".policies", "every action needs argument rules (universal-action)");
            boolean movesTokens = a.selector().equals(Catalog.APPROVE.selector()) || a.selector().equals(Catalog.TRANSFER.selector());
            if (movesTokens && !spendCap) throw new FieldException(f + ".policies", "a token outflow needs a spending limit on " + a.target());
        }
    }

    private static void userOpPolicies(List<Policy> ps) {
        boolean time = false;
        boolean usage = false;
        boolean gas = false;
        for (Policy p : ps) {
            switch (p) {
                case Policy.TimeFrame t -> {
                    if (t.validUntil() == 0 || t.validUntil() - t.validAfter() > SessionBounds.MAX_DAYS * SessionBounds.DAY) {
                        throw new FieldException("policies.timeFrame", "must end within " + SessionBounds.MAX_DAYS + " days of its start");
                    }
                    time = true;
                }
                case Policy.UsageLimit u -> usage = true;
                case Policy.GasCostLimit g -> gas = true;
                case Policy.Sudo x -> throw new FieldException("policies", "sudo is not allowed");
                default -> { }
            }
        }
        if (!time) throw new FieldException("policies", "a time-frame policy is required");
        if (!usage) throw new FieldException("policies", "a usage-limit policy is required");
        if (!gas) throw new FieldException("policies", "a gas-cost-limit policy is required");
    }
}
