package dev.latchkey.session.model;

import java.util.HexFormat;
import java.util.Locale;

/** A 4-byte function selector, lower-case 0x-hex. */
public record Selector(String hex) {

    /** {@code IdLib.VALUE_SELECTOR}: the selector of a call whose calldata is shorter than 4 bytes. */
    public static final Selector VALUE = new Selector("0xffffffff");
    public static final Selector FALLBACK = new Selector("0x00000001");
    public static final Selector FALLBACK_SMART_SESSION = new Selector("0x00000002");

    public Selector {
        hex = normalize("selector", hex);
    }

    public static Selector parse(String field, String value) {
        return new Selector(normalize(field, value));
    }

    public static Selector of(byte[] four) {
        if (four.length != 4) throw new FieldException("selector", "expected 4 bytes, got " + four.length);
        return new Selector("0x" + HexFormat.of().formatHex(four));
    }

    /** The selector a call's data selects: its first 4 bytes, or {@link #VALUE} if shorter. */
    public static Selector ofCallData(byte[] data) {
        if (data.length < 4) return VALUE;
        return of(new byte[] {data[0], data[1], data[2], data[3]});
    }

    private static String normalize(String field, String value) {
        if (value == null) throw new FieldException(field, "missing");
        if (value.length() != 10 || !(value.startsWith("0x") || value.startsWith("0X"))) {
            throw new FieldException(field, "not a 0x-prefixed 4-byte selector: " + value);
        }
        for (int i = 2; i < 10; i++) {
            if (Character.digit(value.charAt(i), 16) < 0) throw new FieldException(field, "not hex: " + value);
        }
        return "0x" + value.substring(2).toLowerCase(Locale.ROOT);
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex.substring(2));
    }

    @Override
    public String toString() {
        return hex;
    }
}
