package dev.latchkey.ui.trade;

import dev.latchkey.wallet.AavePosition;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The health factor an Aave action would leave, estimated from {@code getUserAccountData} and the reserve's oracle
 * price and liquidation threshold: HF = Σ(collateral × threshold) / debt. It assumes the supplied asset counts as
 * collateral (Aave enables that on the first supply) and no e-mode; interest accrued until inclusion is ignored.
 */
public final class HealthFactors {

    /** {@code type(uint256).max}: no debt. */
    public static final BigInteger INFINITE = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private static final BigInteger WAD = BigInteger.TEN.pow(18);
    private static final BigInteger BPS = BigInteger.valueOf(10_000);

    /** The four Aave actions of the trade screen. */
    public enum Action { SUPPLY, WITHDRAW, BORROW, REPAY }

    private HealthFactors() {
    }

    /** The estimate in wad, {@link #INFINITE} without debt. */
    public static BigInteger after(AavePosition p, TradePort.AaveAsset asset, Action action, BigInteger amount) {
        BigInteger value = amount.multiply(asset.priceBase8()).divide(BigInteger.TEN.pow(asset.token().decimals()));
        BigInteger weighted = p.totalCollateralBase().multiply(p.liquidationThresholdBps());
        BigInteger debt = p.totalDebtBase();
        BigInteger assetWeight = value.multiply(BigInteger.valueOf(asset.liquidationThresholdBps()));
        switch (action) {
            case SUPPLY -> weighted = weighted.add(assetWeight);
            case WITHDRAW -> weighted = weighted.subtract(assetWeight).max(BigInteger.ZERO);
            case BORROW -> debt = debt.add(value);
            case REPAY -> debt = debt.subtract(value).max(BigInteger.ZERO);
        }
        if (debt.signum() == 0) {
            return INFINITE;
        }
        return weighted.multiply(WAD).divide(BPS.multiply(debt));
    }

    /** Below 1 the position can be liquidated. */
    public static boolean liquidatable(BigInteger wad) {
        return wad.compareTo(WAD) < 0;
    }

    /** The current health factor of {@code p}, {@link #INFINITE} without debt. */
    public static BigInteger now(AavePosition p) {
        return p.healthFactor().isEmpty() ? INFINITE : p.healthFactorWad();
    }

    static Optional<BigInteger> finite(BigInteger wad) {
        return wad.equals(INFINITE) ? Optional.empty() : Optional.of(wad);
    }
}
