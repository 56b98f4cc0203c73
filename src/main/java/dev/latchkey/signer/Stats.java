package dev.latchkey.signer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Counters behind {@link SignerState}; publishes a fresh snapshot on every change. */
final class Stats {

    final AtomicLong approved = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong included = new AtomicLong();
    volatile boolean degraded;
    volatile boolean running;
    /** Ledger / chain mismatches found in this run; bounded (the activity log keeps every one). */
    final java.util.List<String> warnings = new CopyOnWriteArrayList<>();
    final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<SignerListener> listeners = new CopyOnWriteArrayList<>();

    void warn(String warning) {
        if (warnings.size() >= 20) warnings.remove(0);
        warnings.add(warning);
        publish();
    }

    void addListener(SignerListener l) {
        listeners.add(l);
    }

    SignerState snapshot() {
        Map<String, Integer> inFlight = new java.util.TreeMap<>();
        lanes.forEach((k, lane) -> inFlight.put(k, lane.inFlight()));
        return new SignerState(running, inFlight, approved.get(), refused.get(), failed.get(), included.get(), degraded, warnings);
    }

    void publish() {
        SignerState s = snapshot();
        listeners.forEach(l -> l.onState(s));
    }

    void bump(AtomicLong counter) {
        counter.incrementAndGet();
        publish();
    }

    Lane lane(String permissionHex, Supplier<Lane> create) {
        return lanes.computeIfAbsent(permissionHex, k -> create.get());
    }
}
