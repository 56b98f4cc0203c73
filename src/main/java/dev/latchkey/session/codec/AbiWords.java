package dev.latchkey.session.codec;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.UInt;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** Word-level ABI building and bounds-checked reading, for the small fixed layouts (init data, hashes, calldata). */
public final class AbiWords {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public AbiWords uint(BigInteger v) {
        out.writeBytes(UInt.toBytes(v, 32));
        return this;
    }

    public AbiWords uint(long v) {
        return uint(BigInteger.valueOf(v));
    }

    public AbiWords bool(boolean v) {
        return uint(v ? 1 : 0);
    }

    public AbiWords address(Address a) {
        out.writeBytes(new byte[12]);
        out.writeBytes(a.bytes());
        return this;
    }

    /** A 32-byte word, or a shorter bytesN left-aligned and zero-padded. */
    public AbiWords fixed(byte[] b) {
        if (b.length > 32) throw new IllegalArgumentException("bytesN longer than 32");
        out.writeBytes(b);
        out.writeBytes(new byte[32 - b.length]);
        return this;
    }

    public AbiWords raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    public HexBytes toHexBytes() {
        return HexBytes.of(out.toByteArray());
    }

    // ---- reading ----

    /** The 32-byte word at byte {@code offset} of {@code data}; errors name {@code field}. */
    public static BigInteger word(String field, byte[] data, long offset) {
        if (offset < 0 || offset + 32 > data.length) {
            throw new FieldException(field, "truncated: word at " + offset + " beyond " + data.length + " bytes");
        }
        return new BigInteger(1, java.util.Arrays.copyOfRange(data, (int) offset, (int) offset + 32));
    }

    /** A word that must fit in a non-negative int (offsets, lengths). */
    public static int smallWord(String field, byte[] data, long offset) {
        BigInteger w = word(field, data, offset);
        if (w.bitLength() > 31) throw new FieldException(field, "offset/length too large: " + w);
        return w.intValue();
    }

    public static Address addressWord(String field, byte[] data, long offset) {
        BigInteger w = word(field, data, offset);
        if (w.bitLength() > 160) throw new FieldException(field, "dirty address padding");
        return Address.of(UInt.toBytes(w, 20));
    }

    public static BigInteger packed(byte[] data, int from, int size) {
        return new BigInteger(1, java.util.Arrays.copyOfRange(data, from, from + size));
    }
}
