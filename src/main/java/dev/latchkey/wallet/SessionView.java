package dev.latchkey.wallet;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A session as the Sessions screen and {@code session list|show} present it: state, validity, uses left, and spent /
 * left per token read live from the policy contracts (zero until the session is enabled on chain). The numbers come
 * from {@link SessionUsage}, the same meters the desktop Sessions screen shows; the accessors group them for the CLI.
 */
public record SessionView(HexBytes permissionId, String label, Address account, Address sessionKey, State state, long validAfter,
                          long validUntil, SessionUsage usage, List<String> review) {

    public SessionView {
        review = List.copyOf(review);
    }

    /** Operations left under the session-wide usage limit. */
    public Optional<Usage> uses() {
        return usage.operations().map(m -> new Usage("operations", m.used(), m.limit()));
    }

    /** Per token: lifetime and per-period spending limits. */
    public List<Spend> spending() {
        return usage.meters().stream()
                .filter(m -> m.kind() == SessionUsage.Kind.SPENDING || m.kind() == SessionUsage.Kind.PERIODIC_SPENDING)
                .map(m -> new Spend(m.symbol().orElse(m.token().orElseThrow().checksummed()), m.token().orElseThrow(), m.decimals(),
                        m.limit(), m.used(), m.periodSeconds(), m.periodStart()))
                .toList();
    }

    /** Cumulative universal-action rules, raw units: "SwapRouter02.exactInputSingle rule 4". */
    public List<Usage> ruleTotals() {
        return usages(m -> m.kind() == SessionUsage.Kind.RULE_TOTAL, m -> m.function() + " rule " + m.rule());
    }

    /** Calls of one function, in total (usage limit) or per interval (rate limit): "SwapRouter02.exactInputSingle". */
    public List<SessionUsage.Meter> callLimits() {
        return usage.meters().stream()
                .filter(m -> m.kind() == SessionUsage.Kind.CALLS || m.kind() == SessionUsage.Kind.RATE_LIMIT).toList();
    }

    /** The session-wide gas-cost limit, in wei. */
    public Optional<Usage> gasCostWei() {
        return usages(m -> m.kind() == SessionUsage.Kind.GAS_COST, m -> "gas cost (wei)").stream().findFirst();
    }

    private List<Usage> usages(Predicate<SessionUsage.Meter> which, Function<SessionUsage.Meter, String> what) {
        return usage.meters().stream().filter(which).map(m -> new Usage(what.apply(m), m.used(), m.limit())).toList();
    }

    /** The wallet-level life cycle of a session. */
    public enum State {
        /** Created; the owner has not approved it yet. */
        AWAITING_APPROVAL("awaiting approval"),
        /** Approved; its first operation enables it on chain. */
        READY("ready"),
        /** Enabled on chain. */
        ENABLED("enabled"),
        /** Past its time frame (chain time). */
        EXPIRED("expired"),
        /** A revocation is being sent. */
        REVOKING("revoking"),
        /** Revoked (removed or its approval invalidated on chain) and its key wiped. */
        REVOKED("revoked");

        private final String text;

        State(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Some cumulative quantity: used of limit. */
    public record Usage(String what, BigInteger used, BigInteger limit) {
        public BigInteger left() {
            return limit.subtract(used).max(BigInteger.ZERO);
        }
    }

    /**
     * Spending of one token under one policy: {@code periodSeconds} empty for a lifetime cap, else the current period
     * (starting at {@code periodStart}).
     */
    public record Spend(String symbol, Address token, int decimals, BigInteger limit, BigInteger spent, Optional<Long> periodSeconds,
                        long periodStart) {
        public BigInteger left() {
            return limit.subtract(spent).max(BigInteger.ZERO);
        }
    }
}
