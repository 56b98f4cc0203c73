package dev.latchkey.automation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * A price level of {@code base} in {@code quote} (human units) turned once into an exact comparison against a
 * pool's {@code sqrtPriceX96}, so each block costs one multiplication and one compare per rule (no division).
 *
 * <p>With {@code s = sqrtPriceX96}, the pool's raw price token1/token0 is {@code s²/2^192}. If base is token0 the
 * human price is {@code s²/2^192 · 10^(db−dq)}, else {@code 2^192/s² · 10^(db−dq)}; the level is {@code u/10^k}.
 */
public final class PriceLevel {

    private static final BigInteger Q192 = BigInteger.ONE.shiftLeft(192);

    private final boolean baseIsToken0;
    private final BigInteger sideS;     // multiplies s² (or 2^192 when base is token1)
    private final BigInteger sideLevel; // multiplies u·2^192 (or u·s²)
    private final BigDecimal level;

    public PriceLevel(BigDecimal level, boolean baseIsToken0, int baseDecimals, int quoteDecimals) {
        this.level = level;
        this.baseIsToken0 = baseIsToken0;
        BigInteger u = level.unscaledValue();
        int exp = baseDecimals - quoteDecimals + level.scale(); // price·10^k vs u: move 10^exp to whichever side keeps it whole
        BigInteger left = exp >= 0 ? BigInteger.TEN.pow(exp) : BigInteger.ONE;
        BigInteger right = exp >= 0 ? u : u.multiply(BigInteger.TEN.pow(-exp));
        this.sideS = left;
        this.sideLevel = right;
    }

    /** Sign of (pool price − level) for the pool's {@code sqrtPriceX96²}: negative below, 0 at, positive above. */
    public int compare(BigInteger sqrtSquared) {
        return baseIsToken0
                ? sqrtSquared.multiply(sideS).compareTo(sideLevel.multiply(Q192))
                : Q192.multiply(sideS).compareTo(sideLevel.multiply(sqrtSquared));
    }

    public BigDecimal level() {
        return level;
    }

    /** The human price of base in quote for display (12 significant digits). */
    public static BigDecimal price(BigInteger sqrtPriceX96, boolean baseIsToken0, int baseDecimals, int quoteDecimals) {
        BigDecimal raw = new BigDecimal(sqrtPriceX96.pow(2)).divide(new BigDecimal(Q192), MathContext.DECIMAL128);
        if (!baseIsToken0) raw = BigDecimal.ONE.divide(raw, MathContext.DECIMAL128);
        return raw.movePointRight(baseDecimals - quoteDecimals).round(new MathContext(12)).stripTrailingZeros();
    }
}
