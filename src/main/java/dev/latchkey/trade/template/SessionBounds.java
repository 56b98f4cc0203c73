package dev.latchkey.trade.template;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;

/**
 * The time box and operation budget every template session carries (security.md R3): valid from
 * {@code validAfter} (unix seconds) for {@code days} (1..7, the hard maximum), at most {@code maxOperations} user
 * operations and at most {@code maxGasCostWei} of gas cost in total.
 */
public record SessionBounds(long validAfter, int days, long maxOperations, BigInteger maxGasCostWei) {

    public static final int MAX_DAYS = 7;
    public static final long DAY = 86_400;
    /** Defaults of {@link #of}: 50 operations and 0.02 ETH of gas per day. */
    public static final long DEFAULT_OPERATIONS_PER_DAY = 50;
    public static final BigInteger DEFAULT_GAS_WEI_PER_DAY = new BigInteger("20000000000000000");

    public SessionBounds {
        UInt.check("validAfter", validAfter, 48);
        if (validAfter == 0) throw new FieldException("validAfter", "must be a real start time (0 would mean no lower bound)");
        if (days < 1 || days > MAX_DAYS) throw new FieldException("days", "must be 1.." + MAX_DAYS + ", got " + days);
        UInt.check("validUntil", validAfter + days * DAY, 48);
        if (maxOperations < 1) throw new FieldException("maxOperations", "must be at least 1, got " + maxOperations);
        UInt.check("maxOperations", maxOperations, 128);
        UInt.check("maxGasCostWei", maxGasCostWei, 256);
        if (maxGasCostWei.signum() == 0) throw new FieldException("maxGasCostWei", "must not be 0");
    }

    /** Bounds with the default operation and gas budgets for {@code days}. */
    public static SessionBounds of(long validAfter, int days) {
        if (days < 1 || days > MAX_DAYS) throw new FieldException("days", "must be 1.." + MAX_DAYS + ", got " + days);
        return new SessionBounds(validAfter, days, DEFAULT_OPERATIONS_PER_DAY * days, DEFAULT_GAS_WEI_PER_DAY.multiply(BigInteger.valueOf(days)));
    }

    public long validUntil() {
        return validAfter + days * DAY;
    }
}
