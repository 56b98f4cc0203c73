package dev.latchkey.session.model;

import java.math.BigInteger;

/** Range checks for unsigned integers of a given bit width; errors name the field. */
public final class UInt {

    private UInt() { }

    public static BigInteger check(String field, BigInteger value, int bits) {
        if (value == null) throw new FieldException(field, "missing");
        if (value.signum() < 0) throw new FieldException(field, "must not be negative: " + value);
        if (value.bitLength() > bits) throw new FieldException(field, "exceeds uint" + bits + ": " + value);
        return value;
    }

    public static long check(String field, long value, int bits) {
        if (value < 0) throw new FieldException(field, "must not be negative: " + value);
        if (bits < 63 && value >>> bits != 0) throw new FieldException(field, "exceeds uint" + bits + ": " + value);
        return value;
    }

    /** Parses a decimal string or 0x-hex quantity. */
    public static BigInteger parse(String field, String text, int bits) {
        if (text == null || text.isEmpty()) throw new FieldException(field, "missing");
        BigInteger v;
        try {
            v = text.startsWith("0x") || text.startsWith("0X")
                    ? new BigInteger(requireDigits(field, text.substring(2)), 16)
                    : new BigInteger(text);
        } catch (NumberFormatException e) {
            throw new FieldException(field, "not an integer: " + text);
        }
        return check(field, v, bits);
    }

    private static String requireDigits(String field, String digits) {
        if (digits.isEmpty()) throw new FieldException(field, "empty hex quantity");
        return digits;
    }

    /** Big-endian, left-padded to {@code size} bytes; the value must be non-negative and fit. */
    public static byte[] toBytes(BigInteger value, int size) {
        if (value.signum() < 0 || value.bitLength() > size * 8) {
            throw new FieldException("value", "does not fit in " + size + " bytes: " + value);
        }
        byte[] raw = value.toByteArray();
        byte[] out = new byte[size];
        int len = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - len, out, size - len, len);
        return out;
    }
}
