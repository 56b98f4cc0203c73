package dev.latchkey.session.model;

import java.util.Arrays;
import java.util.HexFormat;

/** Immutable byte string, printed as lower-case 0x-hex. */
public record HexBytes(byte[] bytes) {

    private static final HexFormat HEX = HexFormat.of();
    public static final HexBytes EMPTY = new HexBytes(new byte[0]);

    public HexBytes {
        if (bytes == null) throw new FieldException("bytes", "missing");
        bytes = bytes.clone();
    }

    /** Parses 0x-prefixed hex with an even number of digits; errors name {@code field}. */
    public static HexBytes parse(String field, String hex) {
        if (hex == null) throw new FieldException(field, "missing");
        if (!hex.startsWith("0x") && !hex.startsWith("0X")) throw new FieldException(field, "hex must start with 0x: " + abbreviate(hex));
        String digits = hex.substring(2);
        if (digits.length() % 2 != 0) throw new FieldException(field, "odd number of hex digits");
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) throw new FieldException(field, "not hex: " + abbreviate(hex));
        }
        return new HexBytes(HEX.parseHex(digits));
    }

    /** Parses hex that must be exactly {@code size} bytes long. */
    public static HexBytes parseFixed(String field, String hex, int size) {
        HexBytes b = parse(field, hex);
        if (b.length() != size) throw new FieldException(field, "expected " + size + " bytes, got " + b.length());
        return b;
    }

    public static HexBytes of(byte[] bytes) {
        return new HexBytes(bytes);
    }

    public static HexBytes zeros(int size) {
        return new HexBytes(new byte[size]);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The backing array; callers must not modify it. */
    public byte[] unsafeBytes() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    public String hex() {
        return "0x" + HEX.formatHex(bytes);
    }

    public HexBytes concat(HexBytes other) {
        byte[] out = Arrays.copyOf(bytes, bytes.length + other.bytes.length);
        System.arraycopy(other.bytes, 0, out, bytes.length, other.bytes.length);
        return new HexBytes(out);
    }

    public HexBytes slice(int from, int to) {
        return new HexBytes(Arrays.copyOfRange(bytes, from, to));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HexBytes h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }

    private static String abbreviate(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "…" : s;
    }
}
