package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.chain.Abi;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.onchain.StoredSessionDefinitions;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.ui.WalletDevnet;
import dev.latchkey.wallet.SessionRequest;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recurring-payment template (issue 15): its session carries a periodic cap on the paid token, so the app's rule
 * service accepts a recurring payment under it (the plain transfer template has none and is refused, as before), and
 * the app's workspace engine pays the first instalment on the devnet through the session key.
 */
@ExtendWith(DevnetExtension.class)
class RecurringTemplateOnDevnetTest {

    @TempDir Path dir;

    @Test
    void aRecurringPaymentFromItsTemplateIsAcceptedAndPaid(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            w.fund();
            WalletWorkspace ws = w.ws();
            Address bob = new Address("0x" + org.web3j.crypto.Keys.getAddress(org.web3j.crypto.Keys.createEcKeyPair()));
            HexBytes plain = ws.sessions().create(ws.account(), new SessionRequest.FromTemplate(
                    new SessionTemplate.UsdcTransfer(bob, WalletDevnet.usdc(100), WalletDevnet.usdc(1000)), 7)).permissionId();
            HexBytes recurring = ws.sessions().create(ws.account(), new SessionRequest.FromTemplate(
                    new SessionTemplate.RecurringTransfer("USDC", bob, WalletDevnet.usdc(10), 3600, WalletDevnet.usdc(70)), 7)).permissionId();
            w.approve(plain);
            w.approve(recurring);
            AutomationService rules = new AutomationService(w.keystore(), ws.profile().tradeNetwork(), new StoredSessionDefinitions(),
                    ws.profile().policies());
            long now = ws.chain().chainTime();
            RuleSpec.RecurringPayment pay = new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", bob, null, 0, WalletDevnet.usdc(10),
                    3600, now, 0, 3, 0);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> rules.add(plain.bytes(), "rent", pay, now))
                    .as("no periodic cap: no schedule guard").hasMessageContaining("periodic spending limit");

            AutomationRule rule = rules.add(recurring.bytes(), "rent", pay, now);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (w.keystore().automations().firings(rule.ruleId()).stream().noneMatch(f -> f.state() == AutomationFiring.State.SUCCEEDED)
                    && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(w.keystore().automations().firings(rule.ruleId())).as(() -> diagnose(w)).singleElement()
                    .extracting(AutomationFiring::state).isEqualTo(AutomationFiring.State.SUCCEEDED);
            Address usdc = ws.profile().tradeNetwork().token("t", "USDC").address();
            BigInteger paid = Abi.word(ws.chain().node().call(usdc.hex(), Abi.call("balanceOf(address)",
                    new org.web3j.abi.datatypes.Address(bob.hex()))), 0);
            assertThat(paid).as("the first of three instalments, exactly").isEqualTo(WalletDevnet.usdc(10));
            assertThat(w.keystore().automations().get(rule.ruleId()).status()).isEqualTo(AutomationRule.Status.ACTIVE);
        }
    }

    @Test
    void aRecurringSwapIsAcceptedUnderTheSwapTemplatesDailyCap(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            w.fund();
            WalletWorkspace ws = w.ws();
            HexBytes swap = w.swapSession(500, 2000).permissionId();
            w.approve(swap);
            AutomationService rules = new AutomationService(w.keystore(), ws.profile().tradeNetwork(), new StoredSessionDefinitions(),
                    ws.profile().policies());
            long now = ws.chain().chainTime();
            AutomationRule rule = rules.add(swap.bytes(), "dca", new RuleSpec.RecurringPayment(RuleSpec.Mode.SWAP, "USDC", null, "WETH", 500,
                    WalletDevnet.usdc(100), 86_400, now + 86_400, 0, 3, 100), now);
            assertThat(rule.status()).isEqualTo(AutomationRule.Status.ACTIVE);
        }
    }

    private static String diagnose(WalletDevnet w) {
        try {
            StringBuilder b = new StringBuilder();
            w.keystore().activity().recent(40).forEach(e -> b.append(e).append('\n'));
            return b.toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void theTemplateRefusesABadPeriod() {
        Address bob = new Address("0x" + "b".repeat(40));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SessionTemplate.RecurringTransfer("USDC", bob, BigInteger.TEN, 60,
                BigInteger.valueOf(100))).isInstanceOf(FieldException.class).hasMessageContaining("one hour to one week");
    }
}
