package dev.latchkey.ui.trade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.trade.build.Quote;
import dev.latchkey.trade.build.QuoteRequest;
import dev.latchkey.trade.build.TradeBuilder;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.WalletDevnet;
import dev.latchkey.ui.common.Formats;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.notifications.NotificationsViewModel;
import dev.latchkey.ui.notifications.NotificationsViewModel.Kind;
import dev.latchkey.ui.common.ChangeFeed;
import dev.latchkey.wallet.CreatedSession;
import dev.latchkey.wallet.OnchainQuotes;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Trade on the real devnet without the toolkit: markets, live quotes checked against QuoterV2, coverage, refusals. */
@ExtendWith(DevnetExtension.class)
class TradeViewModelTest {

    @TempDir Path dir;

    @Test
    void quotesTheTypedAmountAndSaysWhichSessionWouldSignIt(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            w.fund();
            AtomicInteger builds = new AtomicInteger();
            TradeViewModel vm = new TradeViewModel(w.workspace.trade(), TestWalletSessions::synchronous, TestWalletSessions.notifications(),
                    ChangeFeed.NONE, FxExecutor.direct(), builds::incrementAndGet);
            vm.activate();
            assertThat(vm.errorProperty().get()).isEmpty();
            SwapViewModel swap = vm.swap();
            assertThat(swap.pairs()).extracting(TradePort.Pair::label).containsExactlyInAnyOrder("WETH / USDC · 0.05%", "DAI / USDC · 0.01%");
            swap.pairProperty().set(swap.pairs().stream().filter(p -> p.base().symbol().equals("WETH")).findFirst().orElseThrow());
            assertThat(swap.actionLabelProperty().get()).isEqualTo("Buy WETH");
            assertThat(swap.presets()).extracting(SwapViewModel.Preset::label).containsExactly("50 USDC", "100 USDC", "250 USDC", "500 USDC");

            swap.amountProperty().set("100");
            TradeNetwork n = w.ws().profile().tradeNetwork();
            Quote q = new OnchainQuotes(w.ws().chain().node(), n.quoterV2()).quoteExactInputSingle(new QuoteRequest(
                    n.token("t", "USDC").address(), n.token("t", "WETH").address(), WalletDevnet.usdc(100), 500));
            BigInteger min = TradeBuilder.minimumOut(q.amountOut(), 50);
            assertThat(swap.quoteProperty().get()).isEqualTo("≈ " + Formats.amount(q.amountOut(), 18, "WETH") + "  ·  at least "
                    + Formats.amount(min, 18, "WETH") + " after slippage");
            assertThat(swap.canSubmitProperty().get()).isTrue();
            assertThat(swap.noSessionProperty().get()).isTrue();
            assertThat(swap.coverProperty().get()).startsWith("No session covers this trade.").contains("has no session on devnet");
            swap.onBuildSession();
            assertThat(builds).hasValue(1);

            CreatedSession s = w.swapSession(500, 2000);
            swap.amountProperty().set("100.0");
            assertThat(swap.coverProperty().get()).isEqualTo("Session uniswap-swap (" + Formats.shortHex(s.permissionId().hex())
                    + "): awaiting your approval: approve it once in Sessions");
            assertThat(swap.coveredProperty().get()).isFalse();
            w.approve(s.permissionId());
            swap.amountProperty().set("100");
            assertThat(swap.coverProperty().get()).endsWith("approved; this trade enables it on chain");
            assertThat(swap.coveredProperty().get()).isTrue();
            swap.amountProperty().set("600");
            assertThat(swap.coverProperty().get()).as("the policy engine checks the limits before the click")
                    .contains("its limits refuse this trade: ").contains("500");
            assertThat(swap.coveredProperty().get()).isFalse();

            swap.sideProperty().set(SwapViewModel.Side.SELL);
            assertThat(swap.actionLabelProperty().get()).isEqualTo("Sell WETH");
            assertThat(swap.spendUnitProperty().get()).isEqualTo("WETH");
            assertThat(swap.presets()).extracting(SwapViewModel.Preset::amount).containsExactly("0.01", "0.05", "0.1", "0.25");
            swap.amountProperty().set("0.05");
            assertThat(swap.coverProperty().get()).as("the session swaps USDC → WETH only").startsWith("No session covers this trade.")
                    .contains("has no action for");
        }
    }

    @Test
    void badInputIsExplainedNextToTheField(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            TradeViewModel vm = new TradeViewModel(w.workspace.trade(), TestWalletSessions::synchronous, TestWalletSessions.notifications(),
                    ChangeFeed.NONE, FxExecutor.direct(), () -> { });
            vm.activate();
            SwapViewModel swap = vm.swap();
            swap.pairProperty().set(swap.pairs().stream().filter(p -> p.base().symbol().equals("WETH")).findFirst().orElseThrow());
            swap.amountProperty().set("abc");
            assertThat(swap.amountHintProperty().get()).isEqualTo("not a decimal number: abc");
            assertThat(swap.canSubmitProperty().get()).isFalse();
            swap.amountProperty().set("0.0000001");
            assertThat(swap.amountHintProperty().get()).isEqualTo("USDC has 6 decimals; 0.0000001 has more");
            swap.amountProperty().set("10");
            swap.slippageProperty().set("60");
            assertThat(swap.slippageHintProperty().get()).isEqualTo("0 to 50 %");
            assertThat(swap.canSubmitProperty().get()).isFalse();
            swap.slippageProperty().set("0.555");
            assertThat(swap.slippageHintProperty().get()).startsWith("a percentage with at most two decimals");
            swap.slippageProperty().set("1");
            assertThat(swap.slippageHintProperty().get()).isEmpty();
            assertThat(swap.canSubmitProperty().get()).isTrue();
        }
    }

    @Test
    void aClickWithoutASessionIsRefusedWithTheReasonAndNothingIsSigned(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            w.fund();
            NotificationsViewModel notes = TestWalletSessions.notifications();
            TradeViewModel vm = new TradeViewModel(w.workspace.trade(), TestWalletSessions::synchronous, notes, ChangeFeed.NONE,
                    FxExecutor.direct(), () -> { });
            vm.activate();
            SwapViewModel swap = vm.swap();
            swap.pairProperty().set(swap.pairs().stream().filter(p -> p.base().symbol().equals("WETH")).findFirst().orElseThrow());
            swap.onPreset(swap.presets().get(1));
            waitFor(() -> notes.items().get(0).kind() != Kind.PROGRESS);
            NotificationsViewModel.Notification n = notes.items().get(0);
            assertThat(n.kind()).isEqualTo(Kind.ERROR);
            assertThat(n.title()).isEqualTo("Refused: Buy WETH with 100 USDC");
            assertThat(n.text()).startsWith("no-session — no session of").contains("has no session on devnet");
            assertThat(swap.lastResultProperty().get()).startsWith("Refused (no-session)");
            assertThat(w.keystore().journal().open()).isEmpty();
            assertThat(w.balanceOf("USDC")).isEqualTo(WalletDevnet.usdc(10_000));
        }
    }

    @Test
    void aaveRowsShowTheHealthFactorBeforeAndAfter(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            w.fund();
            TradeViewModel vm = new TradeViewModel(w.workspace.trade(), TestWalletSessions::synchronous, TestWalletSessions.notifications(),
                    ChangeFeed.NONE, FxExecutor.direct(), () -> { });
            vm.activate();
            AaveViewModel aave = vm.aave();
            assertThat(aave.assets()).extracting(t -> t.symbol()).containsExactly("USDC", "DAI", "WETH");
            aave.assetProperty().set(aave.assets().get(2));
            aave.amountProperty().set("1");
            assertThat(aave.positionProperty().get()).isEqualTo("Collateral $0  ·  debt $0  ·  health factor ∞");
            assertThat(aave.rows()).extracting(AaveViewModel.Row::label).containsExactly("Supply", "Withdraw", "Borrow", "Repay");
            assertThat(aave.rows().get(0).health()).isEqualTo("Health factor ∞ → ∞");
            assertThat(aave.rows().get(2).health()).as("borrowing 1 WETH with no collateral").isEqualTo("Health factor ∞ → 0");
            assertThat(aave.rows().get(2).risky()).isTrue();
            assertThat(aave.rows()).allSatisfy(r -> assertThat(r.cover()).startsWith("No session covers this trade."));
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
