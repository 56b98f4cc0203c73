package dev.latchkey.signer.onchain;

import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.PolicyStateSource;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Policy counters for the trade path without a round trip: each session's reads are kept in a snapshot until one of
 * its operations lands ({@link #changed}); then a new snapshot is filled in the background with the same reads, so
 * the next trade finds them ready. Sound because a session's counters (keyed by SmartSession, account and its config
 * ids) only move when an operation of that session is validated, and operations still in flight are covered by the
 * ledger's reservations either way; windows (periodic budgets, rate limits) are rolled by the engine from the chain
 * time. Reconciliation reads {@link #fresh}.
 */
public final class SnapshotPolicyStates implements PolicyStateSource, AutoCloseable {

    private final PolicyStateSource chain;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final ExecutorService warmer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "signer-policy-warm");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger warming = new AtomicInteger();

    /** {@code chain}: the live reader (e.g. {@link ChainPolicyStates}); its {@code stateOf} must read the chain each call. */
    public SnapshotPolicyStates(PolicyStateSource chain) {
        this.chain = chain;
    }

    @Override
    public PolicyState stateOf(SessionRecord session, long chainId) {
        return snapshots.computeIfAbsent(key(session), k -> new Snapshot(chain.stateOf(session, chainId)));
    }

    @Override
    public PolicyState fresh(SessionRecord session, long chainId) {
        return chain.stateOf(session, chainId);
    }

    @Override
    public void changed(SessionRecord session, long chainId) {
        Snapshot next = new Snapshot(chain.stateOf(session, chainId));
        Snapshot old = snapshots.put(key(session), next);
        if (old == null) return;
        warming.incrementAndGet();
        warmer.execute(() -> {
            try {
                old.replayOn(next);
            } catch (RuntimeException e) {
                // the node is unreachable now: the trade path reads what it needs itself
            } finally {
                warming.decrementAndGet();
            }
        });
    }

    /** Snapshots being refilled in the background right now. */
    public int warming() {
        return warming.get();
    }

    @Override
    public void close() {
        warmer.shutdownNow();
    }

    private static String key(SessionRecord s) {
        return HexBytes.of(s.permissionId()).hex();
    }

    /** Memoised reads of one session's counters, remembering which reads were made so a successor can repeat them. */
    static final class Snapshot implements PolicyState {

        private final PolicyState source;
        private final Map<List<Object>, Object> values = new ConcurrentHashMap<>();
        private final Map<List<Object>, Function<PolicyState, Object>> reads = new ConcurrentHashMap<>();

        Snapshot(PolicyState source) {
            this.source = source;
        }

        void replayOn(Snapshot next) {
            reads.forEach((k, read) -> next.memo(k, read));
        }

        @SuppressWarnings("unchecked")
        private <T> T memo(List<Object> key, Function<PolicyState, Object> read) {
            reads.putIfAbsent(key, read);
            return (T) values.computeIfAbsent(key, k -> read.apply(source));
        }

        @Override public BigInteger usageUsed(Address p, HexBytes c) { return memo(List.of("usage", p, c), s -> s.usageUsed(p, c)); }
        @Override public BigInteger valueUsed(Address p, HexBytes c) { return memo(List.of("value", p, c), s -> s.valueUsed(p, c)); }
        @Override public Spending spending(Address p, HexBytes c, Address t) { return memo(List.of("spend", p, c, t), s -> s.spending(p, c, t)); }
        @Override public Window periodicBudget(Address p, HexBytes c, Address t) { return memo(List.of("periodic", p, c, t), s -> s.periodicBudget(p, c, t)); }
        @Override public Window rateLimit(Address p, HexBytes c) { return memo(List.of("rate", p, c), s -> s.rateLimit(p, c)); }
        @Override public BigInteger gasCostUsed(Address p, HexBytes c) { return memo(List.of("gas", p, c), s -> s.gasCostUsed(p, c)); }
        @Override public BigInteger ruleUsed(Address p, HexBytes c, int i) { return memo(List.of("rule", p, c, i), s -> s.ruleUsed(p, c, i)); }
    }
}
