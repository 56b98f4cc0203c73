package dev.latchkey.signer;

import static dev.latchkey.signer.SignerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.CallOutcome;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SignerJournal;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FT-08 / CR-02 with the real journal: rows left in each state by a crash are resumed on start, end FINAL with the
 * bytes that were (or would have been) signed before the crash, and an intent id is never signed twice.
 */
class RecoveryTest {

    @TempDir Path dir;
    SignerFixture f;
    SessionRecord session;
    NonceLane lane;

    @BeforeEach
    void setUp() throws Exception {
        f = new SignerFixture(dir);
        session = f.addSession();
        lane = NonceLane.of(session, SMART_SESSION);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** What a crashed signer left: a journal row in {@code state} (and, unless {@code storeOp} is false, the op). */
    record Left(byte[] id, HexBytes hash) { }

    Left crashedIn(JournalState state, long seq, boolean storeOp) throws Exception {
        byte[] id = f.newId();
        HexBytes cd = Erc7579Execute.encode(List.of(new Execution(USDC, BigInteger.ZERO, SignerFixture.transfer(BOB, 1_000_000L))));
        UserOperation op = SignerFixture.build(session, CHAIN, lane.nonce(seq), cd);
        HexBytes hash = UserOpHash.hash(op, UserOpHash.ENTRY_POINT_V07, BigInteger.valueOf(CHAIN));
        if (storeOp) new OperationStore(f.keystore.settings()).put(Deps.hex(id), op, false);
        SignerJournal j = f.keystore.journal();
        j.reserve(new SignerJournal.Intent(id, session.permissionId(), CHAIN, ACCOUNT.hex(), lane.key24(), seq, cd.bytes(),
                Map.of(USDC.hex(), BigInteger.valueOf(1_000_000L))));
        if (state == JournalState.RESERVED) return new Left(id, hash);
        j.markSigned(id, hash.bytes());
        if (state == JournalState.SIGNED) return new Left(id, hash);
        JournalState via = state == JournalState.UNKNOWN ? JournalState.UNKNOWN : JournalState.SUBMITTED;
        j.move(id, JournalState.SIGNED, via, null, null, null, null);
        if (state == JournalState.INCLUDED) {
            j.move(id, JournalState.SUBMITTED, JournalState.INCLUDED, null, null, 7L, new byte[32]);
            f.bundler.accepted.put(hash, op);
        }
        return new Left(id, hash);
    }

    @Test
    void everyOpenStateEndsFinalWithTheBytesOfBeforeTheCrash() throws Exception {
        Left reserved = crashedIn(JournalState.RESERVED, 0, true);
        Left reservedNoOp = crashedIn(JournalState.RESERVED, 1, false);
        Left signed = crashedIn(JournalState.SIGNED, 2, true);
        Left submittedDropped = crashedIn(JournalState.SUBMITTED, 3, true);   // the bundler lost it: resend
        Left unknown = crashedIn(JournalState.UNKNOWN, 4, true);
        Left included = crashedIn(JournalState.INCLUDED, 5, true);
        assertThat(f.usdcLine(session).reserved()).isEqualTo(BigInteger.valueOf(6_000_000L));

        try (SignerService signer = f.service()) {
            List<CompletableFuture<Outcome>> resumed = signer.start();
            assertThat(resumed).hasSize(6);
            List<Outcome> outcomes = resumed.stream().map(c -> c.orTimeout(20, TimeUnit.SECONDS).join()).toList();
            assertThat(outcomes).allMatch(o -> o instanceof Outcome.Included);
            for (Left l : List.of(reserved, signed, submittedDropped, unknown, included)) {
                assertThat(f.keystore.journal().get(l.id()).userOpHash()).isEqualTo(l.hash().bytes());
                assertThat(outcomes).anyMatch(o -> ((Outcome.Included) o).userOpHash().equals(l.hash()));
            }
            for (Left l : List.of(reserved, reservedNoOp, signed, submittedDropped, unknown, included)) {
                assertThat(f.keystore.journal().get(l.id()).state()).isEqualTo(JournalState.FINAL);
                // the INCLUDED row was left without an outcome (as before schema 6): FINAL fills it in from the receipt
                assertThat(f.keystore.journal().get(l.id()).callOutcome()).isEqualTo(CallOutcome.SUCCEEDED);
            }
            // the same intent arriving again after the restart is recognised, nothing new is signed
            int sends = f.bundler.sends.size();
            Outcome again = signer.submit(new SignerIntent(signed.id(), ACCOUNT, CHAIN, HexBytes.of(new byte[4]))).get(5, TimeUnit.SECONDS);
            assertThat(again).isInstanceOf(Outcome.Duplicate.class);
            assertThat(f.bundler.sends).hasSize(sends);
        }
        assertThat(f.keystore.journal().open()).isEmpty();
        assertThat(f.usdcLine(session).reserved()).isZero();
        assertThat(f.usdcLine(session).spentFinal()).isEqualTo(BigInteger.valueOf(6_000_000L));
        assertThat(f.bundler.byNonce).hasSize(5); // one hash per nonce (the INCLUDED row is not resent): no intent has two versions
    }

    @Test
    void aResendTheBundlerAlreadyHoldsIsFollowedToInclusionNotFailed() throws Exception {
        Left signed = crashedIn(JournalState.SIGNED, 0, true); // killed after the send, before SUBMITTED was committed
        f.bundler.heldFromEarlierSend.add(signed.hash());
        try (SignerService signer = f.service()) {
            List<Outcome> outcomes = signer.start().stream().map(c -> c.orTimeout(20, TimeUnit.SECONDS).join()).toList();
            assertThat(outcomes).singleElement().isInstanceOf(Outcome.Included.class);
        }
        assertThat(f.keystore.journal().get(signed.id()).state()).as("'Already known' is the earlier send, not a rejection")
                .isEqualTo(JournalState.FINAL);
        assertThat(f.usdcLine(session).spentFinal()).isEqualTo(BigInteger.valueOf(1_000_000L));
        assertThat(f.usdcLine(session).reserved()).isZero();
    }

    @Test
    void aNewIntentAfterRecoveryTakesTheNextSequence() throws Exception {
        crashedIn(JournalState.SIGNED, 0, true);
        try (SignerService signer = f.service()) {
            signer.start().forEach(c -> c.orTimeout(20, TimeUnit.SECONDS).join());
            Outcome o = signer.submit(f.pay(BOB, 1_000_000L)).get(20, TimeUnit.SECONDS);
            assertThat(((Outcome.Included) o).nonceSeq()).isEqualTo(1);
        }
    }

    @Test
    void neverSignsTheSameIntentTwice() throws Exception {
        SignerIntent intent = f.pay(BOB, 2_000_000L);
        try (SignerService signer = f.service()) {
            signer.start();
            CompletableFuture<Outcome> a = signer.submit(intent);
            CompletableFuture<Outcome> b = signer.submit(intent);
            List<Outcome> both = List.of(a.get(20, TimeUnit.SECONDS), b.get(20, TimeUnit.SECONDS));
            // The second submission of an id in flight follows the first one's operation: one signature, one outcome.
            assertThat(both).allMatch(o -> o instanceof Outcome.Included);
            assertThat(both.get(0)).isEqualTo(both.get(1));
        }
        try (SignerService restarted = f.service()) {
            assertThat(restarted.start()).isEmpty();
            Outcome again = restarted.submit(intent).get(20, TimeUnit.SECONDS);
            assertThat(again).isEqualTo(new Outcome.Duplicate(intent.idHex(), "FINAL"));
        }
        assertThat(f.bundler.sends).hasSize(1);
        assertThat(f.usdcLine(session).spentFinal()).isEqualTo(BigInteger.valueOf(2_000_000L));
        assertThat(f.keystore.activity().recent(50)).filteredOn(e -> e.kind().code().equals("signer.approved")).hasSize(1);
    }

    @Test
    void aResumedOperationWhoseCallRevertsIsFinalAndRecordedReverted() throws Exception {
        Left submitted = crashedIn(JournalState.SUBMITTED, 0, true);
        Left signed = crashedIn(JournalState.SIGNED, 1, true);
        f.bundler.callsRevert = true; // e.g. a swap whose slippage bound failed: included, nonce and gas spent, nothing bought
        try (SignerService signer = f.service()) {
            List<Outcome> outcomes = signer.start().stream().map(c -> c.orTimeout(20, TimeUnit.SECONDS).join()).toList();
            assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(((Outcome.Included) o).success()).isFalse());
        }
        for (Left l : List.of(submitted, signed)) {
            assertThat(f.keystore.journal().get(l.id()).state()).isEqualTo(JournalState.FINAL);
            assertThat(f.keystore.journal().get(l.id()).callOutcome()).as("what a restarted automation engine reads")
                    .isEqualTo(CallOutcome.REVERTED);
        }
        assertThat(f.keystore.activity().recent(50)).filteredOn(e -> e.kind().code().equals("signer.included"))
                .hasSize(2).allMatch(e -> e.detail().endsWith("(call reverted)"));
    }

    @Test
    void aResumedIncludedRowKeepsTheOutcomeRecordedWithItsInclusion() throws Exception {
        byte[] id = f.newId();
        HexBytes cd = Erc7579Execute.encode(List.of(new Execution(USDC, BigInteger.ZERO, SignerFixture.transfer(BOB, 1_000_000L))));
        UserOperation op = SignerFixture.build(session, CHAIN, lane.nonce(0), cd);
        HexBytes hash = UserOpHash.hash(op, UserOpHash.ENTRY_POINT_V07, BigInteger.valueOf(CHAIN));
        new OperationStore(f.keystore.settings()).put(Deps.hex(id), op, false);
        SignerJournal j = f.keystore.journal();
        j.reserve(new SignerJournal.Intent(id, session.permissionId(), CHAIN, ACCOUNT.hex(), lane.key24(), 0, cd.bytes(),
                Map.of(USDC.hex(), BigInteger.valueOf(1_000_000L))));
        j.markSigned(id, hash.bytes());
        j.move(id, JournalState.SIGNED, JournalState.SUBMITTED, null, null, null, null);
        assertThat(j.recordInclusion(id, JournalState.SUBMITTED, JournalState.INCLUDED, CallOutcome.REVERTED).callOutcome())
                .isEqualTo(CallOutcome.REVERTED);
        f.bundler.accepted.put(hash, op); // killed between INCLUDED and FINAL
        try (SignerService signer = f.service()) {
            signer.start().forEach(c -> c.orTimeout(20, TimeUnit.SECONDS).join());
        }
        assertThat(j.get(id).state()).isEqualTo(JournalState.FINAL);
        assertThat(j.get(id).callOutcome()).isEqualTo(CallOutcome.REVERTED);
    }
}
