package dev.latchkey.signer;

import dev.latchkey.keystore.ActivityKind;
import dev.latchkey.aa.userop.OperationContexts;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.aa.userop.WindowClaims;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SignerJournal;
import dev.latchkey.session.engine.Decision;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.OperationContext;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.engine.UnrecognizedPolicyException;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * On the lane thread: wait behind an enabling operation → never-rules → the session's rules without state → USE or
 * ENABLE ({@link EnableGate}) → unsigned operation on the lane's next sequence → PolicyEngine (on-chain state, or
 * fresh state when enabling, + soft limits) → one journal transaction reserving nonce and budget. A refusal at any step leaves journal and ledger untouched and
 * nothing signed.
 */
final class Preparation {

    private final Deps d;
    private final Delivery delivery;
    private final EnableGate gate;

    Preparation(Deps d, Delivery delivery, EnableGate gate) {
        this.d = d;
        this.delivery = delivery;
        this.gate = gate;
    }

    void run(SignerIntent intent, SessionMatcher.Match match, Lane lane, CompletableFuture<Outcome> done) {
        String id = intent.idHex();
        try {
            lane.awaitEnabling();
            lane.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.complete(new Outcome.Failed(id, "signer stopped"));
            return;
        }
        try {
            Optional<Outcome> refused = prepareAndReserve(intent, match, lane, done);
            refused.ifPresent(o -> {
                lane.release();
                d.stats().bump(d.stats().refused);
                done.complete(o);
            });
        } catch (UnrecognizedPolicyException e) {
            // Nothing was reserved yet (state is read before the journal row): a refusal the owner can act on.
            lane.release();
            d.stats().bump(d.stats().refused);
            done.complete(refuse(intent, "policy-unrecognized", e.getMessage()));
        } catch (KeystoreException | RuntimeException e) {
            lane.release();
            d.log(ActivityKind.SIGNER_FAILED, id, e.getClass().getSimpleName() + ": " + e.getMessage());
            d.stats().bump(d.stats().failed);
            done.complete(new Outcome.Failed(id, e.getMessage()));
        }
    }

    /** What the checks before building decided: a refusal, or what building the operation needs. */
    sealed interface Checked permits Checked.Pass, Checked.Refusal {
        record Pass(SessionRecord session, SignerIntent intent, Address smartSession, long chainTime, SigningMode mode,
                    NonceLane nonceLane, long seq, PolicyState state, List<OperationContext> ahead) implements Checked { }

        record Refusal(SignerIntent intent, String reason, String message) implements Checked { }
    }

    /**
     * Every check before the operation is built, reading only (no reservation, no activity row): never-rules, the
     * session's rules, USE or ENABLE, and the engine on the chain's counters with this session's operations in flight
     * counted first. The trade path and {@link SignerService#dryRun} both run it, so a preview says what a submit decides.
     */
    Checked check(SignerIntent asked, SessionMatcher.Match match) throws KeystoreException {
        // Re-read: an enabling operation ahead in the lane may have changed the status since the intake matched.
        SessionRecord session = d.sessions().get(match.record().permissionId());
        long chainTime = d.chain().chainTime();
        Address smartSession = Deps.smartSession(session, asked.chainId());
        // The windowed policies count the window the operation claims (docs/policies.md §2): claim the head's time.
        SignerIntent intent = claimed(asked, match, smartSession, chainTime);
        Optional<NeverRules.Violation> v = NeverRules.timebox(session, chainTime, d.config().expiryMarginSeconds())
                .or(() -> NeverRules.shape(asked.callData(), asked.account(), smartSession, d.sink().entryPoint()));
        if (v.isPresent()) return new Checked.Refusal(intent, v.get().reason(), v.get().message());

        // Rules first, without state or gas (the most permissive reading, so it only refuses what the full check
        // would): a call the session can never allow is refused before any round trip, gas estimate included.
        Decision rules = d.engine().check(match.prepared(), OperationContexts.of(
                UserOperation.of(intent.account(), BigInteger.ZERO, intent.callData()), smartSession, chainTime, BigInteger.ZERO),
                new InMemoryPolicyState());
        if (rules instanceof Decision.Refused r) {
            return new Checked.Refusal(intent, "policy:" + r.reason().rule(), r.reason().toString());
        }

        SigningMode mode = gate.decide(session, intent.chainId(), match.prepared().session());
        if (mode instanceof SigningMode.Refuse r) return new Checked.Refusal(intent, r.reason(), r.message());

        NonceLane nonceLane = NonceLane.of(session, smartSession);
        long seq = Math.max(d.journal().lastSequence(intent.account().hex(), nonceLane.key24()) + 1,
                d.chain().knownNextSequence(intent.account(), nonceLane.key()));
        // Enabling re-initialises every policy of the session, so the first operation is checked against fresh state.
        PolicyState state = mode instanceof SigningMode.Enable ? new InMemoryPolicyState()
                : d.policyState().stateOf(session, intent.chainId());
        // With state but before gas (a gas-less draft is the most permissive reading): a trade that crosses a stateful
        // limit (daily cap, uses left) is refused with its policy reason before the builder may ask for a gas estimate,
        // which the chain would answer with an opaque AA23.
        // Operations of this session still in flight are not in the chain's counters yet: they count first.
        List<OperationContext> ahead = mode instanceof SigningMode.Enable ? List.of()
                : d.inFlight().of(session.permissionId(), intent.chainId(), smartSession, chainTime, d.chain().baseFee());
        Decision stateful = statefulCheck(match, intent, nonceLane.nonce(seq), smartSession, chainTime, state, ahead);
        if (stateful instanceof Decision.Refused) {
            // Refusal path only (no round trip on the trade path): the cached head may be one refresh old, and a
            // periodic or rate-limit window that rolled over in the newest block must not be refused on it.
            long fresh = d.chain().freshChainTime();
            if (fresh > chainTime) {
                chainTime = fresh;
                intent = claimed(asked, match, smartSession, chainTime);
                stateful = statefulCheck(match, intent, nonceLane.nonce(seq), smartSession, chainTime, state, ahead);
            }
        }
        if (stateful instanceof Decision.Refused r) {
            return new Checked.Refusal(intent, "policy:" + r.reason().rule(), r.reason().toString());
        }
        return new Checked.Pass(session, intent, smartSession, chainTime, mode, nonceLane, seq, state, ahead);
    }

    private Optional<Outcome> prepareAndReserve(SignerIntent asked, SessionMatcher.Match match, Lane lane,
                                                CompletableFuture<Outcome> done) throws KeystoreException {
        Checked.Pass p;
        switch (check(asked, match)) {
            case Checked.Refusal r -> {
                return Optional.of(refuse(r.intent(), r.reason(), r.message()));
            }
            case Checked.Pass pass -> p = pass;
        }
        SessionRecord session = p.session();
        SignerIntent intent = p.intent();
        Address smartSession = p.smartSession();
        long chainTime = p.chainTime();
        SigningMode mode = p.mode();
        NonceLane nonceLane = p.nonceLane();
        long seq = p.seq();
        PolicyState state = p.state();
        List<OperationContext> ahead = p.ahead();
        // The intent id rides in the signed callData: after a restore the chain alone says which intent an op paid.
        HexBytes tagged = IntentTag.append(intent.callData(), intent.id());
        UserOperation op = build(session, intent.chainId(), nonceLane.nonce(seq), tagged, mode);
        if (!op.nonce().equals(nonceLane.nonce(seq)) || !op.callData().equals(tagged)
                || !op.sender().equals(intent.account()) || op.signature().length() != 0) {
            throw new IllegalStateException("the operation builder changed sender, nonce or callData, or pre-signed it");
        }
        OperationContext ctx = OperationContexts.of(IntentTag.untagged(op), smartSession, chainTime, d.chain().baseFee());
        Decision decision = d.engine().checkAfter(match.prepared(), ahead, ctx, state);
        if (decision instanceof Decision.Refused r) {
            return Optional.of(refuse(intent, "policy:" + r.reason().rule(), r.reason().toString()));
        }
        Map<String, BigInteger> amounts = Reservations.of(intent.callData());
        boolean enabling = mode instanceof SigningMode.Enable;
        JournalEntry row;
        try {
            // One commit: nonce + budget + the exact unsigned op + the "approved" activity row.
            row = d.journal().reserve(new SignerJournal.Intent(intent.id(), session.permissionId(), intent.chainId(),
                    intent.account().hex(), nonceLane.key24(), seq, intent.callData().bytes(), amounts),
                    d.store().encode(op, enabling), ActivityKind.SIGNER_APPROVED, "session " + Deps.hex(session.permissionId())
                            + " seq " + seq + (enabling ? " ENABLE" : "") + " reserved " + amounts);
        } catch (KeystoreException.BudgetExceededException e) {
            return Optional.of(refuse(intent, "budget", e.getMessage()));
        } catch (KeystoreException.InvalidInputException e) {
            return Optional.of(new Outcome.Duplicate(intent.idHex(), "journaled: " + e.getMessage()));
        }
        if (enabling) lane.enabling(done);
        d.stats().bump(d.stats().approved);
        delivery.deliver(row, session, op, mode, lane, done);
        return Optional.empty();
    }

    private static SignerIntent claimed(SignerIntent asked, SessionMatcher.Match match, Address smartSession, long chainTime) {
        return new SignerIntent(asked.id(), asked.account(), asked.chainId(),
                WindowClaims.stamp(match.prepared(), smartSession, asked.callData(), chainTime));
    }

    private Decision statefulCheck(SessionMatcher.Match match, SignerIntent intent, BigInteger nonce, Address smartSession,
                                   long chainTime, PolicyState state, List<OperationContext> ahead) {
        return d.engine().checkAfter(match.prepared(), ahead, OperationContexts.of(UserOperation.of(intent.account(), nonce,
                intent.callData()), smartSession, chainTime, BigInteger.ZERO), state);
    }

    private UserOperation build(SessionRecord session, long chainId, BigInteger nonce, HexBytes callData, SigningMode mode) {
        return mode instanceof SigningMode.Enable e
                ? d.builder().buildEnable(session, chainId, nonce, callData, e.enableSession())
                : d.builder().build(session, chainId, nonce, callData);
    }

    /**
     * The mode of a resumed row that was stored as enabling, or whose operation was not stored (nothing signed):
     * decided again from the keystore and the chain. An enabling op that landed before the crash resumes as USE (the
     * signature bytes differ but the userOpHash does not, and tracking finds its receipt by hash).
     */
    SigningMode modeFor(SessionRecord session, long chainId) throws KeystoreException {
        var def = d.definitions().definitionOf(session)
                .orElseThrow(() -> new IllegalStateException("the stored session no longer decodes"));
        return gate.decide(session, chainId, def);
    }

    Outcome.Refused refuse(SignerIntent intent, String reason, String message) {
        d.log(ActivityKind.SIGNER_REFUSED, intent.idHex(), reason + ": " + message);
        return new Outcome.Refused(intent.idHex(), reason, message);
    }
}
