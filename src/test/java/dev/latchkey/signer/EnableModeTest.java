package dev.latchkey.signer;

import static dev.latchkey.signer.SignerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.SignerJournal;
import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.codec.SmartSessionSignatures;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.EnableSession;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.SmartSessionMode;
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
 * Owner approval → ENABLE on the first trade, with fakes for the chain: the signature carries exactly the
 * EnableSession of the stored session and approval; later intents wait behind it and go in USE mode.
 */
class EnableModeTest {

    static final byte[] APPROVAL = HexBytes.parse("sig", "0x" + "5a".repeat(20) + "3c".repeat(65)).bytes();

    @TempDir Path dir;
    SignerFixture f;
    SessionRecord session;
    HexBytes pid;

    @BeforeEach
    void setUp() throws Exception {
        f = new SignerFixture(dir);
        long now = f.chain.chainTime();
        session = f.addSession(now - 60, now + 86_400, SessionStatus.PENDING_ENABLE);
        pid = HexBytes.of(session.permissionId());
        f.bundler.onEnable = () -> f.chain.enabled.add(pid);
        f.bundler.useAllowed = () -> f.chain.enabled.contains(pid);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    EnableSession expectedEnableSession() {
        EnablePlan plan = EnablePlan.of(f.definitions.get(pid.hex().substring(2)), ACCOUNT, SMART_SESSION, SmartSessionMode.ENABLE,
                List.of(new EnablePlan.ChainNonce(CHAIN, BigInteger.ZERO)));
        return plan.enableSession(CHAIN, HexBytes.of(APPROVAL));
    }

    @Test
    void pendingWithoutApprovalIsRefusedAndNothingIsSent() throws Exception {
        try (SignerService signer = f.service()) {
            signer.start();
            Outcome o = signer.submit(f.pay(BOB, 1_000_000L)).get(10, TimeUnit.SECONDS);
            assertThat(o).isInstanceOf(Outcome.Refused.class);
            assertThat(((Outcome.Refused) o).reason()).isEqualTo("session-not-enabled");
            assertThat(((Outcome.Refused) o).message()).contains("not approved");
        }
        assertThat(f.bundler.sends).isEmpty();
        assertThat(f.keystore.journal().open()).isEmpty();
    }

    @Test
    void firstTradeEnablesWithTheOwnersApprovalAndTheOthersWaitThenUseUseMode() throws Exception {
        f.keystore.sessions().approve(session.permissionId(), APPROVAL);
        f.bundler.receiptDelayMillis = 150; // the enabling op stays in flight while the others queue behind it
        try (SignerService signer = f.service()) {
            signer.start();
            List<CompletableFuture<Outcome>> all = List.of(f.pay(BOB, 1_000_000L), f.pay(BOB, 2_000_000L), f.pay(BOB, 3_000_000L))
                    .stream().map(signer::submit).toList();
            List<Outcome> outcomes = all.stream().map(c -> c.orTimeout(20, TimeUnit.SECONDS).join()).toList();
            assertThat(outcomes).allMatch(o -> o instanceof Outcome.Included);
            assertThat(outcomes.stream().map(o -> ((Outcome.Included) o).nonceSeq())).containsExactly(0L, 1L, 2L);
        }
        List<UserOperation> distinct = f.bundler.sends.stream().distinct().toList();
        assertThat(distinct).hasSize(3);
        UserOperation enable = distinct.get(0);
        assertThat(SmartSessionSignatures.modeOf(enable.signature())).isEqualTo(SmartSessionMode.ENABLE);
        byte[] sessionSig = f.keystore.keys().sessionSigner(session.sessionKeyAddress())
                .signUserOp(enable, UserOpHash.ENTRY_POINT_V07, BigInteger.valueOf(CHAIN)).signature().bytes();
        assertThat(SmartSessionSignatures.enablePayloadOf(enable.signature()))
                .isEqualTo(SessionAbi.encodeEnablePayload(expectedEnableSession(), HexBytes.of(sessionSig)));
        assertThat(distinct.subList(1, 3)).allMatch(op -> SmartSessionSignatures.modeOf(op.signature()) == SmartSessionMode.USE);
        assertThat(f.bundler.useTooEarly).as("USE ops sent before the session was enabled").isEmpty();

        SessionRecord after = f.keystore.sessions().get(session.permissionId());
        assertThat(after.status()).isEqualTo(SessionStatus.ENABLED);
        assertThat(after.chain(CHAIN).orElseThrow().enabled()).isTrue();
        assertThat(f.keystore.activity().recent(30)).extracting(e -> e.kind().code()).contains("signer.enabled");
        assertThat(f.usdcLine(session).spentFinal()).isEqualTo(BigInteger.valueOf(6_000_000L));
        assertThat(f.chain.permissionReads.get()).as("chain asked before the first op and after its inclusion only").isEqualTo(2);
    }

    @Test
    void thePolicyEngineRunsInEnableModeToo() throws Exception {
        f.keystore.sessions().approve(session.permissionId(), APPROVAL);
        try (SignerService signer = f.service()) {
            signer.start();
            Outcome o = signer.submit(f.pay(MALLORY, 1_000_000L)).get(10, TimeUnit.SECONDS);
            assertThat(o).isInstanceOf(Outcome.Refused.class);
            assertThat(((Outcome.Refused) o).reason()).startsWith("policy:");
            Outcome over = signer.submit(f.pay(BOB, USDC_CAP.longValueExact() + 1)).get(10, TimeUnit.SECONDS);
            assertThat(((Outcome.Refused) over).reason()).startsWith("policy:");
        }
        assertThat(f.bundler.sends).isEmpty();
        assertThat(f.keystore.sessions().get(session.permissionId()).status()).isEqualTo(SessionStatus.PENDING_ENABLE);
    }

    @Test
    void anApprovalForAnotherSmartSessionNonceIsStale() throws Exception {
        f.keystore.sessions().approve(session.permissionId(), APPROVAL);
        f.chain.enableNonce = BigInteger.ONE; // revokeEnableSignature (or an enable elsewhere) bumped it
        try (SignerService signer = f.service()) {
            signer.start();
            Outcome o = signer.submit(f.pay(BOB, 1_000_000L)).get(10, TimeUnit.SECONDS);
            assertThat(((Outcome.Refused) o).reason()).isEqualTo("approval-stale");
        }
        assertThat(f.bundler.sends).isEmpty();
        assertThat(f.keystore.journal().open()).isEmpty();
    }

    @Test
    void alreadyEnabledOnChainIsRecordedAndUsesUseMode() throws Exception {
        f.keystore.sessions().approve(session.permissionId(), APPROVAL);
        f.chain.enabled.add(pid); // e.g. enabled by this wallet on another device
        try (SignerService signer = f.service()) {
            signer.start();
            assertThat(signer.submit(f.pay(BOB, 1_000_000L)).get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Included.class);
        }
        assertThat(SmartSessionSignatures.modeOf(f.bundler.sends.get(0).signature())).isEqualTo(SmartSessionMode.USE);
        assertThat(f.keystore.sessions().get(session.permissionId()).chain(CHAIN).orElseThrow().enabled()).isTrue();
    }

    @Test
    void anEnablingRowLeftByACrashResumesInEnableModeWithTheSameHash() throws Exception {
        f.keystore.sessions().approve(session.permissionId(), APPROVAL);
        NonceLane lane = NonceLane.of(session, SMART_SESSION);
        byte[] id = f.newId();
        HexBytes cd = Erc7579Execute.encode(List.of(new Execution(USDC, BigInteger.ZERO, SignerFixture.transfer(BOB, 1_000_000L))));
        UserOperation op = SignerFixture.build(session, CHAIN, lane.nonce(0), cd);
        HexBytes hash = UserOpHash.hash(op, UserOpHash.ENTRY_POINT_V07, BigInteger.valueOf(CHAIN));
        new OperationStore(f.keystore.settings()).put(Deps.hex(id), op, true);
        SignerJournal j = f.keystore.journal();
        j.reserve(new SignerJournal.Intent(id, session.permissionId(), CHAIN, ACCOUNT.hex(), lane.key24(), 0, cd.bytes(),
                Map.of(USDC.hex(), BigInteger.valueOf(1_000_000L))));
        j.markSigned(id, hash.bytes());
        try (SignerService signer = f.service()) {
            List<CompletableFuture<Outcome>> resumed = signer.start();
            Outcome later = signer.submit(f.pay(BOB, 2_000_000L)).get(20, TimeUnit.SECONDS);
            Outcome first = resumed.get(0).get(20, TimeUnit.SECONDS);
            assertThat(((Outcome.Included) first).userOpHash()).isEqualTo(hash);
            assertThat(((Outcome.Included) later).nonceSeq()).isEqualTo(1);
        }
        assertThat(SmartSessionSignatures.modeOf(f.bundler.sends.get(0).signature())).isEqualTo(SmartSessionMode.ENABLE);
        assertThat(f.bundler.useTooEarly).isEmpty();
        assertThat(f.keystore.journal().get(id).state()).isEqualTo(JournalState.FINAL);
        assertThat(f.keystore.sessions().get(session.permissionId()).status()).isEqualTo(SessionStatus.ENABLED);
    }
}
