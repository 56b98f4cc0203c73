package dev.latchkey.signer;

import dev.latchkey.keystore.ActivityFields;
import dev.latchkey.keystore.ActivityKind;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.CallOutcome;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionSigner;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Sign → commit → send → track, for a fresh reservation or a row resumed after a restart. Signing happens only
 * on a committed RESERVED row; sending only on a committed SIGNED row; every resend uses the same bytes.
 */
final class Delivery {

    private final Deps d;
    private final ExecutorService trackers;
    private final EnableGate gate;
    private final BumpRequests bumps = new BumpRequests();
    private final FeeBumper bumper;

    Delivery(Deps d, ExecutorService trackers, EnableGate gate) {
        this.d = d;
        this.trackers = trackers;
        this.gate = gate;
        this.bumper = new FeeBumper(d);
    }

    /** Asks the tracker of {@code intentId} to replace its operation with a higher-fee one (docs/signer.md, "Fee bumps"). */
    CompletableFuture<FeeBump> bumpFee(String intentId) {
        return bumps.request(intentId);
    }

    /** Runs on the lane thread; hands tracking to a tracker thread. Releases the lane slot when the row settles. */
    void deliver(JournalEntry row, SessionRecord session, UserOperation unsigned, SigningMode mode, Lane lane,
                 CompletableFuture<Outcome> done) {
        String id = Deps.hex(row.intentId());
        // From here until it settles a fee bump may be asked for; the tracker takes it between two receipt polls.
        bumps.tracking(id);
        try {
            HexBytes hash = UserOpHash.hash(unsigned, d.sink().entryPoint(), BigInteger.valueOf(row.chainId()));
            if (row.userOpHash() != null && !Arrays.equals(row.userOpHash(), hash.unsafeBytes())) {
                throw new IllegalStateException("stored operation does not hash to the journaled userOpHash");
            }
            SessionSigner.UserOpSignature sig = d.vault().sessionSigner(session.sessionKeyAddress())
                    .signUserOp(unsigned, d.sink().entryPoint(), BigInteger.valueOf(row.chainId()));
            if (!sig.userOpHash().equals(hash)) throw new IllegalStateException("the key signed another userOpHash than the journaled one");
            UserOperation signed = unsigned.withSignature(mode.signature(HexBytes.of(session.permissionId()), sig.signature()));
            JournalState state = row.state();
            if (state == JournalState.RESERVED) {
                d.journal().markSigned(row.intentId(), hash.bytes());
                state = JournalState.SIGNED;
            }
            if (state == JournalState.SIGNED || state == JournalState.UNKNOWN) {
                Sent sent = sendUntilAccepted(row, state, signed);
                state = sent.state();
                if (state == JournalState.FAILED) {
                    finish(lane, done, new Outcome.Failed(id, "bundler rejected the operation: " + sent.rejection()),
                            d.stats().failed);
                    return;
                }
            }
            JournalState from = state;
            trackers.execute(() -> track(row, session, mode, from, hash, signed, lane, done));
        } catch (KeystoreException | RuntimeException e) {
            d.log(ActivityKind.SIGNER_FAILED, id, e.getClass().getSimpleName() + ": " + e.getMessage());
            // The row stays where it is (RESERVED or SIGNED) and is resumed on the next start.
            finish(lane, done, new Outcome.Failed(id, e.getMessage()), d.stats().failed);
        }
    }

    /** FT-01 / FT-03: unreachable → stay and retry; ambiguous or rejected → UNKNOWN, held until the chain decides. */
    /** Where a send attempt left the row, and the bundler's reason when it rejected the operation. */
    private record Sent(JournalState state, String rejection) { }

    private Sent sendUntilAccepted(JournalEntry row, JournalState state, UserOperation signed) throws KeystoreException {
        byte[] intentId = row.intentId();
        long delay = d.config().retryBackoff().toMillis();
        for (int attempt = 0; ; attempt++) {
            try {
                d.sink().send(signed);
                d.stats().degraded = false;
                d.journal().move(intentId, state, JournalState.SUBMITTED, null, null, null, null);
                d.stats().publish();
                return new Sent(JournalState.SUBMITTED, null);
            } catch (OperationSink.SendException e) {
                switch (e.kind()) {
                    case ALREADY_HELD -> {
                        // Our earlier send of these bytes arrived (the process died before committing SUBMITTED):
                        // the operation is pending at the bundler, so follow it instead of failing it.
                        d.journal().move(intentId, state, JournalState.SUBMITTED, null, null, null, null);
                        d.log(ActivityKind.SIGNER_RESENT, Deps.hex(intentId), "the bundler already holds this operation: " + e.getMessage());
                        d.stats().publish();
                        return new Sent(JournalState.SUBMITTED, null);
                    }
                    case REJECTED -> {
                        long next = chainNext(row);
                        if (next > row.nonceSeq()) {
                            // FT-02: the seq is used on chain (ours "already known"/included, or someone else's):
                            // never release; tracking finds our receipt or ends in CONFLICT.
                            d.journal().move(intentId, state, JournalState.SUBMITTED, null, e.getMessage(), null, null);
                            return new Sent(JournalState.SUBMITTED, null);
                        }
                        if (next == row.nonceSeq() && !isNonceError(e)) {
                            // A signed operation is a bearer instrument: "rejected" is the bundler's word, and a lying,
                            // slow or second bundler may still land it. The row keeps its sequence and its budget until
                            // the chain decides (track): the sequence consumed, or the operation's validUntil passed.
                            if (state == JournalState.SIGNED) {
                                d.journal().move(intentId, state, JournalState.UNKNOWN, null, e.getMessage(), null, null);
                            }
                            unconfirmed(row, "the bundler rejected it (" + e.getMessage() + ")");
                            return new Sent(JournalState.UNKNOWN, e.getMessage());
                        }
                        Optional<Sent> stranded = releaseIfStranded(row, state, next, e);
                        if (stranded.isPresent()) return stranded.get();
                        // next < seq: an earlier op of the lane is not on chain yet and this bundler does not queue
                        // nonce gaps (Alto: AA25). Not a failure: wait and send the same bytes again. The same holds for
                        // AA25 with next == seq: the predecessor landed between the bundler's check and ours.
                    }
                    case AMBIGUOUS -> {
                        if (state == JournalState.SIGNED) {
                            d.journal().move(intentId, state, JournalState.UNKNOWN, null, e.getMessage(), null, null);
                            state = JournalState.UNKNOWN;
                            unconfirmed(row, "the bundler did not answer (" + e.getMessage() + ")");
                        }
                    }
                    case UNREACHABLE -> d.stats().degraded = true;
                }
                d.stats().publish();
                if (attempt >= d.config().maxResends()) {
                    throw new IllegalStateException("gave up sending after " + attempt + " attempts: " + e.getMessage());
                }
                sleep(delay);
                delay = Math.min(delay * 2, d.config().retryBackoff().toMillis() * 8);
            }
        }
    }

    /** Polls the receipt; on time-out resends the same bytes (FT-06 first half); INCLUDED → FINAL settles the ledger. */
    private void track(JournalEntry row, SessionRecord session, SigningMode mode, JournalState from, HexBytes firstHash,
                       UserOperation firstSigned, Lane lane, CompletableFuture<Outcome> done) {
        byte[] intentId = row.intentId();
        long seq = row.nonceSeq();
        String id = Deps.hex(intentId);
        try {
            JournalState state = from;
            HexBytes hash = firstHash;
            UserOperation signed = firstSigned;
            // Hashes a fee bump replaced: any of them may land instead of the current one (they share the nonce).
            List<HexBytes> replaced = d.store().get(id).map(OperationStore.Stored::replaced).orElse(List.of());
            for (int attempt = 0; ; attempt++) {
                Optional<CompletableFuture<FeeBump>> bump = state == JournalState.INCLUDED ? Optional.empty() : bumps.take(id);
                if (bump.isPresent()) {
                    FeeBumper.Done bumped = bumper.bump(row, session, state, mode, hash, chainNext(row));
                    if (bumped.replacement().isPresent()) {
                        hash = bumped.replacement().get().hash();
                        signed = bumped.replacement().get().signed();
                        replaced = bumped.replacement().get().replaced();
                    }
                    bump.get().complete(bumped.result());
                }
                Optional<UserOperationReceipt> receipt = d.sink().receipt(hash, d.config().receiptTimeout());
                HexBytes landedAs = hash;
                for (int i = replaced.size() - 1; receipt.isEmpty() && i >= 0; i--) {
                    landedAs = replaced.get(i);
                    receipt = d.sink().receipt(landedAs, Duration.ZERO);
                }
                if (receipt.isPresent()) {
                    UserOperationReceipt r = receipt.get();
                    // The call's outcome goes with the inclusion: after a crash, FINAL alone would read as "it worked"
                    // to whoever closes the intent from the journal (automation firings) though the call reverted.
                    CallOutcome call = CallOutcome.of(r.success());
                    if (state != JournalState.INCLUDED) {
                        if (landedAs.equals(hash)) {
                            d.journal().recordInclusion(intentId, state, JournalState.INCLUDED, call);
                        } else {
                            d.journal().recordInclusion(intentId, state, JournalState.INCLUDED, call, landedAs.bytes());
                        }
                    }
                    hash = landedAs;
                    // The counters' snapshot is renewed while the row is still open (counted as in flight by the
                    // next trade's check): renewing it after FINAL would leave a moment where the operation is in
                    // neither, and a trade checked then could pass a limit the chain then enforces.
                    d.policyState().changed(session, row.chainId());
                    // Left (FT-05): wait N confirmations before FINAL; the devnet has instant finality. A row resumed
                    // as INCLUDED keeps the outcome recorded then (this only fills in one from before schema 6).
                    d.journal().recordInclusion(intentId, JournalState.INCLUDED, JournalState.FINAL, call);
                    d.log(ActivityKind.SIGNER_INCLUDED, id, "userOpHash " + hash.hex() + " seq " + seq + " tx " + r.transactionHash()
                            + (r.success() ? "" : " (call reverted)"), ActivityFields.included(hash.hex(), seq, r.transactionHash(), call));
                    if (mode instanceof SigningMode.Enable) confirmEnabled(session, row.chainId(), id);
                    finish(lane, done, new Outcome.Included(id, hash, seq, r.transactionHash(), r.success()), d.stats().included);
                    return;
                }
                if (attempt >= d.config().maxResends()) {
                    throw new IllegalStateException("no receipt for " + hash.hex() + " after " + attempt + " polls");
                }
                if (state == JournalState.INCLUDED) continue;
                Optional<String> dead = cannotLandAnyMore(row, session);
                if (dead.isPresent()) {
                    d.journal().move(intentId, state, JournalState.FAILED, null, dead.get(), null, null);
                    d.log(ActivityKind.SIGNER_FAILED, id, dead.get());
                    finish(lane, done, new Outcome.Failed(id, dead.get()), d.stats().failed);
                    return;
                }
                if (seqConsumed(row) && noReceipt(hash, replaced)) {
                    // FT-06: the nonce is used and not by our hash; keep the reservation until reconciled.
                    d.journal().move(intentId, state, JournalState.CONFLICT, null, "nonce consumed by another operation", null, null);
                    d.log(ActivityKind.SIGNER_CONFLICT, id, "seq " + seq + " consumed on chain without our userOpHash " + hash.hex());
                    finish(lane, done, new Outcome.Failed(id, "conflict: nonce " + seq + " consumed by another operation"), d.stats().failed);
                    return;
                }
                try {
                    d.sink().send(signed);
                    if (state == JournalState.UNKNOWN) {
                        d.journal().move(intentId, state, JournalState.SUBMITTED, null, null, null, null);
                        state = JournalState.SUBMITTED;
                    }
                    d.stats().degraded = false;
                } catch (OperationSink.SendException e) {
                    if (e.kind() == OperationSink.SendException.Kind.REJECTED && state != JournalState.INCLUDED) {
                        Optional<Sent> stranded = releaseIfStranded(row, state, chainNext(row), e);
                        if (stranded.isPresent()) {
                            finish(lane, done, new Outcome.Failed(id, stranded.get().rejection()), d.stats().failed);
                            return;
                        }
                    }
                    // "already known" and the like are expected on a resend; unreachable means wait.
                    d.stats().degraded = e.kind() == OperationSink.SendException.Kind.UNREACHABLE;
                    sleep(d.config().retryBackoff().toMillis());
                }
                d.stats().publish();
            }
        } catch (KeystoreException | RuntimeException e) {
            d.log(ActivityKind.SIGNER_FAILED, id, "tracking: " + e.getMessage());
            finish(lane, done, new Outcome.Failed(id, e.getMessage()), d.stats().failed);
        }
    }

    /** Before the lane's waiting intents go on: the session is ENABLED on this chain only if SmartSession says so. */
    private void confirmEnabled(SessionRecord session, long chainId, String id) throws KeystoreException {
        if (gate.confirm(session, chainId)) {
            d.log(ActivityKind.SIGNER_ENABLED, id, "session " + Deps.hex(session.permissionId()) + " enabled on chain " + chainId);
        } else {
            d.log(ActivityKind.SIGNER_FAILED, id, "the ENABLE operation landed but SmartSession does not report session "
                    + Deps.hex(session.permissionId()) + " enabled on chain " + chainId);
        }
    }

    /**
     * Releases a row stranded behind a gap: the chain waits for sequence {@code next} below the row's, no row of the
     * lane holds any of [next, seq) any more (they were rejected and released) and the bundler refused the row, so
     * nothing will ever fill the gap and it can never land. Empty when the row is not stranded.
     */
    private Optional<Sent> releaseIfStranded(JournalEntry row, JournalState state, long next, OperationSink.SendException e)
            throws KeystoreException {
        if (next >= row.nonceSeq() || d.journal().heldSequences(row.sender(), row.nonceKey(), next, row.nonceSeq()) > 0) {
            return Optional.empty();
        }
        String why = "sequence " + row.nonceSeq() + " can never land: sequence " + next + " of this session was rejected and"
                + " released, and the bundler refuses the gap (" + e.getMessage() + ")";
        d.journal().move(row.intentId(), state, JournalState.FAILED, null, why, null, null);
        d.log(ActivityKind.SIGNER_FAILED, Deps.hex(row.intentId()), why);
        return Optional.of(new Sent(JournalState.FAILED, why));
    }

    /**
     * Why the row's operation can no longer land, if it cannot: its sequence is still unused on chain and the chain
     * time is past its validUntil (the session's time frame, which SmartSession returns as validation data and the
     * EntryPoint enforces: valid while {@code block.timestamp <= validUntil}). Only then may its sequence be released.
     */
    private Optional<String> cannotLandAnyMore(JournalEntry row, SessionRecord session) throws KeystoreException {
        long validUntil = opValidUntil(row, session);
        if (validUntil <= 0 || d.chain().chainTime() <= validUntil || d.chain().freshChainTime() <= validUntil) return Optional.empty();
        long next = chainNext(row);
        if (next > row.nonceSeq()) return Optional.empty();
        return Optional.of("sequence " + row.nonceSeq() + " was never used and the operation expired at " + validUntil
                + " (chain time is past it): it can no longer land, so its sequence and reservation are released");
    }

    /**
     * The operation's own last second: the session's validUntil, or earlier when it claims a window of a periodic
     * budget or rate limit (issue 12: the EntryPoint refuses it after the window it claimed).
     */
    private long opValidUntil(JournalEntry row, SessionRecord session) throws KeystoreException {
        Optional<OperationStore.Stored> stored = d.store().get(Deps.hex(row.intentId()));
        Optional<dev.latchkey.session.model.OnchainSession> def = d.definitions().definitionOf(session);
        if (stored.isEmpty() || def.isEmpty()) return session.validUntil();
        Address smartSession = Deps.smartSession(session, row.chainId());
        return dev.latchkey.aa.userop.WindowClaims.validUntil(d.engine().prepare(def.get()), smartSession,
                IntentTag.strip(stored.get().op().callData()), session.validUntil());
    }

    /** The caller hears "not confirmed yet — waiting for the chain"; the row stays open and is followed to its end. */
    private void unconfirmed(JournalEntry row, String why) {
        String id = Deps.hex(row.intentId());
        String detail = "not confirmed yet — waiting for the chain: " + why + "; sequence " + row.nonceSeq()
                + " stays held until the chain uses it or the operation expires";
        d.log(ActivityKind.SIGNER_UNCONFIRMED, id, detail);
        d.replies().unconfirmed(new Outcome.Unconfirmed(id, row.nonceSeq(), detail));
    }

    /** None of the row's hashes (the current one and those a fee bump replaced) has a receipt. */
    private boolean noReceipt(HexBytes hash, List<HexBytes> replaced) {
        if (d.sink().receipt(hash, d.config().receiptTimeout()).isPresent()) return false;
        return replaced.stream().allMatch(h -> d.sink().receipt(h, Duration.ZERO).isEmpty());
    }

    /** AA25: the bundler judged the nonce against a state where a predecessor was not mined yet. */
    private static boolean isNonceError(OperationSink.SendException e) {
        return String.valueOf(e.getMessage()).contains("AA25");
    }

    /** The chain's next sequence on the row's key is past the row's: the seq is used. */
    private boolean seqConsumed(JournalEntry row) {
        return chainNext(row) > row.nonceSeq();
    }

    private long chainNext(JournalEntry row) {
        return d.chain().nextSequence(new dev.latchkey.session.model.Address(row.sender().toLowerCase()),
                new BigInteger(1, row.nonceKey()));
    }

    private void finish(Lane lane, CompletableFuture<Outcome> done, Outcome outcome, java.util.concurrent.atomic.AtomicLong counter) {
        bumps.settled(outcome.intentId(), "it is not waiting for the chain any more: it settled; see its activity row");
        lane.release();
        d.stats().bump(counter);
        done.complete(outcome);
        lane.settled();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("signer stopped", e);
        }
    }
}
