package dev.latchkey.trade.catalog;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.UInt;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Token amounts: human decimal text ⇄ raw units, and display with grouping ("2,000 USDC"). */
public final class Amounts {

    private Amounts() { }

    /** "100.5" with 6 decimals → 100500000. More fraction digits than the token has is an error naming {@code field}. */
    public static BigInteger toUnits(String field, String decimal, Token token) {
        if (decimal == null || decimal.isBlank()) throw new FieldException(field, "missing");
        BigDecimal d;
        try {
            d = new BigDecimal(decimal.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new FieldException(field, "not a decimal number: " + decimal);
        }
        if (d.signum() < 0) throw new FieldException(field, "must not be negative: " + decimal);
        BigDecimal scaled = d.movePointRight(token.decimals());
        if (scaled.stripTrailingZeros().scale() > 0) {
            throw new FieldException(field, token.symbol() + " has " + token.decimals() + " decimals; " + decimal + " has more");
        }
        return UInt.check(field, scaled.toBigIntegerExact(), 256);
    }

    /** 2000000000 with 6 decimals → "2,000"; fractions kept exactly, trailing zeros dropped. */
    public static String format(BigInteger units, int decimals) {
        BigDecimal d = new BigDecimal(units, decimals).stripTrailingZeros();
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMaximumFractionDigits(Math.max(0, d.scale()));
        f.setParseBigDecimal(true);
        return f.format(d);
    }

    public static String format(BigInteger units, Token token) {
        return format(units, token.decimals()) + " " + token.symbol();
    }
}
