package dev.latchkey.automation;

import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.Automations;
import dev.latchkey.keystore.Automations.RuleChange;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SignerJournal;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.Outcome;
import dev.latchkey.signer.SignerIntent;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Firings between {@link Automations#fire} and {@link Automations#resolve}: hands them to the signer (again after
 * a restart — same intent id, so the signer answers Duplicate instead of signing twice), and closes each from the
 * signer's outcome or, when the outcome was lost (restart, Duplicate), from the signer's journal row of that id.
 * A trigger is retried under a new attempt id only when its attempt provably had no effect: refused before
 * signing, its journal row FAILED/CANCELLED, or included but reverted (the outcome's {@code success}, or the
 * journal row's {@link dev.latchkey.keystore.CallOutcome} when the outcome was lost).
 */
final class Firings {

    /** How a closed firing moves its rule on success. */
    interface SuccessChange {
        RuleChange of(AutomationFiring firing);
    }

    private record Completed(String intentHex, Outcome outcome) { }

    private static final class Inflight {
        final AutomationFiring firing;
        boolean awaitJournal;
        long unseenSince = -1;

        Inflight(AutomationFiring firing) {
            this.firing = firing;
        }
    }

    private static final Set<String> SESSION_REASONS = Set.of("no-session", "session-not-enabled", "session-expired");

    private final Automations store;
    private final SignerJournal journal;
    private final IntentPort signer;
    private final AutomationConfig config;
    private final long chainId;
    private final Map<String, Inflight> inflight = new HashMap<>();
    /** Rule → block of its last failed attempt: a retry waits for a newer block, whose state may differ. */
    private final Map<String, Long> failedAt = new HashMap<>();
    private final ConcurrentLinkedQueue<Completed> completed = new ConcurrentLinkedQueue<>();

    Firings(Automations store, SignerJournal journal, IntentPort signer, AutomationConfig config, long chainId) {
        this.store = store;
        this.journal = journal;
        this.signer = signer;
        this.config = config;
        this.chainId = chainId;
    }

    /** Hands a PENDING firing to the signer; its outcome is queued for the next {@link #settle}. */
    void submit(AutomationFiring f, Address account) {
        String id = hex(f.intentId());
        inflight.put(id, new Inflight(f));
        try {
            signer.submit(new SignerIntent(f.intentId(), account, chainId, HexBytes.of(f.callData())))
                    .whenComplete((o, t) -> completed.add(new Completed(id, o != null ? o : new Outcome.Failed(id, String.valueOf(t)))));
        } catch (RuntimeException e) {
            inflight.remove(id); // not handed over: the next block submits it again
            config.log().accept("automation: could not hand intent " + id + " to the signer: " + e.getMessage());
        }
    }

    /**
     * On the engine thread, once per block: closes firings whose outcome arrived, submits PENDING firings nobody
     * holds (after a restart), and polls the journal for those whose outcome must come from there.
     */
    void settle(long block, long chainTime, Function<byte[], Optional<Address>> accountOfRule, SuccessChange success)
            throws KeystoreException {
        for (Completed c; (c = completed.poll()) != null; ) {
            Inflight in = inflight.get(c.intentHex());
            if (in != null) onOutcome(in, c.outcome(), block, chainTime, success);
        }
        for (AutomationFiring f : store.pending()) {
            String id = hex(f.intentId());
            Inflight in = inflight.get(id);
            if (in == null) {
                Optional<Address> account = accountOfRule.apply(f.ruleId());
                if (account.isPresent()) {
                    config.log().accept("automation: re-submitting pending intent " + id + " (trigger " + f.seq() + ")");
                    submit(f, account.get());
                }
            } else if (in.awaitJournal) {
                fromJournal(in, block, chainTime, success);
            }
        }
    }

    private void onOutcome(Inflight in, Outcome o, long block, long chainTime, SuccessChange success) throws KeystoreException {
        AutomationFiring f = in.firing;
        switch (o) {
            case Outcome.Included i when i.success() -> close(f, AutomationFiring.State.SUCCEEDED, "included",
                    "userOp " + i.userOpHash().hex() + " tx " + i.transactionHash(), success.of(f), block, chainTime);
            case Outcome.Included i -> close(f, AutomationFiring.State.FAILED, "reverted", "tx " + i.transactionHash(), retry(f, "reverted on chain"),
                    block, chainTime);
            case Outcome.Refused r -> close(f, AutomationFiring.State.FAILED, "refused:" + r.reason(), r.message(),
                    SESSION_REASONS.contains(r.reason()) ? new RuleChange.Attention("the signer refused: " + r.message()) : retry(f, r.message()),
                    block, chainTime);
            case Outcome.Failed x -> {
                in.awaitJournal = true; // reserved rows may still land (the signer resumes them): the journal decides
                config.log().accept("automation: intent " + hex(f.intentId()) + " failed in the signer (" + x.error() + "); following its journal row");
                fromJournal(in, block, chainTime, success);
            }
            case Outcome.Unconfirmed u -> {
                // A bundler said no, but the signed operation may still land: never a new attempt on its word. The
                // journal row holds its sequence until the chain decides (FINAL, or FAILED once it can no longer land).
                in.awaitJournal = true;
                config.log().accept("automation: intent " + hex(f.intentId()) + " " + u.detail());
                fromJournal(in, block, chainTime, success);
            }
            case Outcome.Duplicate d -> {
                in.awaitJournal = true;
                fromJournal(in, block, chainTime, success);
            }
        }
    }

    private void fromJournal(Inflight in, long block, long chainTime, SuccessChange success) throws KeystoreException {
        AutomationFiring f = in.firing;
        Optional<JournalEntry> row = row(f.intentId());
        if (row.isEmpty()) {
            if (in.unseenSince < 0) in.unseenSince = block;
            if (block - in.unseenSince >= config.unseenDuplicateBlocks()) {
                close(f, AutomationFiring.State.FAILED, "not-signed", "the signer holds no journal row for it (refused before signing)",
                        retry(f, "not signed"), block, chainTime);
            }
            return;
        }
        JournalState s = row.get().state();
        switch (s) {
            case FINAL -> {
                switch (row.get().callOutcome()) {
                    case SUCCEEDED -> close(f, AutomationFiring.State.SUCCEEDED, "included", "journal FINAL", success.of(f), block, chainTime);
                    case REVERTED -> close(f, AutomationFiring.State.FAILED, "reverted", "journal FINAL, call reverted",
                            retry(f, "reverted on chain"), block, chainTime);
                    // Only rows included before schema 6 recorded no outcome. Retrying could pay twice and "done" could
                    // lose the trigger: the operation landed, so the firing succeeded, but the user is asked to check.
                    case UNKNOWN -> close(f, AutomationFiring.State.SUCCEEDED, "included", "journal FINAL, call outcome not recorded",
                            new RuleChange.Attention("trigger " + f.seq() + " landed on chain but the wallet did not record whether its"
                                    + " call succeeded; check the activity before resuming the rule"), block, chainTime);
                }
            }
            case FAILED, CANCELLED -> close(f, AutomationFiring.State.FAILED, "journal:" + s,
                    row.get().bundlerError() == null ? "" : row.get().bundlerError(), retry(f, "journal " + s), block, chainTime);
            case CONFLICT -> close(f, AutomationFiring.State.FAILED, "journal:CONFLICT", "nonce consumed by another operation",
                    new RuleChange.Attention("the signer could not tell whether trigger " + f.seq() + " landed (journal CONFLICT)"), block, chainTime);
            default -> { } // the signer is still driving it
        }
    }

    /**
     * The attempt ≥ {@code from} of trigger {@code seq} that the signer's journal already holds (landed, or in flight),
     * if any: after a restore from an older backup the rule's cursor is behind what the journal, rebuilt from the
     * chain, shows paid. A new attempt must never be made then.
     */
    java.util.OptionalInt takenBy(byte[] ruleId, long seq, int from) throws KeystoreException {
        for (int a = from; a < config.maxAttempts(); a++) {
            Optional<JournalEntry> r = row(IntentIds.of(ruleId, seq, a));
            if (r.isPresent() && r.get().state() != JournalState.FAILED && r.get().state() != JournalState.CANCELLED) {
                return java.util.OptionalInt.of(a);
            }
        }
        return java.util.OptionalInt.empty();
    }

    private RuleChange retry(AutomationFiring f, String why) {
        return f.attempt() + 1 < config.maxAttempts() ? new RuleChange.Retry()
                : new RuleChange.Attention("trigger " + f.seq() + " failed " + config.maxAttempts() + " times; last: " + why);
    }

    private void close(AutomationFiring f, AutomationFiring.State state, String outcome, String detail, RuleChange change, long block,
                       long chainTime) throws KeystoreException {
        String id = hex(f.intentId());
        inflight.remove(id);
        if (state == AutomationFiring.State.FAILED) failedAt.put(hex(f.ruleId()), block);
        if (store.resolve(new Automations.Resolution(f.intentId(), state, outcome, detail == null ? "" : detail, change, block, chainTime))) {
            config.log().accept("automation: rule " + hex(f.ruleId()) + " trigger " + f.seq() + " attempt " + f.attempt() + " " + state
                    + " (" + outcome + ")" + (change instanceof RuleChange.Attention a ? "; needs attention: " + a.reason() : ""));
        }
    }

    private Optional<JournalEntry> row(byte[] intentId) throws KeystoreException {
        try {
            return Optional.of(journal.get(intentId));
        } catch (KeystoreException.NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether rule {@code ruleHex} failed an attempt at {@code block}: retrying on the same chain state would meet the
     * same refusal (or the signer's head not yet at this block) and burn the rule's attempts within one block.
     */
    boolean failedAtBlock(String ruleHex, long block) {
        Long at = failedAt.get(ruleHex);
        return at != null && at >= block;
    }

    /** Whether a firing of rule {@code ruleHex} is still followed here. */
    boolean holdsRule(String ruleHex) {
        return inflight.values().stream().anyMatch(i -> hex(i.firing.ruleId()).equals(ruleHex));
    }

    static String hex(byte[] b) {
        return "0x" + HexFormat.of().formatHex(b);
    }
}
