package dev.latchkey.automation;

import static dev.latchkey.automation.Fixture.ACCOUNT;
import static dev.latchkey.automation.Fixture.BOB;
import static dev.latchkey.automation.Fixture.START;
import static dev.latchkey.automation.Fixture.USDC;
import static dev.latchkey.automation.Fixture.WETH;
import static dev.latchkey.automation.Fixture.eth;
import static dev.latchkey.automation.Fixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.Outcome;
import dev.latchkey.signer.SignerIntent;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on a real keystore with a scripted chain and a recording signer port. */
class EngineTest {

    @TempDir Path dir;
    Fixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.keystore.close();
    }

    @Test
    void limitOrderFiresOnceWhenThePriceCrossesAndNotBefore() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)));
        AutomationRule rule = f.add(s, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(1000), new BigDecimal("2500"), 50));
        f.chain.balance(USDC, ACCOUNT, usdc(5000));
        try (AutomationEngine engine = f.engine()) {
            for (String p : List.of("3000", "2700", "2500.01")) {
                f.price(p);
                engine.evaluate(f.chain.next(2));
            }
            assertThat(f.signer.received).as("not before the level").isEmpty();
            f.price("2499.5");
            assertThat(engine.evaluate(f.chain.next(2)).fired()).isEqualTo(1);
            for (String p : List.of("2400", "2300", "2600", "2000")) {
                f.price(p);
                engine.evaluate(f.chain.next(2));
            }
        }
        assertThat(f.signer.received).hasSize(1);
        SignerIntent intent = f.signer.received.get(0);
        assertThat(intent.id()).isEqualTo(IntentIds.of(rule.ruleId(), 0, 0));
        List<Execution> calls = Erc7579Execute.decode(intent.callData()).executions();
        assertThat(calls).extracting(Execution::target).containsExactly(USDC, Fixture.ROUTER);
        assertThat(word(calls.get(1).callData(), 4)).as("amountIn").isEqualTo(usdc(1000));
        assertThat(word(calls.get(1).callData(), 5)).as("amountOutMinimum from the quote and 0.5 %").isEqualTo(usdc(3000).multiply(BigInteger.valueOf(9950)).divide(BigInteger.valueOf(10000)));
        assertThat(f.rule(rule).status()).isEqualTo(AutomationRule.Status.DONE);
        assertThat(f.keystore.automations().firings(rule.ruleId())).singleElement().extracting(AutomationFiring::state).isEqualTo(AutomationFiring.State.SUCCEEDED);
        List<AutomationEvaluation> evals = f.keystore.automations().evaluations(rule.ruleId(), 50);
        assertThat(evals).extracting(AutomationEvaluation::result).containsSubsequence(AutomationEvaluation.Result.CREATED,
                AutomationEvaluation.Result.WAITING, AutomationEvaluation.Result.FIRED, AutomationEvaluation.Result.SUCCEEDED, AutomationEvaluation.Result.DONE);
        assertThat(evals.stream().filter(e -> e.result() == AutomationEvaluation.Result.WAITING)).as("a wait is recorded once, not every block").hasSize(1);
    }

    @Test
    void stopLossFiresOnADropAndSellsAtMostTheHeldPosition() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.UniswapSwap("WETH", "USDC", 500, eth("2"), eth("5")));
        AutomationRule rule = f.add(s, new RuleSpec.StopOrder("WETH", "USDC", 500, eth("2"), new BigDecimal("2800"), new BigDecimal("3500"), 100));
        f.chain.balance(WETH, ACCOUNT, eth("1.5"));
        try (AutomationEngine engine = f.engine()) {
            f.price("2900");
            engine.evaluate(f.chain.next(2));
            assertThat(f.signer.received).isEmpty();
            f.price("2750");
            engine.evaluate(f.chain.next(2));
            engine.evaluate(f.chain.next(2));
        }
        assertThat(f.signer.received).hasSize(1);
        List<Execution> calls = Erc7579Execute.decode(f.signer.received.get(0).callData()).executions();
        assertThat(word(calls.get(1).callData(), 4)).as("sells the 1.5 WETH held, not the 2 allowed").isEqualTo(eth("1.5"));
        assertThat(f.rule(rule).status()).isEqualTo(AutomationRule.Status.DONE);
    }

    @Test
    void recurringPaymentPaysExactlyNTimesThenStops() throws Exception {
        SessionRecord s = f.recurringSession(usdc(10), 60, START + 86_400);
        AutomationRule rule = f.add(s, new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", BOB, null, 0, usdc(10), 60,
                START + 200, 0, 3, 0));
        f.chain.balance(USDC, ACCOUNT, usdc(1000));
        try (AutomationEngine engine = f.engine()) {
            for (int i = 0; i < 12; i++) engine.evaluate(f.chain.next(30)); // 6 minutes of chain time
        }
        assertThat(f.signer.received).hasSize(3);
        assertThat(f.signer.ids()).doesNotHaveDuplicates()
                .containsExactly(hex(IntentIds.of(rule.ruleId(), 0, 0)), hex(IntentIds.of(rule.ruleId(), 1, 0)), hex(IntentIds.of(rule.ruleId(), 2, 0)));
        List<AutomationFiring> firings = f.keystore.automations().firings(rule.ruleId());
        assertThat(firings).extracting(AutomationFiring::chainTime).allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(START + 200));
        assertThat(firings.get(1).chainTime() - firings.get(0).chainTime()).isGreaterThanOrEqualTo(60);
        assertThat(f.rule(rule).status()).isEqualTo(AutomationRule.Status.DONE);
        assertThat(f.rule(rule).statusReason()).contains("all 3 payments");
    }

    @Test
    void autoRepayRepaysEnoughToReachTheTarget() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.AaveRepayOnly("USDC", usdc(5000), usdc(10000)));
        f.add(s, new RuleSpec.AutoRepay("USDC", new BigDecimal("1.2"), new BigDecimal("1.5"), usdc(5000)));
        f.chain.balance(USDC, ACCOUNT, usdc(10000));
        f.chain.debts.put(USDC.hex() + ACCOUNT.hex(), usdc(7500));
        f.chain.prices.put(USDC, BigInteger.valueOf(100_000_000L));
        BigInteger collateral = BigInteger.valueOf(10_000).multiply(BigInteger.TEN.pow(8));
        BigInteger debt = BigInteger.valueOf(7_500).multiply(BigInteger.TEN.pow(8));
        BigInteger hf = new BigInteger("1133333333333333333"); // 10,000 × 0.85 / 7,500
        f.chain.aave = new ChainReader.AaveAccount(collateral, debt, BigInteger.ZERO, BigInteger.valueOf(8500), BigInteger.valueOf(8000), hf);
        try (AutomationEngine engine = f.engine()) {
            engine.evaluate(f.chain.next(2));
        }
        assertThat(f.signer.received).hasSize(1);
        List<Execution> calls = Erc7579Execute.decode(f.signer.received.get(0).callData()).executions();
        BigInteger repaid = word(calls.get(1).callData(), 1);
        // debt after the repayment must give HF >= 1.5: 8,500 / (7,500 - repaid) >= 1.5  ⇔ repaid >= 1,833.33 USDC
        assertThat(repaid).isBetween(usdc(1834), usdc(1850));
    }

    @Test
    void revokedOrExpiredSessionPutsTheRuleInNeedsAttention() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)));
        AutomationRule revoked = f.add(s, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(100), new BigDecimal("2500"), 50));
        SessionRecord s2 = f.recurringSession(usdc(10), 60, START + 3_600);
        AutomationRule expiring = f.add(s2, new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", BOB, null, 0, usdc(10), 60, START + 200, START + 3_000, 0, 0));
        f.keystore.sessions().setStatus(s.permissionId(), SessionStatus.REVOKED);
        f.chain.balance(USDC, ACCOUNT, usdc(1000));
        try (AutomationEngine engine = f.engine()) {
            engine.evaluate(f.chain.next(2));
            f.chain.head = new ChainReader.Head(f.chain.head.number() + 1, START + 3_600);
            engine.evaluate(f.chain.head);
        }
        assertThat(f.rule(revoked).status()).isEqualTo(AutomationRule.Status.NEEDS_ATTENTION);
        assertThat(f.rule(revoked).statusReason()).contains("REVOKED");
        assertThat(f.rule(expiring).status()).isEqualTo(AutomationRule.Status.NEEDS_ATTENTION);
        assertThat(f.rule(expiring).statusReason()).contains("expired");
        assertThat(f.log).anyMatch(l -> l.contains("NEEDS_ATTENTION"));
    }

    @Test
    void pausedRulesDoNotFireAndResumeReChecksTheSession() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)));
        AutomationRule rule = f.add(s, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(100), new BigDecimal("2500"), 50));
        f.chain.balance(USDC, ACCOUNT, usdc(1000));
        f.price("2000");
        AutomationService service = f.service();
        assertThat(service.pause(rule.ruleId())).isTrue();
        try (AutomationEngine engine = f.engine()) {
            engine.evaluate(f.chain.next(2));
            assertThat(f.signer.received).isEmpty();
            assertThat(service.resume(rule.ruleId(), f.chain.head.timestamp())).isTrue();
            engine.evaluate(f.chain.next(2));
        }
        assertThat(f.signer.received).hasSize(1);
        assertThat(service.remove(rule.ruleId())).isTrue();
        assertThat(service.list(false)).isEmpty();
        assertThat(service.list(true)).singleElement().satisfies(v -> assertThat(v.row().status()).isEqualTo(AutomationRule.Status.REMOVED));
    }

    @Test
    void anEditIsReCheckedAgainstTheSessionAndTheEngineUsesTheNewVersion() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)));
        AutomationRule rule = f.add(s, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(100), new BigDecimal("2000"), 50));
        f.chain.balance(USDC, ACCOUNT, usdc(1000));
        f.price("2400");
        AutomationService service = f.service();
        try (AutomationEngine engine = f.engine()) {
            engine.evaluate(f.chain.next(2));
            assertThat(f.signer.received).isEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.edit(rule.ruleId(),
                    new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(1001), new BigDecimal("2500"), 50), f.chain.head.timestamp()))
                    .isInstanceOf(AutomationService.RuleRefusedException.class).hasMessageContaining("lessThanOrEqual");
            assertThat(f.rule(rule).version()).isEqualTo(1);
            assertThat(service.edit(rule.ruleId(), new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(200),
                    new BigDecimal("2500"), 50), f.chain.head.timestamp()).version()).isEqualTo(2);
            engine.evaluate(f.chain.next(2));
        }
        assertThat(f.signer.received).hasSize(1);
        assertThat(word(Erc7579Execute.decode(f.signer.received.get(0).callData()).executions().get(1).callData(), 4)).isEqualTo(usdc(200));
        assertThat(f.keystore.automations().evaluations(rule.ruleId(), 20)).extracting(AutomationEvaluation::result)
                .contains(AutomationEvaluation.Result.EDITED);
    }

    @Test
    void aCrashAfterTheFiringIsRecordedResubmitsTheSameIntentAndNeverFiresANewTrigger() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)));
        AutomationRule rule = f.add(s, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(100), new BigDecimal("2500"), 50));
        f.chain.balance(USDC, ACCOUNT, usdc(1000));
        f.price("2400");
        f.signer.answer = i -> null; // the process dies before the signer answers
        AutomationEngine first = f.engine();
        first.evaluate(f.chain.next(2));
        first.close();
        f.restart();
        f.signer.answer = i -> new Outcome.Included(i.idHex(), HexBytes.zeros(32), 0, "0x02", true);
        try (AutomationEngine second = f.engine()) {
            for (int i = 0; i < 3; i++) second.evaluate(f.chain.next(2));
        }
        String id = hex(IntentIds.of(rule.ruleId(), 0, 0));
        assertThat(f.signer.ids()).as("the same trigger re-submitted under the same id, no second trigger").containsExactly(id, id);
        assertThat(f.rule(rule).status()).isEqualTo(AutomationRule.Status.DONE);
        assertThat(f.rule(rule).nextSeq()).isEqualTo(1);
    }

    @Test
    void aRefusedAttemptIsRetriedUnderANewIdAndNeedsAttentionAfterTheLastAttempt() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)));
        AutomationRule rule = f.add(s, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(100), new BigDecimal("2500"), 50));
        f.chain.balance(USDC, ACCOUNT, usdc(1000));
        f.price("2400");
        f.signer.answer = i -> new Outcome.Refused(i.idHex(), "policy:limit", "over the cap");
        try (AutomationEngine engine = f.engine()) {
            for (int i = 0; i < 6; i++) engine.evaluate(f.chain.next(2));
        }
        assertThat(f.signer.ids()).containsExactly(hex(IntentIds.of(rule.ruleId(), 0, 0)), hex(IntentIds.of(rule.ruleId(), 0, 1)),
                hex(IntentIds.of(rule.ruleId(), 0, 2)));
        assertThat(f.rule(rule).status()).isEqualTo(AutomationRule.Status.NEEDS_ATTENTION);
        assertThat(f.rule(rule).statusReason()).contains("failed 3 times").contains("over the cap");
    }

    @Test
    void aRefusedAttemptIsNotRetriedOnTheSameBlock() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)));
        AutomationRule rule = f.add(s, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(100), new BigDecimal("2500"), 50));
        f.chain.balance(USDC, ACCOUNT, usdc(1000));
        f.price("2400");
        f.signer.answer = i -> new Outcome.Refused(i.idHex(), "policy:limit", "window still full on the signer's head");
        try (AutomationEngine engine = f.engine()) {
            ChainReader.Head head = f.chain.next(2);
            for (int i = 0; i < 5; i++) engine.evaluate(head); // e.g. a caller that settles by re-evaluating the same head
            assertThat(f.signer.received).as("one attempt per block: the same state would refuse again").hasSize(1);
            assertThat(f.rule(rule).status()).isEqualTo(AutomationRule.Status.ACTIVE);
            f.signer.answer = new RecordingSigner().answer;
            engine.evaluate(f.chain.next(2));
            engine.evaluate(f.chain.next(2));
        }
        assertThat(f.signer.ids()).containsExactly(hex(IntentIds.of(rule.ruleId(), 0, 0)), hex(IntentIds.of(rule.ruleId(), 0, 1)));
        assertThat(f.rule(rule).status()).isEqualTo(AutomationRule.Status.DONE);
    }

    @Test
    void aSessionRefusalNeedsAttentionAtOnce() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)));
        AutomationRule rule = f.add(s, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(100), new BigDecimal("2500"), 50));
        f.chain.balance(USDC, ACCOUNT, usdc(1000));
        f.price("2400");
        f.signer.answer = i -> new Outcome.Refused(i.idHex(), "session-expired", "session ended");
        try (AutomationEngine engine = f.engine()) {
            for (int i = 0; i < 3; i++) engine.evaluate(f.chain.next(2));
        }
        assertThat(f.signer.received).hasSize(1);
        assertThat(f.rule(rule).status()).isEqualTo(AutomationRule.Status.NEEDS_ATTENTION);
    }

    @Test
    void aDuplicateAnswerAfterARestartIsClosedFromTheSignersJournalRow() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)));
        AutomationRule rule = f.add(s, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(100), new BigDecimal("2500"), 50));
        f.chain.balance(USDC, ACCOUNT, usdc(1000));
        f.price("2400");
        f.signer.answer = i -> null; // the process dies before the outcome reaches the engine ...
        AutomationEngine first = f.engine();
        first.evaluate(f.chain.next(2));
        first.close();
        f.restart();
        byte[] id = IntentIds.of(rule.ruleId(), 0, 0);
        AutomationFiring fired = f.keystore.automations().firing(id);
        // ... while the signer had journaled the intent and followed it to inclusion
        var journal = f.keystore.journal();
        journal.reserve(new dev.latchkey.keystore.SignerJournal.Intent(id, s.permissionId(), Fixture.NET.chainId(), ACCOUNT.hex(), new byte[24], 0,
                fired.callData(), java.util.Map.of()));
        journal.markSigned(id, new byte[32]);
        journal.move(id, dev.latchkey.keystore.JournalState.SIGNED, dev.latchkey.keystore.JournalState.SUBMITTED, null, null, null, null);
        journal.recordInclusion(id, dev.latchkey.keystore.JournalState.SUBMITTED, dev.latchkey.keystore.JournalState.INCLUDED,
                dev.latchkey.keystore.CallOutcome.SUCCEEDED);
        journal.move(id, dev.latchkey.keystore.JournalState.INCLUDED, dev.latchkey.keystore.JournalState.FINAL, null, null, 9L, new byte[32]);
        f.signer.answer = i -> new Outcome.Duplicate(i.idHex(), "FINAL");
        try (AutomationEngine second = f.engine()) {
            for (int i = 0; i < 3; i++) second.evaluate(f.chain.next(2));
        }
        assertThat(f.signer.ids()).containsExactly(hex(id), hex(id));
        assertThat(f.keystore.automations().firing(id).state()).isEqualTo(AutomationFiring.State.SUCCEEDED);
        assertThat(f.keystore.automations().firing(id).detail()).isEqualTo("journal FINAL");
        assertThat(f.rule(rule).status()).isEqualTo(AutomationRule.Status.DONE);
    }

    @Test
    void alreadyReceivedWithoutAJournalRowBecomesANewAttemptAfterThreeBlocks() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)));
        AutomationRule rule = f.add(s, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(100), new BigDecimal("2500"), 50));
        f.chain.balance(USDC, ACCOUNT, usdc(1000));
        f.price("2400");
        byte[] first = IntentIds.of(rule.ruleId(), 0, 0);
        f.signer.answer = i -> Arrays.equals(i.id(), first) ? new Outcome.Duplicate(i.idHex(), "already received")
                : new Outcome.Included(i.idHex(), HexBytes.zeros(32), 0, "0x03", true);
        try (AutomationEngine engine = f.engine()) {
            for (int i = 0; i < 3; i++) engine.evaluate(f.chain.next(2));
            assertThat(f.signer.received).as("waits for a journal row first").hasSize(1);
            for (int i = 0; i < 4; i++) engine.evaluate(f.chain.next(2));
        }
        assertThat(f.signer.ids()).containsExactly(hex(first), hex(IntentIds.of(rule.ruleId(), 0, 1)));
        assertThat(f.rule(rule).status()).isEqualTo(AutomationRule.Status.DONE);
    }

    @Test
    void oneSlot0ReadPerBlockForManyRulesOnOnePool() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)));
        for (int i = 0; i < 20; i++) {
            f.add(s, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(10), new BigDecimal(1000 + i), 50));
        }
        try (AutomationEngine engine = f.engine()) {
            engine.evaluate(f.chain.next(2));
            int before = f.chain.slot0Reads;
            AutomationEngine.Report r = engine.evaluate(f.chain.next(2));
            assertThat(r.evaluated()).isEqualTo(20);
            assertThat(f.chain.slot0Reads - before).isEqualTo(1);
        }
    }

    static BigInteger word(HexBytes data, int index) {
        byte[] d = data.unsafeBytes();
        return new BigInteger(1, Arrays.copyOfRange(d, 4 + 32 * index, 36 + 32 * index));
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
