package dev.latchkey.automation;

import static dev.latchkey.automation.Fixture.ACCOUNT;
import static dev.latchkey.automation.Fixture.USDC;
import static dev.latchkey.automation.Fixture.WETH;
import static dev.latchkey.automation.Fixture.eth;
import static dev.latchkey.automation.Fixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.template.SessionTemplate;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a rule's sealed parameters do not leak through what the engine records about it. A limit order with an
 * odd level and amount is skipped (balance), waits, fires and closes; then the raw wallet file (and its WAL) is scanned
 * for the level and the amount in every form they could take. The wallet, unlocked, still shows every reason.
 */
class SealedHistoryTest {

    private static final BigDecimal LEVEL = new BigDecimal("2468.13");
    private static final BigInteger AMOUNT = new BigInteger("1234567891"); // 1,234.567891 USDC
    private static final BigDecimal STOP = new BigDecimal("1357.91");

    @TempDir Path dir;

    @Test
    void evaluationReasonsStatusReasonsAndFiringCallDataNeverReachTheDiskInPlaintext() throws Exception {
        Fixture f = new Fixture(dir);
        AutomationRule limit;
        AutomationRule stop;
        try {
            SessionRecord buy = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(2000), usdc(5000)));
            SessionRecord sell = f.session(new SessionTemplate.UniswapSwap("WETH", "USDC", 500, eth("2"), eth("5")));
            limit = f.add(buy, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, AMOUNT, LEVEL, 50));
            stop = f.add(sell, new RuleSpec.StopOrder("WETH", "USDC", 500, eth("1"), STOP, null, 100));
            f.chain.balance(USDC, ACCOUNT, usdc(10));
            try (AutomationEngine engine = f.engine()) {
                f.price("3000");
                engine.evaluate(f.chain.next(2)); // both wait: the reasons name the level and the stop
                f.price("2400");
                engine.evaluate(f.chain.next(2)); // the limit is met but the balance is short: a skip naming the amount
                f.chain.balance(USDC, ACCOUNT, usdc(5000));
                engine.evaluate(f.chain.next(2)); // fires; the recording signer includes it
                engine.evaluate(f.chain.next(2)); // closes the firing: DONE
                f.price("1300");
                engine.evaluate(f.chain.next(2)); // the stop is met, no WETH held: skipped
            }
            assertThat(f.signer.received).hasSize(1);

            // Unlocked, everything reads as the engine wrote it (the Automations screen and `automation list`).
            List<String> reasons = f.keystore.automations().evaluations(limit.ruleId(), 50).stream().map(AutomationEvaluation::reason).toList();
            assertThat(String.join("\n", reasons)).contains("waiting for ≤ 2468.13").contains("crossed 2468.13").contains("1,234.567891 USDC");
            assertThat(String.join("\n", f.keystore.automations().evaluations(stop.ruleId(), 50).stream().map(AutomationEvaluation::reason).toList()))
                    .contains("1357.91");
            AutomationFiring firing = f.keystore.automations().firings(limit.ruleId()).get(0);
            assertThat(firing.state()).isEqualTo(AutomationFiring.State.SUCCEEDED);
            assertThat(HexBytes.of(firing.callData())).as("the firing's call data opens to what the signer was handed")
                    .isEqualTo(f.signer.received.get(0).callData());
            assertThat(Erc7579Execute.decode(HexBytes.of(firing.callData())).executions()).hasSize(2);
            assertThat(f.keystore.automations().get(limit.ruleId()).statusReason()).isEqualTo("limit order filled (trigger 0)");
            assertThat(f.keystore.activity().recent(50)).filteredOn(e -> e.kind().code().startsWith("automation."))
                    .extracting(e -> e.kind().code() + " " + e.detail())
                    .contains("automation.skipped balance: the balance is too low for it; unlock and open the rule for the details",
                            "automation.done the rule has finished; unlock and open it for the details");

            // Locked: kind, label and status read; the words behind them do not.
            f.keystore.lock();
            assertThat(f.keystore.automations().get(limit.ruleId()).status()).isEqualTo(AutomationRule.Status.DONE);
            assertThat(f.keystore.automations().get(limit.ruleId()).statusReason()).isEmpty();
            assertThatThrownBy(() -> f.keystore.automations().evaluations(limit.ruleId(), 5)).isInstanceOf(KeystoreException.LockedException.class);
            assertThatThrownBy(() -> f.keystore.automations().firings(limit.ruleId())).isInstanceOf(KeystoreException.LockedException.class);
        } finally {
            f.keystore.close();
        }

        String disk = raw(dir.resolve("wallet.db")) + raw(dir.resolve("wallet.db-wal"));
        assertThat(disk).as("the file is the wallet's (the scan reads what it should)").contains("LIMIT_ORDER").contains("automation.done");
        for (String form : List.of("2468.13", "2,468.13", "2468,13", "1357.91", "1,357.91", "1234.567891", "1,234.567891", "1234567891")) {
            assertThat(disk).as("sealed parameter %s in plaintext", form).doesNotContain(form);
            assertThat(disk).as("sealed parameter %s as UTF-16", form).doesNotContain(utf16(form));
        }
        byte[] word = new byte[32];
        byte[] a = AMOUNT.toByteArray();
        System.arraycopy(a, 0, word, 32 - a.length, a.length);
        assertThat(disk).as("the amount as an ABI word (firing call data)").doesNotContain(new String(word, StandardCharsets.ISO_8859_1));
        assertThat(disk.toLowerCase()).as("the amount's ABI word as hex text").doesNotContain(HexFormat.of().formatHex(word));
    }

    @Test
    void aSealedReasonMovedToAnotherRuleDoesNotOpen() throws Exception {
        Fixture f = new Fixture(dir);
        try {
            SessionRecord buy = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(2000), usdc(5000)));
            AutomationRule one = f.add(buy, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, AMOUNT, LEVEL, 50));
            AutomationRule two = f.add(buy, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(5), new BigDecimal("10"), 50));
            f.keystore.close();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("wallet.db"));
                 PreparedStatement ps = c.prepareStatement("UPDATE automation_evaluation SET reason = (SELECT reason FROM automation_evaluation"
                         + " WHERE rule_id = ?) WHERE rule_id = ?")) {
                ps.setBytes(1, one.ruleId());
                ps.setBytes(2, two.ruleId());
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            f.keystore = Wallets.reopen(dir);
            assertThat(f.keystore.automations().evaluations(one.ruleId(), 5)).hasSize(1);
            assertThatThrownBy(() -> f.keystore.automations().evaluations(two.ruleId(), 5))
                    .isInstanceOf(KeystoreException.TamperedRecordException.class);
        } finally {
            f.keystore.close();
        }
    }

    private static String raw(Path file) throws Exception {
        return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : "";
    }

    private static String utf16(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(s.getBytes(StandardCharsets.UTF_16LE));
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
