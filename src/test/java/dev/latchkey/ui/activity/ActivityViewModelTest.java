package dev.latchkey.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.WalletDevnet;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.ChangeFeed;
import dev.latchkey.wallet.CreatedSession;
import dev.latchkey.wallet.TradeResult;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Activity on the real devnet without the toolkit: the keystore's log and journal as rows, filters and details. */
@ExtendWith(DevnetExtension.class)
class ActivityViewModelTest {

    @TempDir Path dir;

    @Test
    void refusalsShowTheirReasonAndWalletEventsAreListed(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            w.fund();
            CreatedSession s = w.swapSession(500, 2000);
            w.approve(s.permissionId());
            // selling WETH is outside the USDC → WETH session
            TradeResult refused = w.workspace.trade().swap(new SwapIntent("WETH", "USDC", new BigInteger("50000000000000000"), 50))
                    .get(60, TimeUnit.SECONDS);
            assertThat(refused).isInstanceOf(TradeResult.Refused.class);

            ActivityViewModel vm = new ActivityViewModel(w.workspace.activity(), TestWalletSessions.synchronous(),
                    TestWalletSessions.synchronous(), ChangeFeed.NONE, FxExecutor.direct(), ZoneOffset.UTC);
            vm.activate();
            assertThat(vm.errorProperty().get()).isEmpty();
            ActivityRow row = vm.rows().get(0);
            assertThat(row.status()).as("newest first").isEqualTo(ActivityRow.Status.REFUSED);
            assertThat(row.key()).isEqualTo(refused.intentId());
            assertThat(row.what()).startsWith("Swap 0.05 WETH → at least");
            assertThat(row.reason()).startsWith("no-session: no session of");
            assertThat(vm.rows()).extracting(ActivityRow::what).contains(
                    "Session uniswap-swap (" + s.permissionId().hex().substring(0, 10) + "…) created, awaiting approval",
                    "Session uniswap-swap (" + s.permissionId().hex().substring(0, 10) + "…) approved by the owner",
                    "Account funded: faucet: 1 ETH, 10000 USDC, 10000 DAI, 2 WETH");
            assertThat(vm.summaryProperty().get()).startsWith("1 operation: 0 included, 0 pending, 1 refused, 0 failed");

            vm.filterProperty().set(ActivityViewModel.Filter.REFUSED);
            assertThat(vm.rows()).containsExactly(row);
            vm.filterProperty().set(ActivityViewModel.Filter.INCLUDED);
            assertThat(vm.rows()).isEmpty();
            vm.filterProperty().set(ActivityViewModel.Filter.EVENTS);
            assertThat(vm.rows()).allSatisfy(r -> assertThat(r.status()).isEqualTo(ActivityRow.Status.EVENT)).isNotEmpty();
            vm.filterProperty().set(ActivityViewModel.Filter.ALL);
            vm.searchProperty().set("10000 usdc");
            assertThat(vm.rows()).extracting(ActivityRow::what).containsExactly("Account funded: faucet: 1 ETH, 10000 USDC, 10000 DAI, 2 WETH");
            vm.searchProperty().set("");
            assertThat(vm.sessions()).extracting(ActivityViewModel.SessionChoice::id).containsExactly("", s.permissionId().hex());
            vm.sessionProperty().set(vm.sessions().get(1));
            assertThat(vm.rows()).extracting(ActivityRow::what).allMatch(t -> t.startsWith("Session uniswap-swap")).hasSize(2);

            vm.sessionProperty().set(ActivityViewModel.SessionChoice.ALL);
            vm.selectedProperty().set(row);
            assertThat(vm.detailsProperty().get()).contains("Status: refused — no-session: no session of", "Intent: " + refused.intentId(),
                    "Decisions:", " refused: no-session");
            assertThat(vm.receiptProperty().get()).as("nothing was sent").isEmpty();
        }
    }
}
