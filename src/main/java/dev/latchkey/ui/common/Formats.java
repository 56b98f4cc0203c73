package dev.latchkey.ui.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Display text for amounts, prices, durations and hashes. Amounts are rounded DOWN for display (a balance never looks
 * larger than it is); exact values stay in the view models' raw fields.
 */
public final class Formats {

    private static final BigInteger NO_DEBT = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private Formats() {
    }

    /** {@code raw} in a token with {@code decimals}, at most {@code maxFraction} fraction digits, grouped: "1,234.5". */
    public static String amount(BigInteger raw, int decimals, int maxFraction) {
        BigDecimal value = new BigDecimal(raw, decimals).setScale(Math.min(decimals, maxFraction), RoundingMode.DOWN);
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMaximumFractionDigits(maxFraction);
        f.setRoundingMode(RoundingMode.DOWN);
        return f.format(value);
    }

    /** Six fraction digits at most: enough for WETH, exact for USDC. */
    public static String amount(BigInteger raw, int decimals) {
        return amount(raw, decimals, 6);
    }

    public static String amount(BigInteger raw, int decimals, String symbol) {
        return amount(raw, decimals) + " " + symbol;
    }

    /** Aave's base currency (USD, 8 decimals): "$1,234.56". */
    public static String usd(BigInteger base8) {
        return "$" + amount(base8, 8, 2);
    }

    /** A health factor with 18 decimals: "1.85", or "∞" without debt. */
    public static String healthFactor(BigInteger wad) {
        if (wad.equals(NO_DEBT)) {
            return "∞";
        }
        return amount(wad, 18, 2);
    }

    /** "6 d 23 h", "5 h 12 min", "12 min 05 s", "45 s"; zero or less is "0 s". */
    public static String duration(long seconds) {
        if (seconds <= 0) {
            return "0 s";
        }
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (d > 0) {
            return d + " d " + h + " h";
        }
        if (h > 0) {
            return h + " h " + m + " min";
        }
        if (m > 0) {
            return m + " min " + String.format(Locale.ROOT, "%02d", s) + " s";
        }
        return s + " s";
    }

    /** "0x12ab…cdef" for long hex, unchanged when short. */
    public static String shortHex(String hex) {
        if (hex == null) {
            return "";
        }
        return hex.length() <= 14 ? hex : hex.substring(0, 6) + "…" + hex.substring(hex.length() - 4);
    }
}
