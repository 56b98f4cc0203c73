package dev.latchkey.keystore;

import java.time.Duration;
import java.util.function.Function;

/**
 * Picks the KDF cost for a new wallet so one unlock takes 0.5-1.5 s on this machine, starting from the policy
 * target, never leaving [floor, ceiling]: halve memory while too slow, add iterations while too fast.
 */
public final class KdfCalibrator {

    static final Duration LOW = Duration.ofMillis(500);
    static final Duration HIGH = Duration.ofMillis(1500);
    private static final int MAX_PROBES = 6;

    private final KdfPolicy policy;
    private final Function<KdfParams, Duration> measure;

    /** {@code measure} runs (or estimates) one derivation with the given parameters. */
    public KdfCalibrator(KdfPolicy policy, Function<KdfParams, Duration> measure) {
        this.policy = policy;
        this.measure = measure;
    }

    /** A calibrator that times a real Argon2id derivation. */
    public static KdfCalibrator timingArgon2(KdfPolicy policy) {
        return new KdfCalibrator(policy, params -> {
            long start = System.nanoTime();
            byte[] out = Argon2Kdf.deriveKek("calibration".toCharArray(), params, new byte[Argon2Kdf.SALT_BYTES]);
            java.util.Arrays.fill(out, (byte) 0);
            return Duration.ofNanos(System.nanoTime() - start);
        });
    }

    public KdfParams calibrate() {
        KdfParams current = policy.target();
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            Duration took = measure.apply(current);
            if (took.compareTo(HIGH) > 0) {
                int memory = Math.max(policy.floor().memoryKib(), current.memoryKib() / 2);
                if (memory == current.memoryKib()) {
                    return current;
                }
                current = new KdfParams(memory, current.iterations(), current.parallelism());
            } else if (took.compareTo(LOW) < 0) {
                long perIteration = Math.max(1, took.toNanos() / current.iterations());
                int wanted = (int) Math.min(policy.ceiling().iterations(), Math.max(current.iterations() + 1,
                        LOW.plusMillis(250).toNanos() / perIteration));
                if (wanted == current.iterations()) {
                    return current;
                }
                current = new KdfParams(current.memoryKib(), wanted, current.parallelism());
            } else {
                return current;
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return "KdfCalibrator[" + policy + "]";
    }
}
