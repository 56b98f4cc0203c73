package dev.latchkey.ui.trade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.ui.WalletDevnet;
import dev.latchkey.wallet.CreatedSession;
import dev.latchkey.wallet.SoftLimitSettings;
import dev.latchkey.wallet.TradeResult;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soft limits saved in Settings bind the desktop workspace's signer, from the next check on (no restart): the
 * preview says so and the click is refused, though the session on chain would allow the trade.
 */
@ExtendWith(DevnetExtension.class)
class SoftLimitsWorkspaceOnDevnetTest {

    @TempDir Path dir;

    @Test
    void aTradeOverTheSoftCapIsRefusedThroughTheRealWorkspace(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            w.fund();
            CreatedSession s = w.swapSession(500, 2000);
            w.approve(s.permissionId());
            TradePort trade = w.workspace.trade();
            SwapIntent hundred = new SwapIntent("USDC", "WETH", WalletDevnet.usdc(100), 50, 500);
            assertThat(trade.previewSwap(hundred).cover().session()).hasValueSatisfying(c -> assertThat(c.usable()).isTrue());

            // what the Settings screen stores, while the workspace (and its signer) is open
            w.wallet.putSetting(SoftLimitSettings.TOKENS, "USDC 50 -");
            BigInteger usdcBefore = w.balanceOf("USDC");
            assertThat(trade.previewSwap(hundred).cover().session()).hasValueSatisfying(c -> {
                assertThat(c.usable()).isFalse();
                assertThat(c.note()).startsWith("its limits refuse this trade: ");
            });
            TradeResult refused = trade.swap(hundred).get(60, TimeUnit.SECONDS);
            assertThat(refused).isInstanceOfSatisfying(TradeResult.Refused.class, r -> assertThat(r.reason()).startsWith("policy"));
            assertThat(w.keystore().journal().open()).as("nothing reserved or signed").isEmpty();
            assertThat(w.balanceOf("USDC")).isEqualTo(usdcBefore);

            TradeResult under = trade.swap(new SwapIntent("USDC", "WETH", WalletDevnet.usdc(40), 50, 500)).get(120, TimeUnit.SECONDS);
            assertThat(under).as(String.valueOf(under)).isInstanceOf(TradeResult.Included.class);
        }
    }
}
