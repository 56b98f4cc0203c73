package dev.latchkey.trade.build;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;

/**
 * Swap exactly {@code amount} (raw units) of {@code from} for {@code to} through the pool of fee tier {@code fee},
 * accepting at most {@code maxSlippageBps} (0..5000 = 0–50 %) below the on-chain quote.
 */
public record SwapIntent(String from, String to, BigInteger amount, int maxSlippageBps, int fee) {

    public static final int MAX_SLIPPAGE_BPS = 5000;
    public static final int DEFAULT_FEE = 500;

    public SwapIntent {
        if (from == null || from.isBlank()) throw new FieldException("from", "missing");
        if (to == null || to.isBlank()) throw new FieldException("to", "missing");
        if (from.equalsIgnoreCase(to)) throw new FieldException("to", "must differ from 'from' (" + from + ")");
        UInt.check("amount", amount, 256);
        if (amount.signum() == 0) throw new FieldException("amount", "must be greater than 0");
        if (maxSlippageBps < 0 || maxSlippageBps > MAX_SLIPPAGE_BPS) {
            throw new FieldException("maxSlippage", "must be 0–50% (0.." + MAX_SLIPPAGE_BPS + " bps), got " + maxSlippageBps + " bps");
        }
        if (fee != 100 && fee != 500 && fee != 3000 && fee != 10000) throw new FieldException("fee", "must be one of 100, 500, 3000, 10000, got " + fee);
    }

    /** Through the 0.05 % pool. */
    public SwapIntent(String from, String to, BigInteger amount, int maxSlippageBps) {
        this(from, to, amount, maxSlippageBps, DEFAULT_FEE);
    }
}
