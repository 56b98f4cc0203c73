package dev.latchkey.wallet;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A session as the Sessions screen and {@code session list|show} present it: state, validity, uses left, and spent /
 * left per token read live from the policy contracts (zero until the session is enabled on chain).
 */
public record SessionView(HexBytes permissionId, String label, Address account, Address sessionKey, State state, long validAfter,
                          long validUntil, Optional<Usage> uses, List<Spend> spending, List<Usage> ruleTotals,
                          Optional<Usage> gasCostWei, List<String> review) {

    public SessionView {
        spending = List.copyOf(spending);
        ruleTotals = List.copyOf(ruleTotals);
        review = List.copyOf(review);
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
