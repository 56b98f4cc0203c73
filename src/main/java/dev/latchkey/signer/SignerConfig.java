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
 */
public record SignerConfig(PolicyAddresses policies, SoftLimits softLimits, int maxInFlightPerLane, long expiryMarginSeconds,
                           Duration receiptTimeout, Duration retryBackoff, int maxResends) {

    public SignerConfig {
        if (maxInFlightPerLane < 1 || maxInFlightPerLane > 4) {
            throw new IllegalArgumentException("1..4 operations in flight per lane (unstaked sender limit)");
        }
        if (expiryMarginSeconds < 0 || maxResends < 1) throw new IllegalArgumentException("bad margin or resend count");
    }

    public static SignerConfig defaults(PolicyAddresses policies, SoftLimits soft) {
        return new SignerConfig(policies, soft, 4, 30, Duration.ofSeconds(30), Duration.ofSeconds(1), 1000);
    }
}
