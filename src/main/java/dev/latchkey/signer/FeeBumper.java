package dev.latchkey.signer;

import dev.latchkey.keystore.ActivityKind;
import dev.latchkey.aa.userop.OperationContexts;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionSigner;
import dev.latchkey.session.engine.Decision;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.OperationContext;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds, checks, journals and sends the replacement of a stuck operation: same sender, nonce and callData (intent tag
 * included), fees raised by a quarter (bundlers replace an operation only for at least 10 % more on both fees, ERC-7562
 * mempool rules) and at least to what the current base fee needs. The replacement is checked by the session's own
 * engine in the stuck row's place — a higher fee may cross a gas-cost limit — and journaled with the hashes it
 * replaces before its first byte is sent, so a crash resumes it and tracking follows every one of them.
 */
final class FeeBumper {

    /** 1.25^8 ≈ 6 × the first fee: beyond that the operation is not stuck on its price. */
    static final int MAX_BUMPS = 8;

    /** The new current operation a bump leaves the tracker with. */
    record Replacement(HexBytes hash, UserOperation signed, List<HexBytes> replaced) { }

    record Done(FeeBump result, Optional<Replacement> replacement) {
        static Done refused(String intentId, String message) {
            return new Done(new FeeBump.Refused(intentId, message), Optional.empty());
        }
    }

    private final Deps d;

    FeeBumper(Deps d) {
        this.d = d;
    }

    Done bump(JournalEntry row, SessionRecord session, JournalState state, SigningMode mode, HexBytes current, long chainNext)
            throws KeystoreException {
        String id = Deps.hex(row.intentId());
        if (chainNext > row.nonceSeq()) {
            return Done.refused(id, "sequence " + row.nonceSeq() + " is already used on chain; the wallet is reading which"
                    + " operation used it");
        }
        Optional<OperationStore.Stored> stored = d.store().get(id);
        if (stored.isEmpty()) return Done.refused(id, "the operation of this row was not stored, so it cannot be re-signed");
        if (stored.get().replaced().size() >= MAX_BUMPS) {
            return Done.refused(id, "its fee was raised " + MAX_BUMPS + " times already; it is not stuck on its price");
        }
        UserOperation old = stored.get().op();
        BigInteger baseFee = d.chain().baseFee();
        BigInteger priority = quarterMore(old.maxPriorityFeePerGas());
        BigInteger maxFee = quarterMore(old.maxFeePerGas()).max(baseFee.shiftLeft(1).add(priority));
        UserOperation bumped = old.withGas(old.callGasLimit(), old.verificationGasLimit(), old.preVerificationGas(), maxFee, priority);
        Optional<String> refusal = policyRefusal(row, session, stored.get().enabling(), bumped, baseFee);
        if (refusal.isPresent()) return Done.refused(id, refusal.get());

        BigInteger chainId = BigInteger.valueOf(row.chainId());
        HexBytes hash = UserOpHash.hash(bumped, d.sink().entryPoint(), chainId);
        SessionSigner.UserOpSignature sig = d.vault().sessionSigner(session.sessionKeyAddress())
                .signUserOp(bumped, d.sink().entryPoint(), chainId);
        if (!sig.userOpHash().equals(hash)) throw new IllegalStateException("the key signed another userOpHash than the replacement's");
        UserOperation signed = bumped.withSignature(mode.signature(HexBytes.of(session.permissionId()), sig.signature()));
        List<HexBytes> replaced = new ArrayList<>(stored.get().replaced());
        replaced.add(current);
        d.journal().replaceOperation(row.intentId(), state, current.bytes(), hash.bytes(),
                d.store().encode(bumped, stored.get().enabling(), replaced), ActivityKind.SIGNER_FEE_BUMPED, "seq " + row.nonceSeq()
                        + " userOpHash " + current.hex() + " replaced by " + hash.hex() + " at max fee " + maxFee + " wei/gas, tip "
                        + priority + " wei/gas");
        String answer = "";
        try {
            d.sink().send(signed);
        } catch (OperationSink.SendException e) {
            // Journaled already: the replacement may still reach a bundler on a resend, and the old one may land.
            answer = e.getMessage();
        }
        return new Done(new FeeBump.Bumped(id, current, hash, maxFee, priority, answer),
                Optional.of(new Replacement(hash, signed, List.copyOf(replaced))));
    }

    private Optional<String> policyRefusal(JournalEntry row, SessionRecord session, boolean enabling, UserOperation bumped,
                                           BigInteger baseFee) throws KeystoreException {
        Optional<dev.latchkey.session.model.OnchainSession> def = d.definitions().definitionOf(session);
        if (def.isEmpty()) return Optional.of("the stored session no longer decodes");
        Address smartSession = Deps.smartSession(session, row.chainId());
        long chainTime = d.chain().chainTime();
        PolicyState state = enabling ? new InMemoryPolicyState() : d.policyState().stateOf(session, row.chainId());
        List<OperationContext> ahead = enabling ? List.of() : d.inFlight().of(session.permissionId(), row.chainId(),
                smartSession, chainTime, baseFee, row.intentId());
        Decision decision = d.engine().checkAfter(d.engine().prepare(def.get()), ahead,
                OperationContexts.of(IntentTag.untagged(bumped), smartSession, chainTime, baseFee), state);
        return decision instanceof Decision.Refused r
                ? Optional.of("the session does not allow the higher fee: " + r.reason())
                : Optional.empty();
    }

    /** x × 5/4 rounded up, and at least x + 1 (a zero tip must rise too). */
    static BigInteger quarterMore(BigInteger x) {
        BigInteger raised = x.multiply(BigInteger.valueOf(5)).add(BigInteger.valueOf(3)).divide(BigInteger.valueOf(4));
        return raised.max(x.add(BigInteger.ONE));
    }
}
