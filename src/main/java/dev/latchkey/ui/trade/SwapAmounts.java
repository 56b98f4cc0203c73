package dev.latchkey.ui.trade;

import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.ui.common.Formats;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/** The Uniswap panel's arithmetic in words: an amount carried across Buy/Sell at the quote, Max, the fill of a trade. */
final class SwapAmounts {

    private SwapAmounts() {
    }

    /**
     * The typed amount in the other token, at the last quote for exactly that amount: the amount received becomes the
     * amount spent, rounded down to at most six decimals (never more than the quote gave). Empty when the quote is for
     * another amount or token.
     */
    static Optional<String> convertedAtQuote(TradePort.SwapPreview last, Token spent, BigInteger typed) {
        if (last == null || !last.in().equals(spent) || !last.amountIn().equals(typed) || last.amountOut().signum() <= 0) {
            return Optional.empty();
        }
        Token out = last.out();
        BigDecimal value = new BigDecimal(last.amountOut(), out.decimals()).setScale(Math.min(out.decimals(), 6), RoundingMode.DOWN);
        if (value.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(value.stripTrailingZeros().toPlainString());
    }

    /** The whole balance, exactly, as the amount field takes it ("2.5", "9700.123456"). */
    static String max(BigInteger balance, Token token) {
        return new BigDecimal(balance, token.decimals()).stripTrailingZeros().toPlainString();
    }

    /** "1 WETH = 3,012.45 USDC". */
    static String price(BigDecimal quotePerBase, TradePort.Pair pair) {
        return "1 " + pair.base().symbol() + " = " + decimal(quotePerBase) + " " + pair.quote().symbol();
    }

    /**
     * "Received 0.0331 WETH for 100 USDC · fill price 3,021.15 USDC per WETH · 0.42 % worse than the pool price
     * before the trade (fee included)". {@code mid}: the pool price shown when the trade was clicked, if any.
     */
    static String fill(TradePort.Pair pair, boolean buy, BigInteger spent, BigInteger received, Optional<BigDecimal> mid) {
        Token in = buy ? pair.quote() : pair.base();
        Token out = buy ? pair.base() : pair.quote();
        String line = "Received " + Formats.amount(received, out.decimals(), out.symbol()) + " for "
                + Amounts.format(spent, in);
        if (received.signum() <= 0 || spent.signum() <= 0) {
            return line;
        }
        BigDecimal baseAmount = new BigDecimal(buy ? received : spent, pair.base().decimals());
        BigDecimal quoteAmount = new BigDecimal(buy ? spent : received, pair.quote().decimals());
        BigDecimal fill = quoteAmount.divide(baseAmount, MathContext.DECIMAL64);
        line += " · fill price " + decimal(fill) + " " + pair.quote().symbol() + " per " + pair.base().symbol();
        if (mid.isPresent() && mid.get().signum() > 0) {
            // a buyer pays more than the mid price, a seller gets less: both are "worse" by this fraction
            BigDecimal worse = (buy ? fill.subtract(mid.get()) : mid.get().subtract(fill)).divide(mid.get(), MathContext.DECIMAL64)
                    .movePointRight(2).setScale(2, RoundingMode.HALF_UP);
            line += " · " + worse.abs().toPlainString() + " % " + (worse.signum() >= 0 ? "worse" : "better")
                    + " than the pool price before the trade (fee included)";
        }
        return line;
    }

    /** Two decimals at and above 1, six significant digits below. */
    private static String decimal(BigDecimal v) {
        BigDecimal shown = v.abs().compareTo(BigDecimal.ONE) >= 0 ? v.setScale(2, RoundingMode.HALF_UP) : v.round(new MathContext(6));
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        f.setMaximumFractionDigits(Math.max(0, shown.scale()));
        f.setMinimumFractionDigits(v.abs().compareTo(BigDecimal.ONE) >= 0 ? 2 : 0);
        return f.format(shown);
    }
}
