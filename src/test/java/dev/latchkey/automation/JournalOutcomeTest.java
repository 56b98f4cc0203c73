package dev.latchkey.automation;

import static dev.latchkey.automation.Fixture.ACCOUNT;
import static dev.latchkey.automation.Fixture.USDC;
import static dev.latchkey.automation.Fixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.CallOutcome;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SignerJournal;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.Outcome;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A limit order whose firing's outcome was lost (the process died before the signer answered; after the restart the
 * signer answers Duplicate) is closed from the signer's journal row, and the row's call outcome decides: a swap that
 * reverted on chain (e.g. slippage) must not count as filled, or the trigger is lost.
 */
class JournalOutcomeTest {

    @TempDir Path dir;
    Fixture f;
    SessionRecord session;
    AutomationRule rule;
    byte[] first;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(dir);
        session = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)));
        rule = f.add(session, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(100), new BigDecimal("2500"), 50));
        f.chain.balance(USDC, ACCOUNT, usdc(1000));
        f.price("2400");
        first = IntentIds.of(rule.ruleId(), 0, 0);
    }

    @AfterEach
    void tearDown() {
        f.keystore.close();
    }

    @Test
    void aRevertedSwapResumedAfterACrashFailsTheFiringAndRetriesTheTrigger() throws Exception {
        crashAfterFiringWhileTheSignerFinishes(CallOutcome.REVERTED);
        byte[] retry = IntentIds.of(rule.ruleId(), 0, 1);
        assertThat(f.signer.ids()).as("the same trigger again, under a new attempt id").containsExactly(hex(first), hex(first), hex(retry));
        AutomationFiring lost = f.keystore.automations().firing(first);
        assertThat(lost.state()).isEqualTo(AutomationFiring.State.FAILED);
        assertThat(lost.outcome()).isEqualTo("reverted");
        assertThat(f.keystore.automations().firing(retry).state()).isEqualTo(AutomationFiring.State.SUCCEEDED);
        assertThat(f.rule(rule).status()).as("filled by the retry").isEqualTo(AutomationRule.Status.DONE);
        assertThat(f.rule(rule).nextSeq()).isEqualTo(1);
    }

    @Test
    void aSucceededSwapResumedAfterACrashSucceedsWithoutARetry() throws Exception {
        crashAfterFiringWhileTheSignerFinishes(CallOutcome.SUCCEEDED);
        assertThat(f.signer.ids()).containsExactly(hex(first), hex(first));
        assertThat(f.keystore.automations().firing(first).state()).isEqualTo(AutomationFiring.State.SUCCEEDED);
        assertThat(f.rule(rule).status()).isEqualTo(AutomationRule.Status.DONE);
    }

    @Test
    void aRowWithoutARecordedOutcomeIsNotRetriedButTheUserIsAsked() throws Exception {
        crashAfterFiringWhileTheSignerFinishes(CallOutcome.UNKNOWN); // e.g. included before the wallet was upgraded
        assertThat(f.signer.ids()).as("retrying could buy twice").containsExactly(hex(first), hex(first));
        assertThat(f.keystore.automations().firing(first).state()).isEqualTo(AutomationFiring.State.SUCCEEDED);
        assertThat(f.rule(rule).status()).as("not silently DONE: it may have reverted").isEqualTo(AutomationRule.Status.NEEDS_ATTENTION);
        assertThat(f.rule(rule).statusReason()).contains("did not record whether its call succeeded");
    }

    /**
     * Fires trigger 0, kills the engine before the signer answers, lets the signer's journal row of that intent go
     * FINAL with {@code call}, restarts, and runs a few blocks where the signer answers Duplicate for that intent and
     * includes (successfully) any other.
     */
    private void crashAfterFiringWhileTheSignerFinishes(CallOutcome call) throws Exception {
        f.signer.answer = i -> null;
        AutomationEngine before = f.engine();
        before.evaluate(f.chain.next(2));
        before.close();
        f.restart();
        SignerJournal journal = f.keystore.journal();
        journal.reserve(new SignerJournal.Intent(first, session.permissionId(), Fixture.NET.chainId(), ACCOUNT.hex(), new byte[24], 0,
                f.keystore.automations().firing(first).callData(), Map.of()));
        journal.markSigned(first, new byte[32]);
        journal.move(first, JournalState.SIGNED, JournalState.SUBMITTED, null, null, null, null);
        if (call == CallOutcome.UNKNOWN) {
            journal.move(first, JournalState.SUBMITTED, JournalState.INCLUDED, null, null, 9L, new byte[32]);
        } else {
            journal.recordInclusion(first, JournalState.SUBMITTED, JournalState.INCLUDED, call);
        }
        journal.move(first, JournalState.INCLUDED, JournalState.FINAL, null, null, 9L, new byte[32]);
        assertThat(journal.get(first).callOutcome()).isEqualTo(call);
        f.signer.answer = i -> Arrays.equals(i.id(), first) ? new Outcome.Duplicate(i.idHex(), "FINAL")
                : new Outcome.Included(i.idHex(), HexBytes.zeros(32), 1, "0x04", true);
        try (AutomationEngine after = f.engine()) {
            for (int i = 0; i < 4; i++) after.evaluate(f.chain.next(2));
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
