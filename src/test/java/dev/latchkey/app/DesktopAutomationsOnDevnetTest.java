package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.onchain.StoredSessionDefinitions;
import dev.latchkey.ui.WalletDevnet;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app runs the wallet's rules while it is unlocked, as {@code latchkey signer run} does: a limit order
 * created at the market fires at once (no new block needed) and fills through the workspace's signer; the status
 * bar's pause stops the engine with the signer, resume starts a fresh one.
 */
@ExtendWith(DevnetExtension.class)
class DesktopAutomationsOnDevnetTest {

    @TempDir Path dir;

    @Test
    void theUnlockedAppFillsALimitOrderAndPauseStopsTheRulesWithTheSigner(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            w.fund();
            HexBytes pid = w.swapSession(500, 2000).permissionId();
            w.approve(pid);
            WalletWorkspace ws = w.ws();
            assertThat(ws.automationsRunning()).as("the engine starts with the workspace").isTrue();
            BigInteger usdcBefore = w.balanceOf("USDC");
            AutomationService service = new AutomationService(w.keystore(), ws.profile().tradeNetwork(), new StoredSessionDefinitions(),
                    ws.profile().policies());
            AutomationRule rule = service.add(pid.bytes(), "buy now", new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY,
                    WalletDevnet.usdc(100), new BigDecimal("1000000"), 100), ws.chain().chainTime());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (w.keystore().automations().get(rule.ruleId()).status() != AutomationRule.Status.DONE && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(w.keystore().automations().get(rule.ruleId()).status()).isEqualTo(AutomationRule.Status.DONE);
            assertThat(w.keystore().automations().firings(rule.ruleId())).singleElement()
                    .extracting(AutomationFiring::state).isEqualTo(AutomationFiring.State.SUCCEEDED);
            assertThat(w.balanceOf("USDC")).as("one 100 USDC buy, signed by the session key").isEqualTo(usdcBefore.subtract(WalletDevnet.usdc(100)));

            SignerServiceControl control = new SignerServiceControl(ws.signer(), () -> true, ws::pauseAutomations, ws::resumeAutomations);
            control.pause();
            assertThat(ws.automationsRunning()).as("paused with the signer").isFalse();
            control.resume();
            assertThat(ws.automationsRunning()).isTrue();
        }
    }
}
