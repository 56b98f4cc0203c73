package dev.latchkey.signer;

import java.util.Map;

/**
 * Snapshot published to listeners after every change. {@code inFlight}: per lane (permission id hex), operations
 * reserved but not settled. {@code degraded}: the last send found the bundler unreachable.
 */
public record SignerState(boolean running, Map<String, Integer> inFlight, long approved, long refused, long failed,
                          long included, boolean degraded) {

    public SignerState {
        inFlight = Map.copyOf(inFlight);
    }

    public static final SignerState STOPPED = new SignerState(false, Map.of(), 0, 0, 0, 0, false);

    public int totalInFlight() {
        return inFlight.values().stream().mapToInt(Integer::intValue).sum();
    }
}
