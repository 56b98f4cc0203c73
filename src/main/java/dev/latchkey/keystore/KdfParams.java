package dev.latchkey.keystore;

/**
 * Argon2id (v1.3) cost parameters: memory in KiB, iterations (t) and lanes (p).
 * Plain values, not secret; the salt lives next to them in the keystore header.
 */
public record KdfParams(int memoryKib, int iterations, int parallelism) {

    /** security.md §1.3 default: m=256 MiB, t=3, p=4. */
    public static final KdfParams DEFAULT = new KdfParams(256 * 1024, 3, 4);
    /** Lowest value a production wallet accepts from disk (RFC 9106 second recommendation, p relaxed to 1). */
    public static final KdfParams FLOOR = new KdfParams(64 * 1024, 3, 1);
    /** Highest value accepted from disk: a planted file must not run the JVM out of memory. */
    public static final KdfParams CEILING = new KdfParams(1024 * 1024, 16, 8);

    public KdfParams {
        if (memoryKib < 8 || iterations < 1 || parallelism < 1 || parallelism > 255) {
            throw new IllegalArgumentException("KDF parameters must be m>=8 KiB, t>=1, 1<=p<=255, got " + describe(memoryKib, iterations, parallelism));
        }
        if (memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2 needs m >= 8*p KiB, got " + describe(memoryKib, iterations, parallelism));
        }
    }

    /** True when every cost is at least that of {@code other}. */
    public boolean atLeast(KdfParams other) {
        return memoryKib >= other.memoryKib && iterations >= other.iterations && parallelism >= other.parallelism;
    }

    /** True when every cost is at most that of {@code other}. */
    public boolean atMost(KdfParams other) {
        return memoryKib <= other.memoryKib && iterations <= other.iterations && parallelism <= other.parallelism;
    }

    @Override
    public String toString() {
        return describe(memoryKib, iterations, parallelism);
    }

    private static String describe(long m, long t, long p) {
        return "argon2id(m=" + m + " KiB, t=" + t + ", p=" + p + ")";
    }
}
