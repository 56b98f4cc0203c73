package dev.latchkey.signer;

import static dev.latchkey.signer.SignerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.model.Address;
import dev.latchkey.aa.userop.UserOperation;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FT-01 (bundler down), FT-03 (ambiguous time-out), FT-07/FT-13 (4 lanes in parallel, ≤ 4 in flight per lane). */
class FaultsAndLanesTest {

    @TempDir Path dir;
    SignerFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new SignerFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void bundlerDownThenBack_operationsWaitAndCompleteOnceEach() throws Exception {
        SessionRecord s = f.addSession();
        f.bundler.downFor.set(25);
        AtomicBoolean sawDegraded = new AtomicBoolean();
        try (SignerService signer = f.service()) {
            signer.addListener(st -> { if (st.degraded()) sawDegraded.set(true); });
            signer.start();
            List<CompletableFuture<Outcome>> all = new ArrayList<>();
            for (int i = 0; i < 6; i++) all.add(signer.submit(f.pay(BOB, 1_000_000L)));
            List<Outcome> outcomes = all.stream().map(c -> c.orTimeout(60, TimeUnit.SECONDS).join()).toList();
            assertThat(outcomes).allMatch(o -> o instanceof Outcome.Included);
            assertThat(outcomes.stream().map(o -> ((Outcome.Included) o).nonceSeq())).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(signer.state().degraded()).isFalse();
        }
        assertThat(sawDegraded).isTrue();
        assertThat(f.bundler.accepted).hasSize(6);
        assertThat(f.bundler.byNonce).hasSize(6);
        assertThat(f.keystore.journal().open()).isEmpty();
        assertThat(f.usdcLine(s).reserved()).isZero();
        assertThat(f.usdcLine(s).spentFinal()).isEqualTo(BigInteger.valueOf(6_000_000L));
    }

    @Test
    void ambiguousTimeoutResendsTheSameBytes() throws Exception {
        f.addSession();
        f.bundler.timeoutsFor.set(2);
        try (SignerService signer = f.service()) {
            signer.start();
            SignerIntent intent = f.pay(BOB, 1_000_000L);
            // The first send may have arrived: the caller is told "not confirmed yet", not "failed" ...
            assertThat(signer.submit(intent).get(30, TimeUnit.SECONDS)).isInstanceOf(Outcome.Unconfirmed.class);
            // ... and asking again follows the same operation to its inclusion.
            Outcome o = signer.submit(intent).get(30, TimeUnit.SECONDS);
            assertThat(o).isInstanceOf(Outcome.Included.class);
        }
        assertThat(f.bundler.sends).hasSizeGreaterThanOrEqualTo(3);
        assertThat(new HashSet<>(f.bundler.sends)).hasSize(1); // every resend is byte-identical
        assertThat(f.keystore.activity().recent(20)).filteredOn(e -> e.kind().code().equals("signer.included")).hasSize(1);
    }

    @Test
    void aRejectionIsNotConfirmedYet_theRowHoldsItsSequenceAndARetryFollowsTheSameOperation() throws Exception {
        SessionRecord s = f.addSession();
        f.bundler.rejectFor.set(1);
        f.bundler.rejectMessage = "AA23 reverted (or OOG)";
        SignerIntent intent = f.pay(BOB, 3_000_000L);
        try (SignerService signer = f.service()) {
            signer.start();
            Outcome first = signer.submit(intent).get(10, TimeUnit.SECONDS);
            assertThat(first).isInstanceOfSatisfying(Outcome.Unconfirmed.class, u -> {
                assertThat(u.nonceSeq()).isZero();
                assertThat(u.detail()).startsWith("not confirmed yet — waiting for the chain").contains("AA23");
            });
            // The user retries: the same intent is followed to its end, never signed a second time.
            Outcome retried = signer.submit(intent).get(10, TimeUnit.SECONDS);
            assertThat(retried).isInstanceOfSatisfying(Outcome.Included.class, i -> assertThat(i.nonceSeq()).isZero());
            Outcome next = signer.submit(f.pay(BOB, 1_000_000L)).get(10, TimeUnit.SECONDS);
            assertThat(next).isInstanceOfSatisfying(Outcome.Included.class, i -> assertThat(i.nonceSeq()).isEqualTo(1));
        }
        assertThat(f.keystore.journal().get(intent.id()).state()).isEqualTo(dev.latchkey.keystore.JournalState.FINAL);
        assertThat(new HashSet<>(f.bundler.sends.stream()
                .filter(o -> o.nonce().and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)).signum() == 0).toList())).as("one operation at seq 0").hasSize(1);
        assertThat(f.usdcLine(s).reserved()).isZero();
        assertThat(f.usdcLine(s).spentFinal()).as("both landed, once each").isEqualTo(BigInteger.valueOf(4_000_000L));
        assertThat(f.keystore.activity().recent(20)).anyMatch(e -> e.kind().code().equals("signer.unconfirmed"));
    }

    @Test
    void aRejectedOperationKeepsItsSequenceAndReservationUntilItsValidUntilPassed() throws Exception {
        long now = f.chain.chainTime();
        SessionRecord s = f.addSession(now - 60, now + 120, SessionStatus.ENABLED);
        f.bundler.rejectFor.set(1_000_000); // this bundler refuses everything, but its word is not the chain's
        f.bundler.rejectMessage = "AA23 reverted (or OOG)";
        SignerIntent intent = f.pay(BOB, 3_000_000L);
        try (SignerService signer = f.service()) {
            signer.start();
            CompletableFuture<Outcome> answer = signer.submit(intent);
            assertThat(answer.get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Unconfirmed.class);
            Thread.sleep(500);
            var held = f.keystore.journal().get(intent.id());
            assertThat(held.state()).as("held, not released").isEqualTo(dev.latchkey.keystore.JournalState.UNKNOWN);
            assertThat(f.keystore.journal().lastSequence(ACCOUNT.hex(), held.nonceKey())).isZero();
            assertThat(f.usdcLine(s).reserved()).isEqualTo(BigInteger.valueOf(3_000_000L));
            CompletableFuture<Outcome> settled = signer.submit(intent); // a retry waits for the chain's decision
            f.chain.offsetSeconds = 200; // chain time passes the session's validUntil: the operation can no longer land
            assertThat(settled.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(Outcome.Failed.class,
                    o -> assertThat(o.error()).contains("can no longer land"));
        }
        var row = f.keystore.journal().get(intent.id());
        assertThat(row.state()).isEqualTo(dev.latchkey.keystore.JournalState.FAILED);
        assertThat(f.usdcLine(s).reserved()).isZero();
        assertThat(f.usdcLine(s).usesReserved()).isZero();
        assertThat(f.keystore.journal().lastSequence(ACCOUNT.hex(), row.nonceKey())).as("released").isEqualTo(-1);
    }

    @Test
    void withOperationDeadlines_aRejectedOperationIsReleasedMinutesLater_notWhenItsSessionEnds() throws Exception {
        long now = f.chain.chainTime();
        f.deadline = true;
        SessionRecord s = f.addSession(now - 60, now + 86_400, SessionStatus.ENABLED);
        f.bundler.rejectFor.set(1_000_000);
        f.bundler.rejectMessage = "AA23 reverted (or OOG)";
        SignerIntent intent = f.pay(BOB, 3_000_000L);
        try (SignerService signer = f.service()) {
            signer.start();
            assertThat(signer.submit(intent).get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Unconfirmed.class);
            CompletableFuture<Outcome> settled = signer.submit(intent);
            f.chain.offsetSeconds = dev.latchkey.session.engine.WindowClaim.OPERATION_LIFETIME_SECONDS - 60; // before its deadline
            Thread.sleep(1_000);
            assertThat(settled).as("still able to land: held").isNotDone();
            assertThat(f.keystore.journal().get(intent.id()).state()).isEqualTo(dev.latchkey.keystore.JournalState.UNKNOWN);
            f.chain.offsetSeconds = dev.latchkey.session.engine.WindowClaim.OPERATION_LIFETIME_SECONDS + 60; // a day before the session ends
            assertThat(settled.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(Outcome.Failed.class,
                    o -> assertThat(o.error()).contains("can no longer land"));
        }
        var row = f.keystore.journal().get(intent.id());
        assertThat(row.state()).isEqualTo(dev.latchkey.keystore.JournalState.FAILED);
        assertThat(f.usdcLine(s).reserved()).isZero();
        assertThat(f.keystore.journal().lastSequence(ACCOUNT.hex(), row.nonceKey())).as("released").isEqualTo(-1);
        // The operation the bundler was sent carries its deadline where the policy reads it (bytes 20..25 of the mode word).
        byte[] mode = java.util.Arrays.copyOfRange(f.bundler.lastOffered.callData().unsafeBytes(), 4, 36);
        assertThat(dev.latchkey.session.engine.WindowClaim.deadline(mode))
                .isBetween(now + dev.latchkey.session.engine.WindowClaim.OPERATION_LIFETIME_SECONDS - 5,
                        now + dev.latchkey.session.engine.WindowClaim.OPERATION_LIFETIME_SECONDS + 5);
    }

    @Test
    void rejectedWhileAnEarlierOpOfTheLaneIsNotOnChainIsRetriedNotFailed() throws Exception {
        SessionRecord s = f.addSession();
        try (SignerService signer = f.service()) {
            signer.start();
            assertThat(signer.submit(f.pay(BOB, 1_000_000L)).get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Included.class);
            f.bundler.rejectFor.set(3); // AA25 for seq 1 while the (fake) chain still says next = 0
            Outcome o = signer.submit(f.pay(BOB, 1_000_000L)).get(20, TimeUnit.SECONDS);
            assertThat(o).isInstanceOf(Outcome.Included.class);
            assertThat(((Outcome.Included) o).nonceSeq()).isEqualTo(1);
        }
        assertThat(f.usdcLine(s).spentFinal()).isEqualTo(BigInteger.valueOf(2_000_000L));
    }

    @Test
    void sessionsCoveringTheSameFunctionWithOtherRecipients_theIntentGoesToTheOneWhoseRulesAllowIt() throws Exception {
        long now = f.chain.chainTime();
        SessionRecord toBob = f.addSession(USDC, BOB, now - 60, now + 86_400, dev.latchkey.keystore.SessionStatus.ENABLED);
        SessionRecord toMallory = f.addSession(USDC, MALLORY, now - 60, now + 86_400, dev.latchkey.keystore.SessionStatus.ENABLED);
        try (SignerService signer = f.service()) {
            signer.start();
            assertThat(signer.submit(f.pay(MALLORY, 2_000_000L)).get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Included.class);
            assertThat(signer.submit(f.pay(BOB, 1_000_000L)).get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Included.class);
        }
        assertThat(f.usdcLine(toMallory).spentFinal()).isEqualTo(BigInteger.valueOf(2_000_000L));
        assertThat(f.usdcLine(toBob).spentFinal()).isEqualTo(BigInteger.valueOf(1_000_000L));
    }

    @Test
    void aa25WhileThePredecessorLandsBetweenTheBundlersCheckAndOursIsRetried() throws Exception {
        SessionRecord s = f.addSession();
        try (SignerService signer = f.service()) {
            signer.start();
            assertThat(signer.submit(f.pay(BOB, 1_000_000L)).get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Included.class);
            f.chain.nonces.put(NonceLane.of(s, SMART_SESSION).key(), 1L); // seq 0 is mined: next == seq 1
            f.bundler.rejectFor.set(1); // but the bundler judged seq 1 against its older view
            Outcome o = signer.submit(f.pay(BOB, 1_000_000L)).get(20, TimeUnit.SECONDS);
            assertThat(o).isInstanceOf(Outcome.Included.class);
            assertThat(((Outcome.Included) o).nonceSeq()).isEqualTo(1);
        }
        assertThat(f.usdcLine(s).spentFinal()).isEqualTo(BigInteger.valueOf(2_000_000L));
    }

    @Test
    void nonceConsumedByAnotherOperationIsAConflictAndKeepsTheReservation() throws Exception {
        SessionRecord s = f.addSession();
        f.bundler.blackhole = true; // accepted, then dropped
        SignerIntent intent = f.pay(BOB, 3_000_000L);
        try (SignerService signer = f.service()) {
            signer.start();
            CompletableFuture<Outcome> done = signer.submit(intent);
            Thread.sleep(300);
            f.chain.nonces.put(NonceLane.of(s, SMART_SESSION).key(), 1L); // someone else used seq 0
            Outcome o = done.get(20, TimeUnit.SECONDS);
            assertThat(o).isInstanceOf(Outcome.Failed.class);
            assertThat(((Outcome.Failed) o).error()).contains("conflict");
            // The reservation is kept until reconciliation (N4), which the idle lane runs: our hash never landed.
            signer.reconcile(s.permissionId()).get(10, TimeUnit.SECONDS);
        }
        assertThat(f.keystore.journal().get(intent.id()).state()).isEqualTo(dev.latchkey.keystore.JournalState.CANCELLED);
        assertThat(f.usdcLine(s).reserved()).isZero();
        assertThat(f.keystore.activity().recent(10)).anyMatch(e -> e.kind().code().equals("signer.reconciled")
                && e.detail().contains("conflict resolved") && e.detail().contains("CANCELLED"));
    }

    @Test
    void aConflictWhoseOperationLandedAfterAllIsResolvedFinal() throws Exception {
        SessionRecord s = f.addSession();
        f.bundler.blackhole = true;
        SignerIntent intent = f.pay(BOB, 3_000_000L);
        try (SignerService signer = f.service()) {
            signer.start();
            CompletableFuture<Outcome> done = signer.submit(intent);
            Thread.sleep(300);
            f.chain.nonces.put(NonceLane.of(s, SMART_SESSION).key(), 1L);
            assertThat(done.get(20, TimeUnit.SECONDS)).isInstanceOf(Outcome.Failed.class);
            // The bundler's index was late: our very operation is the one that used the nonce.
            UserOperation ours = f.bundler.sends.get(0);
            f.bundler.accepted.put(dev.latchkey.aa.userop.UserOpHash.hash(ours, f.bundler.entryPoint(), BigInteger.valueOf(CHAIN)), ours);
            signer.reconcile(s.permissionId()).get(10, TimeUnit.SECONDS);
        }
        assertThat(f.keystore.journal().get(intent.id()).state()).isEqualTo(dev.latchkey.keystore.JournalState.FINAL);
        assertThat(f.usdcLine(s).reserved()).isZero();
        assertThat(f.usdcLine(s).spentFinal()).isEqualTo(BigInteger.valueOf(3_000_000L));
    }

    @Test
    void fourLanesInParallelWithoutNonceCollision() throws Exception {
        Map<String, Integer> maxInFlight = new ConcurrentHashMap<>();
        int accountMax = fourLanesOfTen(maxInFlight);
        assertThat(f.bundler.accepted).hasSize(40);
        assertThat(f.bundler.byNonce).hasSize(40); // 40 distinct (key, seq) nonces, each with one hash
        Set<BigInteger> keys = new HashSet<>();
        f.bundler.byNonce.keySet().forEach(n -> keys.add(n.shiftRight(64)));
        assertThat(keys).hasSize(4);
        assertThat(maxInFlight).hasSize(4);
        assertThat(maxInFlight.values()).allMatch(n -> n >= 1 && n <= 4);
        assertThat(maxInFlight.values()).anyMatch(n -> n > 1); // lanes really pipeline
        // A public mempool holds at most 4 pending operations of an unstaked sender: the lanes share 4.
        assertThat(accountMax).isBetween(2, 4);
    }

    @Test
    void aPrivateBundlerMayTakeMoreThanFourPerAccount() throws Exception {
        f.perAccount = 16;
        int accountMax = fourLanesOfTen(new ConcurrentHashMap<>());
        assertThat(f.bundler.accepted).hasSize(40);
        assertThat(accountMax).isGreaterThan(4).isLessThanOrEqualTo(16);
    }

    /** 4 sessions of one account, 10 transfers each, all submitted at once; the most in flight for the account. */
    private int fourLanesOfTen(Map<String, Integer> maxPerLane) throws Exception {
        List<Address> tokens = List.of(USDC, new Address("0x1000000000000000000000000000000000000001"),
                new Address("0x1000000000000000000000000000000000000002"), new Address("0x1000000000000000000000000000000000000003"));
        long now = f.chain.chainTime();
        for (Address t : tokens) f.addSession(t, now - 60, now + 86_400, SessionStatus.ENABLED);
        f.bundler.receiptDelayMillis = 250; // long enough that a lane signs its next operation while one is in flight, even on a loaded CI machine
        java.util.concurrent.atomic.AtomicInteger accountMax = new java.util.concurrent.atomic.AtomicInteger();
        try (SignerService signer = f.service()) {
            signer.addListener(st -> {
                st.inFlight().forEach((lane, n) -> maxPerLane.merge(lane, n, Math::max));
                accountMax.accumulateAndGet(st.inFlight().values().stream().mapToInt(Integer::intValue).sum(), Math::max);
            });
            signer.start();
            List<CompletableFuture<Outcome>> all = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                for (Address t : tokens) {
                    all.add(signer.submit(SignerIntent.of(f.newId(), ACCOUNT, CHAIN,
                            List.of(new Execution(t, BigInteger.ZERO, SignerFixture.transfer(BOB, 1_000L))))));
                }
            }
            List<Outcome> outcomes = all.stream().map(c -> c.orTimeout(60, TimeUnit.SECONDS).join()).toList();
            assertThat(outcomes).allMatch(o -> o instanceof Outcome.Included);
        }
        return accountMax.get();
    }
}
