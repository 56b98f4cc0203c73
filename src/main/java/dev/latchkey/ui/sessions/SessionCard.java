package dev.latchkey.ui.sessions;

import dev.latchkey.session.model.HexBytes;
import dev.latchkey.ui.common.Formats;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * What one session card shows: its life-cycle status, validity, usage read live from the policy contracts, and the
 * functions it may call. {@code problem} is set when the usage could not be read (the card still shows the rest);
 * {@code sharedWith} names the server the session was handed to ({@code latchkey session share} or the card's Share).
 */
public record SessionCard(HexBytes permissionId, String label, Status status, long validAfter, long validUntil,
                          Optional<Meter> operations, List<Meter> meters, List<String> actions, Optional<String> problem,
                          Optional<String> sharedWith) {

    public SessionCard {
        meters = List.copyOf(meters);
        actions = List.copyOf(actions);
    }

    public SessionCard(HexBytes permissionId, String label, Status status, long validAfter, long validUntil,
                       Optional<Meter> operations, List<Meter> meters, List<String> actions, Optional<String> problem) {
        this(permissionId, label, status, validAfter, validUntil, operations, meters, actions, problem, Optional.empty());
    }

    /** The same card, shared with {@code server}. */
    public SessionCard sharedWith(String server) {
        return new SessionCard(permissionId, label, status, validAfter, validUntil, operations, meters, actions, problem,
                Optional.of(server));
    }

    /** Live and not handed to a server yet: one session runs on one agent. */
    public boolean shareable() {
        return sharedWith.isEmpty() && (status == Status.READY || status == Status.ENABLED);
    }

    /** Where a session is in its life. */
    public enum Status {
        AWAITING_APPROVAL("awaiting approval"),
        READY("ready"),
        ENABLED("enabled"),
        EXPIRED("expired"),
        REVOKING("revoking"),
        REVOKED("revoked");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** Could still sign (or be approved): revocation makes sense. */
        public boolean live() {
            return this == AWAITING_APPROVAL || this == READY || this == ENABLED;
        }
    }

    /**
     * Consumption of one limit: {@code used} of {@code limit}, in a unit with {@code decimals} ({@code unit} empty for
     * counts). {@code window} says over what it counts ("today", "in total", "per 1 h"); {@code source} names the
     * policy and function it comes from ("approve, periodic limit").
     */
    public record Meter(String title, String window, BigInteger used, BigInteger limit, int decimals, String unit,
                        String source) {

        /** 0..1 for the bar (a limit of 0 is full). */
        public double fraction() {
            if (limit.signum() == 0) {
                return 1;
            }
            double f = new BigDecimal(used).divide(new BigDecimal(limit), MathContext.DECIMAL64).doubleValue();
            return Math.max(0, Math.min(1, f));
        }

        public BigInteger left() {
            return limit.subtract(used).max(BigInteger.ZERO);
        }

        /** "300 / 2,000 USDC". */
        public String text() {
            String suffix = unit.isEmpty() ? "" : " " + unit;
            return Formats.amount(used, decimals) + " / " + Formats.amount(limit, decimals) + suffix;
        }
    }
}
