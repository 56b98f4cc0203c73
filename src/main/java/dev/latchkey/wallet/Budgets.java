package dev.latchkey.wallet;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.WalletSession;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local ledger lines of a new session (keystore {@code budget}), derived from its spending policies: the most the
 * session could ever move of each token over its lifetime. They are the signer's second fence (reserved before
 * signing, R10); the on-chain policies remain the first. A token no spending policy caps gets no line, so the ledger
 * refuses any operation that would move it; native value gets a line only when a value policy allows some.
 */
public final class Budgets {

    /** One line: token (lower-case hex, the zero address for native value), cap over the session, and uses. */
    public record Line(String token, BigInteger cap, long uses) { }

    private Budgets() { }

    public static List<Line> of(WalletSession s, long validAfter, long validUntil) {
        long uses = s.policies().stream().filter(p -> p instanceof Policy.UsageLimit).map(p -> ((Policy.UsageLimit) p).limit())
                .map(l -> l.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact()).min(Long::compare).orElse(Long.MAX_VALUE);
        long duration = Math.max(1, validUntil - validAfter);
        Map<String, BigInteger> caps = new TreeMap<>();
        BigInteger valuePerUse = BigInteger.ZERO;
        for (Action a : s.actions()) {
            for (Policy p : a.policies()) {
                switch (p) {
                    case Policy.SpendingLimits sl -> sl.limits().forEach(l -> add(caps, l.token(), l.amount()));
                    case Policy.PeriodicSpendingLimit ps -> {
                        BigInteger periods = BigInteger.valueOf((duration + ps.period() - 1) / ps.period());
                        ps.limits().forEach(l -> add(caps, l.token(), l.amount().multiply(periods)));
                    }
                    case Policy.UniversalAction u -> valuePerUse = valuePerUse.max(u.valueLimitPerUse());
                    default -> { }
                }
            }
        }
        BigInteger nativeCap = s.policies().stream().filter(p -> p instanceof Policy.ValueLimit)
                .map(p -> ((Policy.ValueLimit) p).limit()).findFirst()
                .orElse(uses == Long.MAX_VALUE ? BigInteger.ZERO : valuePerUse.multiply(BigInteger.valueOf(uses)));
        if (nativeCap.signum() > 0) add(caps, Address.ZERO, nativeCap);
        return caps.entrySet().stream().map(e -> new Line(e.getKey(), e.getValue(), uses)).toList();
    }

    private static void add(Map<String, BigInteger> caps, Address token, BigInteger amount) {
        caps.merge(token.hex(), amount, BigInteger::add);
    }
}
