package dev.latchkey.devnet;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What to give an address on the devnet, in whole units (e.g. 1.5 ETH, 2500 USDC). Zero means nothing.
 *
 * @param to   recipient
 * @param eth  native ETH
 * @param usdc test USDC (6 decimals)
 * @param dai  test DAI (18 decimals)
 * @param weth WETH9 (18 decimals)
 */
public record Funding(String to, BigDecimal eth, BigDecimal usdc, BigDecimal dai, BigDecimal weth) {

    public Funding {
        Objects.requireNonNull(to, "to");
        if (!to.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("not an address: '" + to + "' (expected 0x followed by 40 hex digits)");
        }
        eth = orZero(eth);
        usdc = orZero(usdc);
        dai = orZero(dai);
        weth = orZero(weth);
        for (BigDecimal amount : new BigDecimal[] {eth, usdc, dai, weth}) {
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("amounts cannot be negative: " + amount);
            }
        }
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
