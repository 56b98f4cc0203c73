package dev.latchkey.wallet;

import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * How much of each limit a session has used, read live from its policies as SmartSession keys them. The single source
 * of the numbers both the CLI ({@link SessionView}) and the Sessions screen show; wording and colours are theirs.
 * {@code operations} is the session-wide usage limit; {@code meters} the other limits in definition order.
 */
public record SessionUsage(Optional<Meter> operations, List<Meter> meters) {

    public SessionUsage {
        meters = List.copyOf(meters);
    }

    public static final SessionUsage NONE = new SessionUsage(Optional.empty(), List.of());

    /** Which policy a meter comes from. */
    public enum Kind {
        /** Session-wide UserOp usage limit. */
        OPERATIONS,
        /** Session-wide gas-cost limit (wei). */
        GAS_COST,
        /** ETH value limit (wei), session-wide or per action. */
        VALUE,
        /** Lifetime ERC-20 spending limit. */
        SPENDING,
        /** ERC-20 spending limit per period. */
        PERIODIC_SPENDING,
        /** Calls of one action in total (action usage limit). */
        CALLS,
        /** Calls of one action per interval (rate limit). */
        RATE_LIMIT,
        /** Cumulative universal-action rule (e.g. {@code amountIn} summed over all swaps). */
        RULE_TOTAL
    }

    /**
     * {@code used} of {@code limit} in raw units with {@code decimals}. {@code function} names the action ("" for
     * session-wide policies); {@code argument} the counted argument of a rule ("" otherwise) and {@code rule} its index;
     * {@code token} the ERC-20 counted in (with its {@code symbol} when the network knows it; "ETH" for wei).
     * {@code periodSeconds} is empty for lifetime limits, else the current window starts at {@code periodStart}
     * (0 once the window ended: the chain opens a new one at the next use).
     */
    public record Meter(Kind kind, String function, String argument, int rule, Optional<Address> token, Optional<String> symbol,
                        int decimals, BigInteger used, BigInteger limit, Optional<Long> periodSeconds, long periodStart) {

        public BigInteger left() {
            return limit.subtract(used).max(BigInteger.ZERO);
        }
    }
}
