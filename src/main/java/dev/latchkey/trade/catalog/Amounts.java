package dev.latchkey.trade.catalog;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.NumberText;
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
        BigDecimal d = NumberText.decimal(field, decimal);
        BigDecimal scaled = d.movePointRight(token.decimals());
        if (scaled.stripTrailingZeros().scale() > 0) {
            throw new FieldException(field, token.symbol() + " has " + token.decimals() + " decimals; " + decimal.strip() + " has more");
        }
        BigInteger units = scaled.toBigIntegerExact();
        if (units.bitLength() > 256) throw new FieldException(field, "too large: " + decimal.strip() + " " + token.symbol() + " exceeds uint256");
        return units;
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
