package dev.latchkey.automation;

import dev.latchkey.aa.userop.WindowClaims;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.userop.OperationContexts;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.Automations;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.engine.Decision;
import dev.latchkey.session.engine.OperationContext;
import dev.latchkey.session.engine.PolicyEngine;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.engine.UnrecognizedPolicyException;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.signer.InFlightOperations;
import dev.latchkey.signer.PolicyStateSource;
import dev.latchkey.signer.SessionDefinitions;
import dev.latchkey.trade.build.QuoteSource;
import dev.latchkey.trade.build.RefusalText;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the stored rules on every new block (a plain polling thread), fires the met ones as signer intents and
 * records every decision. Each firing is recorded in the same transaction that advances its rule, under an intent id
 * derived from (rule, trigger, attempt): after a crash a trigger is re-submitted with the same id (the signer dedups),
 * never fired anew. Rules whose session is revoked or expired go to NEEDS_ATTENTION. Runs next to the
 * {@code SignerService} it feeds ({@code latchkey signer run}, or the desktop app in the background).
 */
public final class AutomationEngine implements AutoCloseable {

    /** What one pass did. */
    public record Report(long block, int evaluated, int fired, int skipped, int attention) { }

    private final Keystore keystore;
    private final Automations store;
    private final TradeNetwork network;
    private final ChainReader chain;
    private final SessionDefinitions definitions;
    private final PolicyStateSource policyState;
    private final AutomationConfig config;
    private final PolicyEngine engine;
    private final Evaluator evaluator;
    private final Firings firings;
    private final InFlightOperations inFlight;
    private final RefusalText words;
    private final Map<String, LoadedRule> rules = new HashMap<>();
    private final Map<Market.PoolKey, ChainReader.Pool> pools = new HashMap<>();
    private final Map<String, PreparedSession> prepared = new HashMap<>();
    private volatile Thread poller;
    private volatile boolean running;
    private long lastBlock = -1;
    private String rulesSeen = "";

    public AutomationEngine(Keystore keystore, TradeNetwork network, ChainReader chain, QuoteSource quotes, IntentPort signer,
                            SessionDefinitions definitions, PolicyStateSource policyState, AutomationConfig config) {
        this.keystore = keystore;
        this.inFlight = new InFlightOperations(keystore.journal(), keystore.settings());
        this.words = new RefusalText(network);
        this.store = keystore.automations();
        this.network = network;
        this.chain = chain;
        this.definitions = definitions;
        this.policyState = policyState;
        this.config = config;
        this.engine = PolicyEngine.onChainRules(config.policies());
        this.evaluator = new Evaluator(network, new RuleCalls(network, quotes));
        this.firings = new Firings(store, keystore.journal(), signer, config, network.chainId());
    }

    /** Starts the polling thread (the entry point {@code latchkey signer run} calls after starting the signer). */
    public synchronized void start() {
        if (running) throw new IllegalStateException("already running");
        running = true;
        poller = new Thread(this::loop, "automation-poller");
        poller.setDaemon(true);
        poller.start();
    }

    private void loop() {
        while (running) {
            try {
                poll();
            } catch (KeystoreException | RuntimeException e) {
                config.log().accept("automation: pass failed, retrying next poll: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            try {
                Thread.sleep(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Evaluates the latest block if it is new or a rule was added, edited or moved; empty when neither. */
    public Optional<Report> poll() throws KeystoreException {
        ChainReader.Head head = chain.head();
        synchronized (this) {
            // A new or edited rule is evaluated at once on the current block (a devnet mines only on demand, and a
            // rule created at the market price should not wait for the next block); otherwise once per block.
            String rulesNow = store.changeMark();
            if (head.number() <= lastBlock && rulesNow.equals(rulesSeen)) return Optional.empty();
            rulesSeen = rulesNow;
        }
        return Optional.of(evaluate(head));
    }

    /** One pass over every rule at {@code head}. */
    public synchronized Report evaluate(ChainReader.Head head) throws KeystoreException {
        lastBlock = Math.max(lastBlock, head.number());
        Map<String, SessionRecord> sessions = new HashMap<>();
        for (SessionRecord s : keystore.sessions().all()) sessions.put(Firings.hex(s.permissionId()), s);
        firings.settle(head.number(), head.timestamp(), ruleId -> accountOf(ruleId, sessions), this::onSuccess);
        refresh(); // after settling, so this pass sees the triggers the closed firings moved the rules to
        Set<String> busy = new HashSet<>();
        for (AutomationFiring f : store.pending()) busy.add(Firings.hex(f.ruleId()));
        Market market = new Market(chain, pools, head);
        List<AutomationEvaluation.New> rows = new ArrayList<>();
        int evaluated = 0;
        int fired = 0;
        int skipped = 0;
        int attention = 0;
        for (LoadedRule r : List.copyOf(rules.values())) {
            if (r.row.status() != AutomationRule.Status.ACTIVE || busy.contains(Firings.hex(r.row.ruleId()))) continue;
            if (firings.failedAtBlock(Firings.hex(r.row.ruleId()), head.number())) continue;
            evaluated++;
            Verdict v = verdict(r, sessions.get(Firings.hex(r.row.permissionId())), market);
            switch (v) {
                case Verdict.Wait w -> note(r, rows, head, AutomationEvaluation.Result.WAITING, w.code(), w.message());
                case Verdict.Skip s -> {
                    skipped++;
                    note(r, rows, head, AutomationEvaluation.Result.SKIPPED, s.code(), s.message());
                }
                case Verdict.Attention a -> {
                    attention++;
                    move(r, AutomationRule.Status.NEEDS_ATTENTION, a.message(), AutomationEvaluation.Result.ATTENTION, head);
                }
                case Verdict.Done d -> move(r, AutomationRule.Status.DONE, d.message(), AutomationEvaluation.Result.DONE, head);
                case Verdict.Fire f -> {
                    try {
                        if (fire(r, f, sessions.get(Firings.hex(r.row.permissionId())), head, rows)) fired++;
                        else skipped++;
                    } catch (UnrecognizedPolicyException e) {
                        // Retrying cannot help: a contract the session names does not answer as that policy does.
                        attention++;
                        move(r, AutomationRule.Status.NEEDS_ATTENTION, e.getMessage(), AutomationEvaluation.Result.ATTENTION, head);
                    }
                }
            }
        }
        store.record(rows);
        return new Report(head.number(), evaluated, fired, skipped, attention);
    }

    private Verdict verdict(LoadedRule r, SessionRecord session, Market m) {
        if (session == null) return new Verdict.Attention("the rule's session is no longer in the wallet");
        if (session.status() == SessionStatus.REVOKED || session.status() == SessionStatus.REVOKING || session.status() == SessionStatus.EXPIRED) {
            return new Verdict.Attention("the session is " + session.status() + "; bind the rule to a new session");
        }
        long now = m.head.timestamp();
        if (now >= session.validUntil() - config.expiryMarginSeconds()) {
            return new Verdict.Attention("the session expired at " + Instant.ofEpochSecond(session.validUntil()) + "; bind the rule to a new session");
        }
        if (r.spec instanceof RuleSpec.RecurringPayment p && r.row.nextSeq() < p.totalPayments()
                && p.dueAt(r.row.nextSeq()) >= session.validUntil() - config.expiryMarginSeconds()) {
            return new Verdict.Attention("payment " + (r.row.nextSeq() + 1) + " is due after the session ends ("
                    + Instant.ofEpochSecond(session.validUntil()) + ")");
        }
        if (now < session.validAfter()) return new Verdict.Wait("session-not-yet-valid", "the session starts at " + Instant.ofEpochSecond(session.validAfter()));
        try {
            return evaluator.evaluate(r, new Address(session.account().toLowerCase()), m);
        } catch (UnrecognizedPolicyException e) {
            return new Verdict.Attention(e.getMessage());
        } catch (RuntimeException e) {
            return new Verdict.Skip("read-error", "could not evaluate: " + e.getMessage());
        }
    }

    private boolean fire(LoadedRule r, Verdict.Fire f, SessionRecord session, ChainReader.Head head, List<AutomationEvaluation.New> rows)
            throws KeystoreException {
        Address account = new Address(session.account().toLowerCase());
        List<Execution> calls;
        try {
            calls = f.calls().get();
        } catch (RuntimeException e) {
            note(r, rows, head, AutomationEvaluation.Result.SKIPPED, "build", f.reason() + ", but the trade could not be built: " + e.getMessage());
            return false;
        }
        HexBytes callData = RuleCalls.callData(calls);
        java.util.OptionalInt taken = firings.takenBy(r.row.ruleId(), r.row.nextSeq(), r.row.nextAttempt());
        if (taken.isPresent() && taken.getAsInt() != r.row.nextAttempt()) {
            move(r, AutomationRule.Status.NEEDS_ATTENTION, "trigger " + r.row.nextSeq() + " was already handled by its attempt "
                    + taken.getAsInt() + " (the chain shows it; the wallet was restored from an older backup): check the activity,"
                    + " then resume the rule", AutomationEvaluation.Result.ATTENTION, head);
            return false;
        }
        // Taken by this very attempt (the journal rebuilt from the chain after a restore): fire it without the pre-check,
        // which would count the payment against itself; the signer answers Duplicate and the firing closes from that row.
        Optional<String> refused = taken.isPresent() ? Optional.empty()
                : precheck(session, account, callData, head.timestamp()).map(reason -> words.explain(reason, calls));
        if (refused.isPresent()) {
            note(r, rows, head, AutomationEvaluation.Result.SKIPPED, "policy", f.reason() + ", but the session would refuse it now: " + refused.get());
            return false;
        }
        byte[] intentId = IntentIds.of(r.row.ruleId(), r.row.nextSeq(), r.row.nextAttempt());
        AutomationFiring firing;
        try {
            firing = store.fire(new Automations.Fire(r.row.ruleId(), r.row.nextSeq(), r.row.nextAttempt(), intentId, head.number(),
                    head.timestamp(), callData.bytes(), f.reason()));
        } catch (KeystoreException.JournalConflictException e) {
            config.log().accept("automation: rule " + Firings.hex(r.row.ruleId()) + " moved under us: " + e.getMessage());
            return false;
        }
        r.lastCode = "fired";
        config.log().accept("automation: rule " + Firings.hex(r.row.ruleId()) + " (" + r.row.label() + ") FIRED trigger " + firing.seq()
                + " attempt " + firing.attempt() + " at block " + head.number() + ": " + f.reason() + " -> intent " + Firings.hex(intentId));
        firings.submit(firing, account);
        return true;
    }

    /** The session's policies on the live on-chain state, as the signer will check them (a refusal here is a skip, not a firing). */
    private Optional<String> precheck(SessionRecord session, Address account, HexBytes callData, long now) throws KeystoreException {
        Optional<OnchainSession> def = definitions.definitionOf(session);
        if (def.isEmpty()) return Optional.of("the session's definition is unknown to the wallet");
        PreparedSession p = prepared.computeIfAbsent(Firings.hex(session.permissionId()), k -> engine.prepare(def.get()));
        Address smartSession = session.chains().stream().filter(c -> c.chainId() == network.chainId()).findFirst()
                .map(c -> new Address(c.smartSession().toLowerCase())).orElse(null);
        if (smartSession == null) return Optional.of("the session is not on chain " + network.chainId());
        // The signer claims the head's time for the windowed policies; so does this preview.
        UserOperation op = UserOperation.of(account, BigInteger.ZERO, WindowClaims.stamp(p, smartSession, callData, now));
        // As the signer will: operations of the session still in flight (other rules' firings, trades) count first,
        // so a rule that would only be refused by the signer is skipped here instead of spending an attempt.
        List<OperationContext> ahead = inFlight.of(session.permissionId(), network.chainId(), smartSession, now, BigInteger.ZERO);
        Decision d = engine.checkAfter(p, ahead, OperationContexts.of(op, smartSession, now, BigInteger.ZERO),
                policyState.stateOf(session, network.chainId()));
        return d instanceof Decision.Refused x ? Optional.of(x.reason().toString()) : Optional.empty();
    }

    private Automations.RuleChange onSuccess(AutomationFiring f) {
        LoadedRule r = rules.get(Firings.hex(f.ruleId()));
        RuleSpec spec;
        try {
            spec = r != null ? r.spec : RuleSpecCodec.decode(store.spec(f.ruleId()));
        } catch (KeystoreException e) {
            throw new IllegalStateException("cannot read rule " + Firings.hex(f.ruleId()) + ": " + e.getMessage(), e);
        }
        return switch (spec) {
            case RuleSpec.LimitOrder l -> new Automations.RuleChange.Done("limit order filled (trigger " + f.seq() + ")");
            case RuleSpec.StopOrder s -> new Automations.RuleChange.Done("stop order filled (trigger " + f.seq() + ")");
            case RuleSpec.RecurringPayment p -> f.seq() + 1 >= p.totalPayments()
                    ? new Automations.RuleChange.Done("made all " + p.totalPayments() + " payments") : new Automations.RuleChange.Continue();
            case RuleSpec.AutoRepay a -> new Automations.RuleChange.Continue();
        };
    }

    /** Brings the cache up to date: new rules and new versions are decrypted once; status moves are picked up. */
    private void refresh() throws KeystoreException {
        Set<String> seen = new HashSet<>();
        for (AutomationRule row : store.all()) {
            String id = Firings.hex(row.ruleId());
            if (row.status() == AutomationRule.Status.REMOVED || row.status() == AutomationRule.Status.DONE) {
                if (!firings.holdsRule(id)) continue;
            }
            seen.add(id);
            LoadedRule cached = rules.get(id);
            if (cached == null || cached.row.version() != row.version()) {
                rules.put(id, new LoadedRule(row, RuleSpecCodec.decode(store.spec(row.ruleId()))));
            } else if (moved(cached.row, row)) {
                rules.put(id, cached.with(row));
            }
        }
        rules.keySet().retainAll(seen);
    }

    private static boolean moved(AutomationRule a, AutomationRule b) {
        return a.status() != b.status() || a.nextSeq() != b.nextSeq() || a.nextAttempt() != b.nextAttempt() || !a.updatedAt().equals(b.updatedAt());
    }

    private void note(LoadedRule r, List<AutomationEvaluation.New> rows, ChainReader.Head head, AutomationEvaluation.Result result,
                      String code, String message) {
        if (code.equals(r.lastCode)) return; // a rule waiting on the same thing is recorded once, not every block
        r.lastCode = code;
        rows.add(new AutomationEvaluation.New(r.row.ruleId(), head.number(), head.timestamp(), result, code + ": " + message));
        if (result == AutomationEvaluation.Result.SKIPPED) config.log().accept("automation: rule " + Firings.hex(r.row.ruleId()) + " skipped: " + message);
    }

    private void move(LoadedRule r, AutomationRule.Status to, String reason, AutomationEvaluation.Result result, ChainReader.Head head)
            throws KeystoreException {
        if (store.setStatus(r.row.ruleId(), Set.of(AutomationRule.Status.ACTIVE), to, reason, result, head.number(), head.timestamp())) {
            config.log().accept("automation: rule " + Firings.hex(r.row.ruleId()) + " (" + r.row.label() + ") " + to + ": " + reason);
        }
    }

    private Optional<Address> accountOf(byte[] ruleId, Map<String, SessionRecord> sessions) {
        try {
            AutomationRule row = store.get(ruleId);
            SessionRecord s = sessions.get(Firings.hex(row.permissionId()));
            return s == null ? Optional.empty() : Optional.of(new Address(s.account().toLowerCase()));
        } catch (KeystoreException e) {
            return Optional.empty();
        }
    }

    /** Stops polling (not synchronized: a pass in progress finishes first). PENDING firings stay for the next start. */
    public void stop() {
        running = false;
        Thread p = poller;
        if (p != null) {
            p.interrupt();
            try {
                p.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
