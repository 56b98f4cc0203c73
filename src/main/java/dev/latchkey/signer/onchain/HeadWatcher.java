package dev.latchkey.signer.onchain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.RpcException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The latest block as the signer needs it (time, base fee) plus the node's priority fee, refreshed in the background
 * so the trade path reads a snapshot instead of making a round trip. A snapshot older than {@code maxAge} (the
 * refresher is stopped or the node was unreachable) is fetched again on the caller's thread.
 */
public final class HeadWatcher implements AutoCloseable {

    /** One reading of the chain head. {@code fetchedAtNanos} is on the watcher's monotonic clock. */
    public record Head(long number, long timestamp, BigInteger baseFee, BigInteger priorityFee, long fetchedAtNanos) { }

    private final EvmClient node;
    private final Duration maxAge;
    private final LongSupplier nanos;
    private volatile Head head;
    private ScheduledExecutorService refresher;
    private final java.util.List<Runnable> onNewBlock = new java.util.concurrent.CopyOnWriteArrayList<>();

    public HeadWatcher(EvmClient node, Duration maxAge) {
        this(node, maxAge, System::nanoTime);
    }

    HeadWatcher(EvmClient node, Duration maxAge, LongSupplier nanos) {
        this.node = node;
        this.maxAge = maxAge;
        this.nanos = nanos;
    }

    /** Refreshes every {@code every} on a daemon thread until {@link #close}; a failed refresh is retried next tick. */
    public synchronized HeadWatcher start(Duration every) {
        if (refresher != null) return this;
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "signer-head-watcher");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RpcException e) {
                // the node is unreachable now; current() fetches on demand and reports the error to the caller
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Runs {@code r} on the refreshing thread whenever a refresh sees a new block (background reads, not the trade path). */
    public void onNewBlock(Runnable r) {
        onNewBlock.add(r);
    }

    /** The latest snapshot, or a fresh one when the last is older than {@code maxAge}. */
    public Head current() {
        Head h = head;
        if (h == null || nanos.getAsLong() - h.fetchedAtNanos() > maxAge.toNanos()) {
            return refresh();
        }
        return h;
    }

    /** Reads the latest block and the priority fee now. */
    public Head refresh() {
        JsonNode block = node.rpc().call("eth_getBlockByNumber", "latest", false);
        JsonNode fee = block.get("baseFeePerGas");
        BigInteger priority = node.maxPriorityFee();
        Head h = new Head(EvmClient.quantity(block.path("number")).longValueExact(),
                EvmClient.quantity(block.path("timestamp")).longValueExact(),
                fee == null || fee.isNull() ? BigInteger.ZERO : EvmClient.quantity(fee), priority, nanos.getAsLong());
        Head old = head;
        if (old == null || h.number() >= old.number()) head = h;
        if (old != null && h.number() > old.number()) onNewBlock.forEach(Runnable::run);
        return h;
    }

    @Override
    public synchronized void close() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }
}
