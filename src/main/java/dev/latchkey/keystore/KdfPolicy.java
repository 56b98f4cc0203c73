package dev.latchkey.keystore;

/**
 * What this build accepts and aims for: {@code target} is used for new wrappings (create, password change, upgrade),
 * {@code floor}/{@code ceiling} bound every parameter set read from disk before any memory is allocated.
 * Production code uses {@link #standard()}; tests pass a cheaper policy explicitly.
 */
public record KdfPolicy(KdfParams target, KdfParams floor, KdfParams ceiling) {

    public KdfPolicy {
        if (!target.atLeast(floor) || !target.atMost(ceiling)) {
            throw new IllegalArgumentException("KDF target " + target + " lies outside [" + floor + ", " + ceiling + "]");
        }
    }

    public static KdfPolicy standard() {
        return new KdfPolicy(KdfParams.DEFAULT, KdfParams.FLOOR, KdfParams.CEILING);
    }

    /** The same bounds with another target, e.g. the value calibrated on this machine. */
    public KdfPolicy withTarget(KdfParams newTarget) {
        return new KdfPolicy(newTarget, floor, ceiling);
    }

    /** Refuses parameters outside the bounds; called before the KDF runs. */
    public void check(long memoryKib, long iterations, long parallelism) throws KeystoreException.RejectedKdfParamsException {
        if (memoryKib < floor.memoryKib() || iterations < floor.iterations() || parallelism < floor.parallelism()) {
            throw new KeystoreException.RejectedKdfParamsException(memoryKib, iterations, parallelism,
                    "below the accepted minimum " + floor + " (a downgraded file)");
        }
        if (memoryKib > ceiling.memoryKib() || iterations > ceiling.iterations() || parallelism > ceiling.parallelism()) {
            throw new KeystoreException.RejectedKdfParamsException(memoryKib, iterations, parallelism,
                    "above the accepted maximum " + ceiling);
        }
    }

    /** True when stored parameters are weaker than {@code target} in some cost and stronger in none. */
    public static boolean needsUpgrade(KdfParams stored, KdfParams target) {
        return stored.atMost(target) && !stored.equals(target);
    }
}
