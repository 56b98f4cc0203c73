package dev.latchkey.automation;

import dev.latchkey.trade.catalog.TradeNetwork;
import static dev.latchkey.automation.Fixture.ACCOUNT;
import static dev.latchkey.automation.Fixture.USDC;
import static dev.latchkey.automation.Fixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SignerJournal;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several rules of one session triggered by the same block: the pre-check counts the firings the signer already holds
 * (its journal rows, not on chain yet), so the rule that would cross the session's daily window is skipped with the
 * reason in the trade's terms — instead of being handed to the signer, refused there and retried until it needs
 * attention.
 */
class InFlightPrecheckTest {

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
    void theRuleThatWouldCrossTheDailyWindowWithTheOnesInFlightIsSkippedNotFired() throws Exception {
        SessionRecord s = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(2500)));
        List<AutomationRule> rules = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rules.add(f.add(s, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(1000), new BigDecimal("2500"), 50)));
        }
        f.chain.balance(USDC, ACCOUNT, usdc(5000));
        long[] seq = {0};
        var prepared = new dev.latchkey.session.engine.PolicyEngine(Fixture.POLICIES, dev.latchkey.session.engine.SoftLimits.NONE,
                dev.latchkey.session.engine.SoftLimits.LocalHistory.EMPTY).prepare(f.wallets.port().definitionOf(s).orElseThrow());
        f.signer.answer = intent -> { // the signer journals what it takes, claimed at the head's time, and keeps it in flight
            try {
                byte[] claimed = dev.latchkey.aa.userop.WindowClaims.stamp(prepared, TradeNetwork.SMART_SESSION_V1, intent.callData(),
                        f.chain.head.timestamp()).bytes();
                f.keystore.journal().reserve(new SignerJournal.Intent(intent.id(), s.permissionId(), intent.chainId(), ACCOUNT.hex(),
                        new byte[24], seq[0]++, claimed, Map.of()));
            } catch (KeystoreException e) {
                throw new IllegalStateException(e);
            }
            return null;
        };
        f.price("2400");
        try (AutomationEngine engine = f.engine()) {
            AutomationEngine.Report report = engine.evaluate(f.chain.next(2));
            assertThat(report.fired()).as("2 × 1,000 fit the 2,500 USDC day; the third would not").isEqualTo(2);
            assertThat(report.skipped()).isEqualTo(1);
        }
        assertThat(f.signer.received).hasSize(2);
        AutomationRule third = null;
        for (AutomationRule r : rules) {
            if (f.keystore.automations().firings(r.ruleId()).isEmpty()) third = r;
        }
        assertThat(third).as("one rule did not fire").isNotNull();
        assertThat(f.keystore.automations().evaluations(third.ruleId(), 10)).filteredOn(e -> e.result() == AutomationEvaluation.Result.SKIPPED)
                .singleElement().extracting(AutomationEvaluation::reason).asString()
                .contains("the session would refuse it now: USDC.approve:").contains("3,000 USDC today over the 2,500 USDC daily cap; 500 USDC left; resets ")
                .doesNotContain("0x");
        assertThat(f.rule(third).status()).isEqualTo(AutomationRule.Status.ACTIVE);
    }
}
