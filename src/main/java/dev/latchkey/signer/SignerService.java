package dev.latchkey.signer;

import dev.latchkey.keystore.ActivityKind;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.engine.PolicyEngine;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The background signer: one intake thread (idempotency, session matching), one lane per session (never-rules,
 * policy, reservation, signing, sending in nonce order, ≤ 4 in flight) and tracker threads following operations to
 * inclusion. {@link #start} first resumes every open journal row. Uses session keys only, through the vault.
 */
public final class SignerService implements AutoCloseable {

    private final Deps d;
    private final SessionMatcher matcher;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    /** Per account (lower-case address): the permits its lanes share (SignerConfig.maxInFlightPerAccount). */
    private final java.util.Map<String, Semaphore> accountSlots = new ConcurrentHashMap<>();
    private final dev.latchkey.keystore.Settings settings;
    private ExecutorService intake;
    private ExecutorService trackers;
    private volatile Preparation preparation;
    private Delivery delivery;
    private Reconciler reconciler;

    public SignerService(Keystore keystore, SessionDefinitions definitions, PolicyStateSource policyState,
                         OperationBuilder builder, ChainView chain, OperationSink sink, SignerConfig config) {
        this(keystore, definitions, policyState, builder, chain, sink, config, config::softLimits);
    }

    /** {@code softLimits} is asked at every check (the owner may change them in Settings while the signer runs). */
    public SignerService(Keystore keystore, SessionDefinitions definitions, PolicyStateSource policyState,
                         OperationBuilder builder, ChainView chain, OperationSink sink, SignerConfig config,
                         java.util.function.Supplier<dev.latchkey.session.engine.SoftLimits> softLimits) {
        PolicyEngine engine = PolicyEngine.forSigner(config.policies(), softLimits, new JournalHistory(keystore.journal()));
        this.d = new Deps(keystore.sessions(), keystore.journal(), keystore.activity(), keystore.keys(),
                new OperationStore(keystore.settings(), keystore.journal()), engine, definitions, policyState, builder, chain, sink, config, new Stats(),
                new Replies());
        this.matcher = new SessionMatcher(keystore.sessions(), definitions, engine);
        this.settings = keystore.settings();
    }

    public void addListener(SignerListener listener) {
        d.stats().addListener(listener);
    }

    public SignerState state() {
        return d.stats().snapshot();
    }

    /** Starts the threads and resumes every open journal row; returns the outcomes of the resumed rows. */
    public synchronized List<CompletableFuture<Outcome>> start() throws KeystoreException {
        if (d.stats().running) throw new IllegalStateException("already running");
        intake = Executors.newSingleThreadExecutor(r -> daemon(r, "signer-intake"));
        trackers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("signer-tracker-", 0).factory());
        EnableGate gate = new EnableGate(d);
        delivery = new Delivery(d, trackers, gate);
        preparation = new Preparation(d, delivery, gate);
        reconciler = new Reconciler(d);
        recoverFromChain();
        d.stats().running = true;
        List<CompletableFuture<Outcome>> resumed = new ArrayList<>();
        for (JournalEntry row : d.journal().open()) {
            resumed.add(resume(row));
        }
        // N4 at start: every session usable on this chain is compared with the chain once its lane is idle.
        List<SessionRecord> sessions = d.sessions().all();
        long chainId = sessions.isEmpty() ? 0 : d.chain().chainId();
        for (SessionRecord s : sessions) {
            boolean enabledHere = s.chain(chainId).map(c -> c.enabled() || s.status() == SessionStatus.ENABLED).orElse(false);
            if (enabledHere) lane(s).settled();
        }
        d.stats().publish();
        return resumed;
    }

    /**
     * Chain first, before any row is resumed or any intent (an automation firing) accepted: every session whose lane
     * the chain shows ahead of the journal gets the missing operations from the chain. A backup marker says the wallet
     * was restored; that is said once in the activity log, with what was rebuilt.
     */
    private void recoverFromChain() throws KeystoreException {
        String marker = settings.get(dev.latchkey.keystore.Settings.BACKUP_MARKER);
        String why = marker != null ? "restored from a backup taken at " + marker : "the chain is ahead of the journal";
        List<SessionRecord> sessions = d.sessions().all();
        if (sessions.isEmpty()) return;
        long chainId = d.chain().chainId();
        ChainFirst chainFirst = new ChainFirst(d);
        int rebuilt = 0;
        for (SessionRecord s : sessions) {
            if (s.chain(chainId).isEmpty() || (s.status() != SessionStatus.ENABLED && !s.approved())) continue;
            try {
                rebuilt += chainFirst.recover(s, chainId, why);
            } catch (RuntimeException e) {
                d.logSession(ActivityKind.SIGNER_FAILED, s.permissionId(), "reconciliation from the chain: " + e.getMessage());
            }
        }
        if (marker != null) {
            d.log(ActivityKind.SIGNER_RESTORED, "", "this wallet was restored from a backup taken at " + marker + "; reconciled from the chain: "
                    + rebuilt + " operation(s) made after the backup rebuilt into the journal and the ledger");
            settings.remove(dev.latchkey.keystore.Settings.BACKUP_MARKER);
        }
    }

    /**
     * What a submit of {@code intent} would decide now, on the caller's thread, reading only: the Trade screen's preview
     * and the automation pre-check ask this instead of running an engine of their own.
     */
    public DryRun dryRun(SignerIntent intent) throws KeystoreException {
        Preparation p = preparation;
        if (p == null || !d.stats().running) return new DryRun.Refused("not-running", "signer is not running");
        Optional<SessionMatcher.Match> match = matcher.find(intent, d.chain().chainTime());
        if (match.isEmpty()) {
            return new DryRun.Refused("no-session", noSession(intent));
        }
        try {
            return switch (p.check(intent, match.get())) {
                case Preparation.Checked.Refusal r -> new DryRun.Refused(r.reason(), r.message());
                case Preparation.Checked.Pass pass -> new DryRun.Pass(pass.session().permissionId(), pass.mode() instanceof SigningMode.Enable);
            };
        } catch (dev.latchkey.session.engine.UnrecognizedPolicyException e) {
            return new DryRun.Refused("policy-unrecognized", e.getMessage());
        }
    }

    private static String noSession(SignerIntent intent) {
        return "no session of " + intent.account() + " on chain " + intent.chainId() + " covers every (target, selector) of this operation";
    }

    /**
     * Speeds up intent {@code intentIdHex} (hex) while it waits for the chain: its operation is replaced at the same
     * sequence by one with higher fees, re-signed and checked by the session's policies, and both are followed until
     * the chain uses the sequence. Refused, with words, when the intent is not waiting for the chain.
     */
    public CompletableFuture<FeeBump> bumpFee(String intentIdHex) {
        if (!d.stats().running || delivery == null) {
            return CompletableFuture.completedFuture(new FeeBump.Refused(intentIdHex, "the signer is not running"));
        }
        return delivery.bumpFee(intentIdHex.toLowerCase(java.util.Locale.ROOT).replaceFirst("^0x", ""));
    }

    /** Queues an intent. The future completes when it is included, refused, failed, or recognised as a duplicate. */
    public CompletableFuture<Outcome> submit(SignerIntent intent) {
        CompletableFuture<Outcome> caller = new CompletableFuture<>();
        if (!d.stats().running) {
            caller.complete(new Outcome.Failed(intent.idHex(), "signer is not running"));
            return caller;
        }
        intake.execute(() -> accept(intent, caller));
        return caller;
    }

    private void accept(SignerIntent intent, CompletableFuture<Outcome> caller) {
        String id = intent.idHex();
        try {
            if (!seen.add(id)) {
                // Still in flight (e.g. "not confirmed yet"): the same signed operation is followed to its end; a
                // second operation for the same intent is never made.
                Optional<CompletableFuture<Outcome>> settling = d.replies().settling(id);
                if (settling.isPresent()) {
                    settling.get().whenComplete((o, t) -> caller.complete(o != null ? o : new Outcome.Failed(id, String.valueOf(t))));
                } else {
                    caller.complete(new Outcome.Duplicate(id, "already received"));
                }
                return;
            }
            CompletableFuture<Outcome> done = d.replies().open(id, caller);
            Optional<JournalEntry> existing = journalRow(intent.id());
            if (existing.isPresent()) {
                done.complete(new Outcome.Duplicate(id, existing.get().state().name()));
                return;
            }
            Optional<SessionMatcher.Match> match = matcher.find(intent, d.chain().chainTime());
            if (match.isEmpty()) {
                done.complete(preparation.refuse(intent, "no-session", noSession(intent)));
                d.stats().bump(d.stats().refused);
                return;
            }
            Lane lane = lane(match.get().record());
            lane.thread.execute(() -> preparation.run(intent, match.get(), lane, done));
        } catch (KeystoreException | RuntimeException e) {
            d.log(ActivityKind.SIGNER_FAILED, id, e.getClass().getSimpleName() + ": " + e.getMessage());
            d.stats().bump(d.stats().failed);
            Outcome.Failed failed = new Outcome.Failed(id, e.getMessage());
            d.replies().settling(id).ifPresent(f -> f.complete(failed));
            caller.complete(failed);
        }
    }

    /** FT-08: RESERVED/SIGNED → re-sign the stored operation (identical bytes) and send; SUBMITTED/UNKNOWN → poll and resend. */
    private CompletableFuture<Outcome> resume(JournalEntry row) throws KeystoreException {
        CompletableFuture<Outcome> caller = new CompletableFuture<>();
        String id = Deps.hex(row.intentId());
        seen.add(id);
        CompletableFuture<Outcome> done = d.replies().open(id, caller);
        SessionRecord session = d.sessions().get(row.permissionId());
        Lane lane = lane(session);
        lane.thread.execute(() -> {
            lane.acquireUninterruptibly(); // resumed rows count against the lane's and the account's slots too
            try {
                Optional<OperationStore.Stored> stored = d.store().get(id);
                SigningMode mode = stored.isPresent() && !stored.get().enabling() ? new SigningMode.Use()
                        : preparation.modeFor(session, row.chainId());
                if (mode instanceof SigningMode.Refuse r) throw new IllegalStateException(r.reason() + ": " + r.message());
                UserOperation op = stored.isPresent() ? stored.get().op() : rebuild(row, session, mode);
                if (mode instanceof SigningMode.Enable) lane.enabling(done);
                d.log(ActivityKind.SIGNER_RESUMED, id, "from " + row.state() + " seq " + row.nonceSeq() + (mode instanceof SigningMode.Enable ? " ENABLE" : ""));
                delivery.deliver(row, session, op, mode, lane, done);
            } catch (KeystoreException | RuntimeException e) {
                d.log(ActivityKind.SIGNER_FAILED, id, "resume: " + e.getMessage());
                lane.release();
                done.complete(new Outcome.Failed(id, e.getMessage()));
            }
        });
        return caller;
    }

    /** A RESERVED row whose unsigned operation was not stored: same nonce and callData, fresh gas (nothing was signed). */
    private UserOperation rebuild(JournalEntry row, SessionRecord session, SigningMode mode) {
        if (row.userOpHash() != null) {
            throw new IllegalStateException("signed row without its stored operation; left for manual reconciliation");
        }
        NonceLane nl = NonceLane.of(session, Deps.smartSession(session, row.chainId()));
        var callData = IntentTag.append(dev.latchkey.session.model.HexBytes.of(row.callData()), row.intentId());
        return mode instanceof SigningMode.Enable e
                ? d.builder().buildEnable(session, row.chainId(), nl.nonce(row.nonceSeq()), callData, e.enableSession())
                : d.builder().build(session, row.chainId(), nl.nonce(row.nonceSeq()), callData);
    }

    private Optional<JournalEntry> journalRow(byte[] intentId) throws KeystoreException {
        try {
            return Optional.of(d.journal().get(intentId));
        } catch (KeystoreException.NotFoundException e) {
            return Optional.empty();
        }
    }

    private Lane lane(SessionRecord session) {
        String key = HexFormat.of().formatHex(session.permissionId());
        byte[] pid = session.permissionId();
        return d.stats().lane(key, () -> {
            Semaphore account = accountSlots.computeIfAbsent(session.account().toLowerCase(),
                    a -> new Semaphore(d.config().maxInFlightPerAccount(), true));
            Lane lane = new Lane(key, d.config().maxInFlightPerLane(), account);
            lane.onIdle(() -> lane.thread.execute(() -> {
                if (lane.inFlight() == 0) reconciler.reconcile(pid);
            }));
            return lane;
        });
    }

    /** Resolves CONFLICT rows and aligns the ledger with the chain for one session now (on its lane); for tools and tests. */
    public CompletableFuture<Boolean> reconcile(byte[] permissionId) throws KeystoreException {
        Lane lane = lane(d.sessions().get(permissionId));
        return CompletableFuture.supplyAsync(() -> reconciler.reconcile(permissionId), lane.thread);
    }

    /** Stops the threads; open rows stay in the journal and are resumed by the next {@link #start}. */
    public synchronized void stop() {
        if (!d.stats().running) return;
        d.stats().running = false;
        intake.shutdownNow();
        d.stats().lanes.values().forEach(l -> l.thread.shutdownNow());
        trackers.shutdownNow();
        try {
            intake.awaitTermination(2, TimeUnit.SECONDS);
            for (Lane l : d.stats().lanes.values()) l.thread.awaitTermination(2, TimeUnit.SECONDS);
            trackers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        d.stats().lanes.clear();
        seen.clear();
        d.replies().clear();
        d.stats().publish();
    }

    @Override
    public void close() {
        stop();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
