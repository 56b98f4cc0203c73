package dev.latchkey.ui.trade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.model.Address;
import dev.latchkey.trade.catalog.Token;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Uniswap panel's arithmetic: carrying an amount across Buy/Sell at the quote, Max, and the fill in words. */
class SwapAmountsTest {

    private static final Token USDC = new Token("USDC", new Address("0x" + "1".repeat(40)), 6);
    private static final Token WETH = new Token("WETH", new Address("0x" + "2".repeat(40)), 18);
    private static final TradePort.Pair PAIR = new TradePort.Pair(WETH, USDC, 500);

    private static TradePort.SwapPreview quote(Token in, Token out, BigInteger amountIn, BigInteger amountOut) {
        return new TradePort.SwapPreview(in, out, amountIn, amountOut, amountOut, new TradePort.Cover(Optional.empty(), java.util.List.of()));
    }

    @Test
    void theAmountIsCarriedAtTheQuoteForExactlyThatAmountRoundedDown() {
        TradePort.SwapPreview q = quote(USDC, WETH, BigInteger.valueOf(600_000_000), new BigInteger("199876543210987654"));
        assertThat(SwapAmounts.convertedAtQuote(q, USDC, BigInteger.valueOf(600_000_000))).contains("0.199876");
        assertThat(SwapAmounts.convertedAtQuote(q, USDC, BigInteger.valueOf(500_000_000))).as("a quote for another amount").isEmpty();
        assertThat(SwapAmounts.convertedAtQuote(q, WETH, BigInteger.valueOf(600_000_000))).as("another token spent").isEmpty();
        assertThat(SwapAmounts.convertedAtQuote(null, USDC, BigInteger.ONE)).isEmpty();
        assertThat(SwapAmounts.convertedAtQuote(quote(USDC, WETH, BigInteger.ONE, BigInteger.valueOf(1000)), USDC, BigInteger.ONE))
                .as("below six decimals: nothing to carry").isEmpty();
    }

    @Test
    void maxIsTheWholeBalanceExactly() {
        assertThat(SwapAmounts.max(new BigInteger("2500000000000000001"), WETH)).isEqualTo("2.500000000000000001");
        assertThat(SwapAmounts.max(BigInteger.valueOf(9_700_000_000L), USDC)).isEqualTo("9700");
    }

    @Test
    void theFillSaysWhatWasReceivedAtWhichPriceAndHowFarFromThePool() {
        // bought 0.033 WETH for 100 USDC: 3,030.30 per WETH against a pool at 3,000 — 1.01 % worse
        assertThat(SwapAmounts.fill(PAIR, true, BigInteger.valueOf(100_000_000), new BigInteger("33000000000000000"),
                Optional.of(new BigDecimal("3000")))).isEqualTo("Received 0.033 WETH for 100 USDC · fill price 3,030.30 USDC per WETH"
                + " · 1.01 % worse than the pool price before the trade (fee included)");
        // sold 0.1 WETH for 299 USDC against 3,000: 0.33 % worse
        assertThat(SwapAmounts.fill(PAIR, false, new BigInteger("100000000000000000"), BigInteger.valueOf(299_000_000),
                Optional.of(new BigDecimal("3000")))).isEqualTo("Received 299 USDC for 0.1 WETH · fill price 2,990.00 USDC per WETH"
                + " · 0.33 % worse than the pool price before the trade (fee included)");
        assertThat(SwapAmounts.fill(PAIR, true, BigInteger.valueOf(100_000_000), new BigInteger("33000000000000000"), Optional.empty()))
                .as("no pool price at the click: no impact").endsWith("per WETH");
    }
}
