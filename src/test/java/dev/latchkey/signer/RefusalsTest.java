package dev.latchkey.signer;

import static dev.latchkey.signer.SignerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.ExecuteCall;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.execution.ExecutionMode;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.keystore.BudgetEntry;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 05 refusals and the never-rules (R8, R9): exact reason, nothing signed, journal and ledger unchanged. */
class RefusalsTest {

    @TempDir Path dir;
    SignerFixture f;
    SignerService signer;
    SessionRecord session;

    @BeforeEach
    void setUp() throws Exception {
        f = new SignerFixture(dir);
        f.soft = new SoftLimits(Optional.empty(), Map.of(USDC, BigInteger.valueOf(500_000_000L)),
                Map.of(USDC, BigInteger.valueOf(700_000_000L)), OptionalInt.empty(), 0, false);
        session = f.addSession();
        signer = f.service();
        signer.start();
    }

    @AfterEach
    void tearDown() {
        signer.stop();
        f.close();
    }

    Outcome run(SignerIntent intent) throws Exception {
        return signer.submit(intent).get(10, TimeUnit.SECONDS);
    }

    /** Refused with {@code reason}; no send, no journal row, ledger as before, one refused row in the activity log. */
    void assertRefused(SignerIntent intent, String reason) throws Exception {
        BudgetEntry before = f.usdcLine(session);
        int sends = f.bundler.sends.size();
        Outcome o = run(intent);
        assertThat(o).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused) o).reason()).isEqualTo(reason);
        assertThat(f.bundler.sends).hasSize(sends);
        assertThat(f.keystore.journal().open()).isEmpty();
        assertThat(f.keystore.journal().lastSequence(ACCOUNT.hex(), NonceLane.of(session, SMART_SESSION).key24()))
                .isEqualTo(sends - 1L);
        assertThat(f.usdcLine(session)).isEqualTo(before);
        assertThat(f.keystore.activity().recent(1).get(0).kind().code()).isEqualTo("signer.refused");
        assertThat(f.keystore.activity().recent(1).get(0).subject()).isEqualTo(intent.idHex());
    }

    @Test
    void aboveThePerTradeCap() throws Exception {
        assertRefused(f.pay(BOB, 600_000_000L), "policy:maxTokenPerOperation");
    }

    @Test
    void crossingTheDailyCap() throws Exception {
        assertThat(run(f.pay(BOB, 400_000_000L))).isInstanceOf(Outcome.Included.class);
        assertRefused(f.pay(BOB, 400_000_000L), "policy:maxTokenPerDay");
        assertThat(run(f.pay(BOB, 300_000_000L))).isInstanceOf(Outcome.Included.class);
    }

    @Test
    void anOnChainLimitRefusesBeforeTheBuilderIsAsked() throws Exception {
        // 999 of the 1000 USDC already spent on chain: a 2 USDC transfer must be refused by its policy, before the
        // builder (live: a gas estimate the chain would answer with an opaque AA23) is asked for anything
        f.policies.extraSpent.put(Deps.hex(session.permissionId()), BigInteger.valueOf(999_000_000L));
        int builds = f.builds.get();
        Outcome o = run(f.pay(BOB, 2_000_000L));
        assertThat(o).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused) o).reason()).startsWith("policy:");
        assertThat(f.builds).hasValue(builds);
        assertThat(f.bundler.sends).isEmpty();
        assertThat(f.keystore.journal().open()).isEmpty();
    }

    @Test
    void anotherRecipient() throws Exception {
        assertRefused(f.pay(MALLORY, 1_000_000L), "policy:rules[0].equal");
    }

    @Test
    void expiredSession() throws Exception {
        f.chain.offsetSeconds = 86_400;
        assertRefused(f.pay(BOB, 1_000_000L), "session-expired");
    }

    @Test
    void withinTheExpiryMarginCountsAsExpired() throws Exception {
        f.chain.offsetSeconds = 86_400 - 10; // margin is 30 s
        assertRefused(f.pay(BOB, 1_000_000L), "session-expired");
    }

    @Test
    void notYetValidSession() throws Exception {
        f.chain.offsetSeconds = -3_600;
        assertRefused(f.pay(BOB, 1_000_000L), "session-not-yet-valid");
    }

    @Test
    void targetOutsideTheSession() throws Exception {
        Address weth = new Address("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2");
        assertRefused(SignerIntent.of(f.newId(), ACCOUNT, CHAIN, List.of(new Execution(weth, BigInteger.ZERO, SignerFixture.transfer(BOB, 1)))),
                "no-session");
    }

    @Test
    void delegatecallAndTryModes() throws Exception {
        Execution e = new Execution(USDC, BigInteger.ZERO, SignerFixture.transfer(BOB, 1));
        assertRefused(SignerIntent.of(f.newId(), ACCOUNT, CHAIN, new ExecuteCall(ExecutionMode.of(ExecutionMode.CALL_DELEGATE), List.of(e))),
                "forbidden-mode");
        byte[] tryMode = new byte[32];
        tryMode[1] = (byte) ExecutionMode.EXEC_TRY;
        assertRefused(SignerIntent.of(f.newId(), ACCOUNT, CHAIN, new ExecuteCall(new ExecutionMode(HexBytes.of(tryMode)), List.of(e))),
                "forbidden-mode");
    }

    @Test
    void emptyBatch() throws Exception {
        // encoded by hand: the SDK encoder refuses an empty batch; the signer must too when handed one.
        ExecuteCall empty = new ExecuteCall(ExecutionMode.of(ExecutionMode.CALL_BATCH), List.of());
        assertRefused(new SignerIntent(f.newId(), ACCOUNT, CHAIN, dev.latchkey.aa.execution.Erc7579Execute.encode(empty)), "empty-batch");
        assertThat(NeverRules.shape(dev.latchkey.aa.execution.Erc7579Execute.encode(empty), ACCOUNT, SMART_SESSION,
                UserOpHash.ENTRY_POINT_V07)).map(NeverRules.Violation::reason).contains("empty-batch");
    }

    @Test
    void forbiddenTargetsNeverReachTheEngine() {
        for (Address t : List.of(ACCOUNT, SMART_SESSION, UserOpHash.ENTRY_POINT_V07,
                new Address("0x0000000000000000000000000000000000000001"), new Address("0x0000000000000000000000000000000000000011"))) {
            HexBytes cd = dev.latchkey.aa.execution.Erc7579Execute.encode(List.of(new Execution(t, BigInteger.ZERO, SignerFixture.transfer(BOB, 1))));
            assertThat(NeverRules.shape(cd, ACCOUNT, SMART_SESSION, UserOpHash.ENTRY_POINT_V07))
                    .map(NeverRules.Violation::reason).contains("forbidden-target");
        }
        HexBytes nested = dev.latchkey.aa.execution.Erc7579Execute.encode(List.of(new Execution(USDC, BigInteger.ZERO,
                HexBytes.parse("x", "0xe9ae5c53"))));
        assertThat(NeverRules.shape(nested, ACCOUNT, SMART_SESSION, UserOpHash.ENTRY_POINT_V07))
                .map(NeverRules.Violation::reason).contains("forbidden-selector");
        assertThat(NeverRules.shape(HexBytes.parse("x", "0x8dd7712f"), ACCOUNT, SMART_SESSION, UserOpHash.ENTRY_POINT_V07))
                .map(NeverRules.Violation::reason).contains("forbidden-call");
    }

    @Test
    void sessionNotEnabled() throws Exception {
        signer.stop();
        f.keystore.sessions().setStatus(session.permissionId(), SessionStatus.REVOKED);
        signer = f.service();
        signer.start();
        assertRefused(f.pay(BOB, 1_000_000L), "session-not-enabled");
    }

    @Test
    void overTheLedgerCapIsRefusedByTheReservation() throws Exception {
        f.soft = SoftLimits.NONE;
        signer.stop();
        f.keystore.sessions().setBudget(session.permissionId(), USDC.hex(), BigInteger.valueOf(5_000_000L), 100);
        signer = f.service();
        signer.start();
        assertRefused(f.pay(BOB, 6_000_000L), "budget");
    }
}
