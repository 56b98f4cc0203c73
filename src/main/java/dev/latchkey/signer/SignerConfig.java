package dev.latchkey.signer;

import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.policy.PolicyAddresses;
import java.time.Duration;

/**
 * Tunables of the signer.
 *
 * @param maxInFlightPerLane   operations signed but not settled per session lane (FT-13: 4)
 * @param expiryMarginSeconds  refuse when the chain time is within this of the session's validUntil (R9, BI-07)
 * @param receiptTimeout       how long one receipt poll waits
 * @param retryBackoff         first delay between resends to an unreachable bundler (doubled up to 8x)
 * @param maxResends           resends of the same bytes before the row is left for the next start
 * @param maxInFlightPerAccount operations signed but not settled per account over all its lanes: 4 on a public
 *                              network (a public mempool holds at most 4 pending operations of an unstaked sender,
 *                              ERC-7562 / ERC-7769); a private bundler may take more (at most 64). Further intents
 *                              wait on their lane, in order.
 */
public record SignerConfig(PolicyAddresses policies, SoftLimits softLimits, int maxInFlightPerLane, long expiryMarginSeconds,
                           Duration receiptTimeout, Duration retryBackoff, int maxResends, int maxInFlightPerAccount) {

    /** The public-network limit per account. */
    public static final int PUBLIC_MEMPOOL_PER_SENDER = 4;

    /** A signer for a public network: at most {@link #PUBLIC_MEMPOOL_PER_SENDER} in flight per account. */
    public SignerConfig(PolicyAddresses policies, SoftLimits softLimits, int maxInFlightPerLane, long expiryMarginSeconds,
                        Duration receiptTimeout, Duration retryBackoff, int maxResends) {
        this(policies, softLimits, maxInFlightPerLane, expiryMarginSeconds, receiptTimeout, retryBackoff, maxResends, PUBLIC_MEMPOOL_PER_SENDER);
    }

    public SignerConfig {
        if (maxInFlightPerLane < 1 || maxInFlightPerLane > 4) {
            throw new IllegalArgumentException("1..4 operations in flight per lane (unstaked sender limit)");
        }
        if (maxInFlightPerAccount < 1 || maxInFlightPerAccount > 64) {
            throw new IllegalArgumentException("1..64 operations in flight per account (4 on a public network)");
        }
        if (expiryMarginSeconds < 0 || maxResends < 1) throw new IllegalArgumentException("bad margin or resend count");
    }

    public static SignerConfig defaults(PolicyAddresses policies, SoftLimits soft) {
        return new SignerConfig(policies, soft, 4, 30, Duration.ofSeconds(30), Duration.ofSeconds(1), 1000);
    }
}
