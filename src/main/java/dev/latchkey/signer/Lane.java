package dev.latchkey.signer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * One session's nonce lane: a single thread (so sequences are assigned and sent in order) and at most
 * {@code maxInFlight} operations between reservation and settlement (FT-13). A 5th intent waits on the lane.
 */
final class Lane {

    final String permissionHex;
    final ExecutorService thread;
    final Semaphore slots;
    private final int max;

    Lane(String permissionHex, int maxInFlight) {
        this.permissionHex = permissionHex;
        this.max = maxInFlight;
        this.slots = new Semaphore(maxInFlight, true);
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "signer-lane-" + permissionHex.substring(0, Math.min(10, permissionHex.length())));
            t.setDaemon(true);
            return t;
        });
    }

    int inFlight() {
        return max - slots.availablePermits();
    }
}
