package dev.latchkey.ui.trade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.model.Address;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.ui.trade.HealthFactors.Action;
import dev.latchkey.wallet.AavePosition;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed health factors: HF = Σ(collateral × threshold) / debt, base currency with 8 decimals. */
class HealthFactorsTest {

    private static final BigInteger USD = BigInteger.valueOf(100_000_000L); // $1 in base units
    private static final Token WETH = new Token("WETH", new Address("0x2000000000000000000000000000000000000003"), 18);
    private static final Token USDC = new Token("USDC", new Address("0x2000000000000000000000000000000000000001"), 6);
    private static final TradePort.AaveAsset WETH_AT_3000 = new TradePort.AaveAsset(WETH, USD.multiply(BigInteger.valueOf(3000)), 8250);
    private static final TradePort.AaveAsset USDC_AT_1 = new TradePort.AaveAsset(USDC, USD, 8500);

    /** $10,000 collateral at an 85 % threshold, $5,000 debt: HF 1.7. */
    private static final AavePosition POSITION = new AavePosition(usd(10_000), usd(5_000), usd(3_000), BigInteger.valueOf(8500),
            BigInteger.valueOf(8000), new BigInteger("1700000000000000000"), List.of());

    @Test
    void supplyAddsWeightedCollateral() {
        // (10,000 × 0.85 + 3,000 × 0.825) / 5,000 = 2.195
        assertThat(HealthFactors.after(POSITION, WETH_AT_3000, Action.SUPPLY, eth(1))).isEqualTo(new BigInteger("2195000000000000000"));
    }

    @Test
    void withdrawRemovesItAndCanMakeThePositionLiquidatable() {
        // (8,500 − 2 × 3,000 × 0.825) / 5,000 = 0.71
        BigInteger after = HealthFactors.after(POSITION, WETH_AT_3000, Action.WITHDRAW, eth(2));
        assertThat(after).isEqualTo(new BigInteger("710000000000000000"));
        assertThat(HealthFactors.liquidatable(after)).isTrue();
    }

    @Test
    void borrowAndRepayChangeTheDebt() {
        // 8,500 / 6,000 = 1.41666…
        assertThat(HealthFactors.after(POSITION, USDC_AT_1, Action.BORROW, usdcUnits(1_000))).isEqualTo(new BigInteger("1416666666666666666"));
        // 8,500 / 4,000 = 2.125
        assertThat(HealthFactors.after(POSITION, USDC_AT_1, Action.REPAY, usdcUnits(1_000))).isEqualTo(new BigInteger("2125000000000000000"));
        assertThat(HealthFactors.after(POSITION, USDC_AT_1, Action.REPAY, usdcUnits(6_000))).as("repaying everything").isEqualTo(HealthFactors.INFINITE);
    }

    @Test
    void withoutDebtSupplyingStaysInfinite() {
        AavePosition empty = new AavePosition(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
                HealthFactors.INFINITE, List.of());
        assertThat(HealthFactors.now(empty)).isEqualTo(HealthFactors.INFINITE);
        assertThat(HealthFactors.after(empty, WETH_AT_3000, Action.SUPPLY, eth(1))).isEqualTo(HealthFactors.INFINITE);
        // first borrow against fresh collateral: 3,000 × 0.825 / 1,000 = 2.475
        AavePosition supplied = new AavePosition(usd(3_000), BigInteger.ZERO, usd(2_400), BigInteger.valueOf(8250),
                BigInteger.valueOf(8000), HealthFactors.INFINITE, List.of());
        assertThat(HealthFactors.after(supplied, USDC_AT_1, Action.BORROW, usdcUnits(1_000))).isEqualTo(new BigInteger("2475000000000000000"));
    }

    private static BigInteger usd(long dollars) {
        return USD.multiply(BigInteger.valueOf(dollars));
    }

    private static BigInteger eth(long whole) {
        return BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(whole));
    }

    private static BigInteger usdcUnits(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }
}
