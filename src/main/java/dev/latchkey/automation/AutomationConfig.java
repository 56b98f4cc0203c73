package dev.latchkey.automation;

import dev.latchkey.session.policy.PolicyAddresses;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Tunables of the engine.
 *
 * @param policies             where each policy type is deployed (for the PolicyEngine pre-check)
 * @param pollInterval         how often the latest block is polled
 * @param maxAttempts          attempts per trigger whose earlier attempts provably had no effect, before "needs attention"
 * @param expiryMarginSeconds  a session this close to its end counts as expired (the signer's margin, R9)
 * @param unseenDuplicateBlocks blocks to wait for a journal row after the signer answered "already received" for an
 *                             intent it has no row for (it was refused earlier in the signer's run) before a new attempt
 * @param log                  one line per decision (the headless {@code signer run} prints them)
 */
public record AutomationConfig(PolicyAddresses policies, Duration pollInterval, int maxAttempts, long expiryMarginSeconds,
                               int unseenDuplicateBlocks, Consumer<String> log) {

    public AutomationConfig {
        if (maxAttempts < 1) throw new IllegalArgumentException("at least one attempt per trigger");
        if (pollInterval.isNegative() || pollInterval.isZero()) throw new IllegalArgumentException("poll interval must be positive");
    }

    public static AutomationConfig defaults(PolicyAddresses policies, Consumer<String> log) {
        return new AutomationConfig(policies, Duration.ofSeconds(1), 3, 30, 3, log);
    }
}
