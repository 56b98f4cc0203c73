package dev.latchkey.signer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * One session's nonce lane: a single thread (so sequences are assigned and sent in order) and at most
 * {@code maxInFlight} operations between reservation and settlement (FT-13). A 5th intent waits on the lane. The
 * lanes of one account also share {@code account}: at most that many in flight for the sender as a whole (a public
 * mempool holds 4 per unstaked sender); a lane waits for a permit of both, lane first.
 */
final class Lane {

    final String permissionHex;
    final ExecutorService thread;
    private final Semaphore slots;
    private final Semaphore account;
    private final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();

    Lane(String permissionHex, int maxInFlight, Semaphore account) {
        this.permissionHex = permissionHex;
        this.slots = new Semaphore(maxInFlight, true);
        this.account = account;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "signer-lane-" + permissionHex.substring(0, Math.min(10, permissionHex.length())));
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs when the last in-flight operation settles (reconciliation is queued on the lane thread). */
    private volatile Runnable onIdle = () -> { };

    void onIdle(Runnable r) {
        this.onIdle = r;
    }

    /** Called after a slot is released; queues the idle work if nothing else is in flight. */
    void settled() {
        if (inFlight() == 0) {
            try {
                onIdle.run();
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // the signer is stopping; the next start reconciles
            }
        }
    }

    /** The outcome of this lane's enabling operation while it is in flight; later intents wait for it. */
    private volatile CompletableFuture<Outcome> enabling;

    void enabling(CompletableFuture<Outcome> outcome) {
        this.enabling = outcome;
    }

    /**
     * Blocks the lane until its ENABLE operation settled: a USE operation cannot validate before the permission is
     * enabled, and a second ENABLE would reuse the owner's (one-shot) approval.
     */
    void awaitEnabling() throws InterruptedException {
        CompletableFuture<Outcome> f = enabling;
        if (f == null) return;
        try {
            f.get();
        } catch (ExecutionException e) {
            // an enabling outcome never completes exceptionally; the next preparation decides again from the chain
        }
        enabling = null;
    }

    /** Takes a slot of this lane, then one of its account. */
    void acquire() throws InterruptedException {
        slots.acquire();
        try {
            account.acquire();
        } catch (InterruptedException e) {
            slots.release();
            throw e;
        }
        held.incrementAndGet();
    }

    void acquireUninterruptibly() {
        slots.acquireUninterruptibly();
        account.acquireUninterruptibly();
        held.incrementAndGet();
    }

    /** Gives back what {@link #acquire} took. */
    void release() {
        held.decrementAndGet();
        account.release();
        slots.release();
    }

    /** Operations holding both permits (one waiting for its account's permit is not in flight yet). */
    int inFlight() {
        return held.get();
    }
}
