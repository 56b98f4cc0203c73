package dev.latchkey.trade.catalog;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.WalletSession;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which rule conditions mean something for an argument type. UniActionPolicy compares the raw 32-byte word as an
 * unsigned number, so "≤" on an address allows every address numerically below it, and an order on a signed
 * integer or a {@code bytes32} follows no meaning the owner has in mind. Only unsigned integers (amounts, fees,
 * deadlines) are ordered; every other type is equal or not equal. A set of addresses cannot be one rule (the
 * policy ANDs its rules): several "≠" rules make a deny list, and an allow list is one action per value.
 *
 * <p>The builder, {@code session create --file} and every other path that turns someone's rule into a session use
 * this one table, so a meaningless rule is refused with the same reason everywhere.
 */
public final class Conditions {

    private static final Set<ParamCondition> IDENTITY = EnumSet.of(ParamCondition.EQUAL, ParamCondition.NOT_EQUAL);

    private Conditions() { }

    /** The conditions allowed on an argument of Solidity type {@code type}; all of them for a raw word of unknown type. */
    public static List<ParamCondition> allowed(Optional<String> type) {
        if (type.isEmpty() || ordered(type.get())) return List.of(ParamCondition.values());
        return List.copyOf(IDENTITY);
    }

    /** Why {@code condition} means nothing on {@code name} of {@code type}; empty when it is allowed. */
    public static Optional<String> refusal(String name, Optional<String> type, ParamCondition condition) {
        if (allowed(type).contains(condition)) return Optional.empty();
        String t = type.orElseThrow();
        String what = t.equals("address") ? "an address" : "a " + t;
        String why = t.equals("address") ? "it would allow every address numerically " + (below(condition) ? "below" : "above") + " the value"
                : "the word is compared as an unsigned number, which says nothing about " + what;
        return Optional.of(name + " is " + what + ": only = or ≠ mean something (" + why + ")");
    }

    /** Throws a {@link FieldException} naming the rule when some rule of {@code s} compares a non-amount argument by order. */
    public static void check(WalletSession s) {
        for (int i = 0; i < s.actions().size(); i++) {
            Action a = s.actions().get(i);
            Optional<CatalogFunction> fn = Catalog.bySelector(a.selector());
            if (fn.isEmpty()) continue; // unknown functions have no typed arguments: their words are shown as such
            for (int j = 0; j < a.policies().size(); j++) {
                if (!(a.policies().get(j) instanceof Policy.UniversalAction u)) continue;
                for (int k = 0; k < u.rules().size(); k++) {
                    ParamRule r = u.rules().get(k);
                    Optional<CatalogField> f = fn.get().fields().stream().filter(x -> x.offset() == r.calldataOffset().longValue()).findFirst();
                    if (f.isEmpty()) continue;
                    Optional<String> why = refusal(f.get().name(), Optional.of(f.get().type()), r.condition());
                    if (why.isPresent()) {
                        throw new FieldException("actions[" + i + "].policies[" + j + "].rules[" + k + "].condition", why.get());
                    }
                }
            }
        }
    }

    private static boolean ordered(String type) {
        return type.startsWith("uint") && !type.endsWith("]");
    }

    private static boolean below(ParamCondition c) {
        return c == ParamCondition.LESS_THAN || c == ParamCondition.LESS_THAN_OR_EQUAL || c == ParamCondition.IN_RANGE;
    }
}
