package dev.latchkey.session.engine;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The time an operation claims it lands at, as the periodic and rate-limit policies read it (their
 * {@code WindowClaim} library): the last 6 bytes of an action's calldata, or the last 6 bytes of the ERC-7579 mode
 * word of {@code execute}. Windows are aligned to the Unix epoch; the policy counts the claimed window and returns it
 * as validAfter / validUntil, so the EntryPoint refuses the operation at any other time.
 */
public record WindowClaim(long start, long validUntil) {

    /** Bytes of a claim. */
    public static final int LENGTH = 6;

    /** The window of {@code length} seconds holding {@code claim}; validUntil is its last second (capped at 2^48 − 1). */
    public static WindowClaim of(long claim, long length) {
        long start = claim - Math.floorMod(claim, length);
        long last = Math.min(start + length - 1, (1L << 48) - 1);
        return new WindowClaim(start, last);
    }

    /** Whether the EntryPoint accepts an operation pinned to this window at {@code now}. */
    public boolean holds(long now) {
        return now >= start && now <= validUntil;
    }

    /** The claim at the end of an action's calldata; empty when shorter than 6 bytes. */
    public static OptionalLong suffix(byte[] data) {
        return data.length < LENGTH ? OptionalLong.empty() : OptionalLong.of(uint48(data, data.length - LENGTH));
    }

    /** {@code data} without its claim suffix (the caller checked there is one). */
    static byte[] body(byte[] data) {
        return Arrays.copyOf(data, data.length - LENGTH);
    }

    /**
     * Where OperationDeadlinePolicy reads an operation's deadline: bytes 20..25 of the mode word of {@code execute},
     * just before the RateLimit claim (bytes 26..31).
     */
    public static final int DEADLINE_OFFSET = 32 - 2 * LENGTH;

    /**
     * How long after signing the signer's operations stay valid where the session has OperationDeadlinePolicy: long
     * enough for a slow bundler and a fee bump, short enough that an operation a bundler called "rejected" is dead
     * (and its sequence free again) minutes later, not when the session ends.
     */
    public static final long OPERATION_LIFETIME_SECONDS = 600;

    /** The deadline in a 32-byte mode word (0 = none, which the policy refuses). */
    public static long deadline(byte[] modeWord) {
        return uint48(modeWord, DEADLINE_OFFSET);
    }

    public static long uint48(byte[] d, int from) {
        long v = 0;
        for (int i = from; i < from + LENGTH; i++) v = (v << 8) | (d[i] & 0xff);
        return v;
    }
}
