package dev.latchkey.session.model;

import java.util.HexFormat;
import java.util.Locale;
import org.web3j.crypto.Keys;

/** A 20-byte address, kept lower-case. Mixed-case input must carry a valid EIP-55 checksum. */
public record Address(String hex) {

    public static final Address ZERO = new Address("0x0000000000000000000000000000000000000000");

    public Address {
        hex = normalize("address", hex);
    }

    public static Address parse(String field, String value) {
        return new Address(normalize(field, value));
    }

    public static Address of(byte[] twentyBytes) {
        if (twentyBytes.length != 20) throw new FieldException("address", "expected 20 bytes, got " + twentyBytes.length);
        return new Address("0x" + HexFormat.of().formatHex(twentyBytes));
    }

    private static String normalize(String field, String value) {
        if (value == null) throw new FieldException(field, "missing");
        if (value.length() != 42 || !(value.startsWith("0x") || value.startsWith("0X"))) {
            throw new FieldException(field, "not a 0x-prefixed 20-byte address: " + value);
        }
        String digits = value.substring(2);
        for (int i = 0; i < 40; i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) throw new FieldException(field, "not hex: " + value);
        }
        String lower = digits.toLowerCase(Locale.ROOT);
        boolean mixed = !digits.equals(lower) && !digits.equals(digits.toUpperCase(Locale.ROOT));
        if (mixed && !Keys.toChecksumAddress(lower).substring(2).equals(digits)) {
            throw new FieldException(field, "bad EIP-55 checksum: " + value);
        }
        return "0x" + lower;
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex.substring(2));
    }

    public String checksummed() {
        return Keys.toChecksumAddress(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
