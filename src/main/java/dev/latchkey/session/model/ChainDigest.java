package dev.latchkey.session.model;

/** {@code ChainDigest{uint64 chainId; bytes32 sessionDigest}}; chain ids are unsigned 64-bit (Long.toUnsignedString). */
public record ChainDigest(long chainId, HexBytes sessionDigest) {
    public ChainDigest {
        if (sessionDigest == null || sessionDigest.length() != 32) throw new FieldException("sessionDigest", "expected 32 bytes");
    }
}
