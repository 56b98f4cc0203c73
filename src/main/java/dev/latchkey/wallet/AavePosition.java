package dev.latchkey.wallet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * {@code Pool.getUserAccountData(account)} (values in the market's base currency, USD with 8 decimals on Aave V3;
 * health factor with 18 decimals, {@code type(uint256).max} without debt) and the per-asset supplied/borrowed amounts.
 */
public record AavePosition(BigInteger totalCollateralBase, BigInteger totalDebtBase, BigInteger availableBorrowsBase,
                           BigInteger liquidationThresholdBps, BigInteger ltvBps, BigInteger healthFactorWad,
                           List<Reserve> reserves) {

    private static final BigInteger NO_DEBT = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    public AavePosition {
        reserves = List.copyOf(reserves);
    }

    /** The health factor as a decimal, empty when there is no debt (infinite). */
    public Optional<BigDecimal> healthFactor() {
        if (healthFactorWad.equals(NO_DEBT)) return Optional.empty();
        return Optional.of(new BigDecimal(healthFactorWad, 18).setScale(4, RoundingMode.DOWN));
    }

    /** Supplied (aToken balance) and borrowed (variable debt token balance) of one reserve, raw units. */
    public record Reserve(String symbol, int decimals, BigInteger supplied, BigInteger borrowed) { }
}
