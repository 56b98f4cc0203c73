package dev.latchkey.session.engine;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;

/**
 * Port: the cumulative state the policy contracts hold, read through their getters and keyed as on chain by
 * {@code (policy, configId)} for the engine's multiplexer (SmartSession) and account. Implementations read the
 * chain (in {@code chain}) or memory ({@link InMemoryPolicyState}); unknown keys read as zero/unused.
 */
public interface PolicyState {

    /** UsageLimitPolicy: uses consumed. */
    BigInteger usageUsed(Address policy, HexBytes configId);

    /** ValueLimitPolicy: native value consumed. */
    BigInteger valueUsed(Address policy, HexBytes configId);

    /** ERC20SpendingLimitPolicy: spent and approved amounts of {@code token}. */
    Spending spending(Address policy, HexBytes configId, Address token);

    /** PeriodicSpendingLimitPolicy {@code getBudget}: used in the period starting at {@code periodStart}. */
    Window periodicBudget(Address policy, HexBytes configId, Address token);

    /** RateLimitPolicy {@code getRateLimit}: uses in the window starting at {@code windowStart}. */
    Window rateLimit(Address policy, HexBytes configId);

    /** GasCostLimitPolicy {@code getUsage}: cost (wei) consumed. */
    BigInteger gasCostUsed(Address policy, HexBytes configId);

    /** UniActionPolicy: the {@code used} sum of rule {@code ruleIndex}. */
    BigInteger ruleUsed(Address policy, HexBytes configId, int ruleIndex);

    record Spending(BigInteger spent, BigInteger approved) {
        public static final Spending NONE = new Spending(BigInteger.ZERO, BigInteger.ZERO);
    }

    /** Consumption within a fixed window; {@code start} 0 = never initialised (treated as a fresh window). */
    record Window(BigInteger used, long start) {
        public static final Window NONE = new Window(BigInteger.ZERO, 0);

        /** Whether the window of {@code length} seconds is over at {@code now}: the next use opens a new one. */
        public boolean endedAt(long now, long length) {
            return start == 0 || now >= start + length;
        }

        /**
         * What counts against the limit in the window starting at {@code claimedStart} (not before {@link #start}):
         * this window's use, or nothing in a later one (the policy starts it from 0).
         */
        public BigInteger usedIn(long claimedStart) {
            return claimedStart == start ? used : BigInteger.ZERO;
        }

        /** What counts against the limit at {@code now}: nothing once the window has ended (the chain resets it then). */
        public BigInteger usedAt(long now, long length) {
            return endedAt(now, length) ? BigInteger.ZERO : used;
        }
    }
}
