package dev.latchkey.session.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Numbers a person types (amounts, prices, durations, counts), read with bounds so that no input can make a huge
 * value, a huge string or an exception: ASCII digits only (Java's own parsers read {@code 1٠5} as 105), at most
 * {@link #MAX_LENGTH} characters, an exponent of at most {@link #MAX_EXPONENT}, and {@code ,} or {@code _} only as
 * digit grouping. Every refusal is a {@link FieldException} naming the field.
 */
public final class NumberText {

    /** Longest text read as a number: a uint256 has 78 digits; room for grouping and a fraction. */
    public static final int MAX_LENGTH = 100;
    /** Largest exponent magnitude in {@code 1e18}-style input; 10^80 is already above any uint256. */
    public static final int MAX_EXPONENT = 80;

    private static final Pattern DECIMAL = Pattern.compile("(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?(\\d{1,9}))?");
    private static final Pattern WHOLE = Pattern.compile("\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+");

    private NumberText() { }

    /** A non-negative decimal such as {@code 2,500.5}, {@code 0.001} or {@code 1e6}. */
    public static BigDecimal decimal(String field, String text) {
        String t = clean(field, text, "not a decimal number: ");
        if (t.startsWith("-")) throw new FieldException(field, "must not be negative: " + shown(text));
        java.util.regex.Matcher m = DECIMAL.matcher(t);
        if (!m.matches()) throw new FieldException(field, "not a decimal number: " + shown(text));
        if (m.group(4) != null && Long.parseLong(m.group(4)) > MAX_EXPONENT) {
            throw new FieldException(field, "exponent too large (at most e" + MAX_EXPONENT + "): " + shown(text));
        }
        return new BigDecimal(t);
    }

    /** A non-negative decimal that is at most {@code max}. */
    public static BigDecimal decimal(String field, String text, BigDecimal max) {
        BigDecimal d = decimal(field, text);
        if (d.compareTo(max) > 0) throw new FieldException(field, "at most " + max.toPlainString() + ", got " + shown(text));
        return d;
    }

    /** A whole number in {@code [min, max]}, digits only (no exponent, no sign, no fraction). */
    public static long whole(String field, String text, long min, long max) {
        String t = clean(field, text, "not a whole number: ");
        if (!WHOLE.matcher(t).matches()) throw new FieldException(field, "not a whole number: " + shown(text));
        BigInteger v = new BigInteger(t);
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new FieldException(field, "must be " + min + ".." + max + ", got " + shown(text));
        }
        return v.longValueExact();
    }

    private static String clean(String field, String text, String notANumber) {
        if (text == null || text.isBlank()) throw new FieldException(field, "missing");
        String t = text.strip();
        if (t.length() > MAX_LENGTH) throw new FieldException(field, "too long for a number (at most " + MAX_LENGTH + " characters)");
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ascii = (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '_' || c == 'e' || c == 'E' || c == '+' || c == '-';
            if (!ascii) {
                throw new FieldException(field, (Character.isDigit(c) || Character.isSpaceChar(c) ? "use the digits 0-9 only: " : notANumber) + shown(text));
            }
        }
        if (t.indexOf(',') >= 0) {
            // "1,5" is 1.5 in half the world: a comma is accepted only as thousands grouping ("2,500", "1,000,000.5").
            int dot = t.indexOf('.');
            String head = dot < 0 ? t : t.substring(0, dot);
            if (!GROUPED.matcher(head).matches() || (dot >= 0 && t.indexOf(',', dot) >= 0)) {
                throw new FieldException(field, "a comma only groups thousands (2,500.5); use a dot for the fraction: " + shown(text));
            }
        }
        if (t.startsWith("_") || t.endsWith("_") || t.contains("__") || t.contains("_.") || t.contains("._")) {
            throw new FieldException(field, "not a number: " + shown(text));
        }
        return t.replace(",", "").replace("_", "");
    }

    /** The text as typed, cut short so that an error message stays small. */
    private static String shown(String text) {
        String t = text.strip();
        return t.length() > 24 ? t.substring(0, 24) + "…" : t;
    }
}
