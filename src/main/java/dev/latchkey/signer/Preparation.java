package dev.latchkey.signer;

import dev.latchkey.aa.userop.OperationContexts;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SignerJournal;
import dev.latchkey.session.engine.Decision;
import dev.latchkey.session.engine.OperationContext;
import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * On the lane thread: never-rules → unsigned operation on the lane's next sequence → PolicyEngine (on-chain state +
 * soft limits) → one journal transaction reserving nonce and budget. A refusal at any step leaves journal and ledger
 * untouched and nothing signed.
 */
final class Preparation {

    private final Deps d;
    private final Delivery delivery;

    Preparation(Deps d, Delivery delivery) {
        this.d = d;
        this.delivery = delivery;
    }

    void run(SignerIntent intent, SessionMatcher.Match match, Lane lane, CompletableFuture<Outcome> done) {
        String id = intent.idHex();
        try {
            lane.slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.complete(new Outcome.Failed(id, "signer stopped"));
            return;
        }
        try {
            Optional<Outcome> refused = prepareAndReserve(intent, match, lane, done);
            refused.ifPresent(o -> {
                lane.slots.release();
                d.stats().bump(d.stats().refused);
                done.complete(o);
            });
        } catch (KeystoreException | RuntimeException e) {
            lane.slots.release();
            d.log("signer.failed", id, e.getClass().getSimpleName() + ": " + e.getMessage());
            d.stats().bump(d.stats().failed);
            done.complete(new Outcome.Failed(id, e.getMessage()));
        }
    }

    private Optional<Outcome> prepareAndReserve(SignerIntent intent, SessionMatcher.Match match, Lane lane,
                                                CompletableFuture<Outcome> done) throws KeystoreException {
        var session = match.record();
        long chainTime = d.chain().chainTime();
        Address smartSession = Deps.smartSession(session, intent.chainId());
        Optional<NeverRules.Violation> v = NeverRules.timebox(session, chainTime, d.config().expiryMarginSeconds())
                .or(() -> NeverRules.shape(intent.callData(), intent.account(), smartSession, d.sink().entryPoint()));
        if (v.isPresent()) return Optional.of(refuse(intent, v.get().reason(), v.get().message()));

        NonceLane nonceLane = NonceLane.of(session, smartSession);
        long seq = Math.max(d.journal().lastSequence(intent.account().hex(), nonceLane.key24()) + 1,
                d.chain().nextSequence(intent.account(), nonceLane.key()));
        UserOperation op = d.builder().build(session, intent.chainId(), nonceLane.nonce(seq), intent.callData());
        if (!op.nonce().equals(nonceLane.nonce(seq)) || !op.callData().equals(intent.callData())
                || !op.sender().equals(intent.account()) || op.signature().length() != 0) {
            throw new IllegalStateException("the operation builder changed sender, nonce or callData, or pre-signed it");
        }
        OperationContext ctx = OperationContexts.of(op, smartSession, chainTime, d.chain().baseFee());
        Decision decision = d.engine().check(match.prepared(), ctx, d.policyState().stateOf(session, intent.chainId()));
        if (decision instanceof Decision.Refused r) {
            return Optional.of(refuse(intent, "policy:" + r.reason().rule(), r.reason().toString()));
        }
        Map<String, BigInteger> amounts = Reservations.of(intent.callData());
        JournalEntry row;
        try {
            row = d.journal().reserve(new SignerJournal.Intent(intent.id(), session.permissionId(), intent.chainId(),
                    intent.account().hex(), nonceLane.key24(), seq, intent.callData().bytes(), amounts));
        } catch (KeystoreException.BudgetExceededException e) {
            return Optional.of(refuse(intent, "budget", e.getMessage()));
        } catch (KeystoreException.InvalidInputException e) {
            return Optional.of(new Outcome.Duplicate(intent.idHex(), "journaled: " + e.getMessage()));
        }
        d.store().put(intent.idHex(), op); // a crash before this line: resume rebuilds the op (nothing was signed yet)
        d.log("signer.approved", intent.idHex(), "session " + Deps.hex(session.permissionId()) + " seq " + seq + " reserved " + amounts);
        d.stats().bump(d.stats().approved);
        delivery.deliver(row, session, op, lane, done);
        return Optional.empty();
    }

    Outcome.Refused refuse(SignerIntent intent, String reason, String message) {
        d.log("signer.refused", intent.idHex(), reason + ": " + message);
        return new Outcome.Refused(intent.idHex(), reason, message);
    }
}
