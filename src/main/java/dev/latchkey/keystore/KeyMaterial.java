package dev.latchkey.keystore;

import java.util.Arrays;

/**
 * A key buffer this code owns: zeroed by {@link #close()}, never printed. Handed to callers only inside
 * {@code withKey}-style calls; do not keep the array past the call.
 */
public final class KeyMaterial implements AutoCloseable {

    private final byte[] bytes;
    private volatile boolean destroyed;

    KeyMaterial(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The live buffer (not a copy). Valid until the enclosing call returns. */
    public byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("key material was already wiped");
        }
        return bytes;
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public String toString() {
        return "KeyMaterial[<redacted>]";
    }
}
