package dev.latchkey.signer;

import java.util.Map;

/**
 * Snapshot published to listeners after every change. {@code inFlight}: per lane (permission id hex), operations
 * reserved but not settled. {@code degraded}: the last send found the bundler unreachable. {@code warnings}: ledger /
 * chain mismatches found in this run (each is also a {@code signer.mismatch} activity row), for the status bar.
 */
public record SignerState(boolean running, Map<String, Integer> inFlight, long approved, long refused, long failed,
                          long included, boolean degraded, java.util.List<String> warnings) {

    public SignerState {
        inFlight = Map.copyOf(inFlight);
        warnings = java.util.List.copyOf(warnings);
    }

    public SignerState(boolean running, Map<String, Integer> inFlight, long approved, long refused, long failed, long included,
                       boolean degraded) {
        this(running, inFlight, approved, refused, failed, included, degraded, java.util.List.of());
    }

    public static final SignerState STOPPED = new SignerState(false, Map.of(), 0, 0, 0, 0, false);

    public int totalInFlight() {
        return inFlight.values().stream().mapToInt(Integer::intValue).sum();
    }
}
