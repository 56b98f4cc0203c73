package dev.latchkey.ui.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.chain.RpcException;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.WalletDevnet;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.ChangeFeed;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Portfolio on the real devnet, without the toolkit: every call runs synchronously on the test thread. */
@ExtendWith(DevnetExtension.class)
class PortfolioViewModelTest {

    @TempDir Path dir;

    @Test
    void showsTheCounterfactualAccountThenTheFaucetFundsAndDeploysIt(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            List<String> copied = new ArrayList<>();
            PortfolioViewModel vm = new PortfolioViewModel(w.workspace.portfolio(), TestWalletSessions.synchronous(),
                    TestWalletSessions.synchronous(), copied::add, ChangeFeed.NONE, FxExecutor.direct());
            vm.activate();

            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.addressProperty().get()).isEqualTo(w.account().checksummed());
            assertThat(vm.networkProperty().get()).isEqualTo("devnet (chain " + devnet.manifest().chainId() + ")");
            assertThat(vm.deployedProperty().get()).isFalse();
            assertThat(vm.deploymentProperty().get()).startsWith("Counterfactual");
            assertThat(vm.balances()).extracting(PortfolioViewModel.Balance::symbol).containsExactly("ETH", "USDC", "DAI", "WETH");
            assertThat(vm.balances()).allSatisfy(b -> assertThat(b.raw()).isZero());
            assertThat(vm.healthFactorProperty().get()).isEqualTo("∞ (no debt)");
            assertThat(vm.faucetAvailableProperty().get()).isTrue();

            vm.onCopyAddress();
            assertThat(copied).containsExactly(w.account().checksummed());
            assertThat(vm.noticeProperty().get()).isEqualTo("Address copied.");

            vm.onFund();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.deployedProperty().get()).isTrue();
            assertThat(vm.deploymentProperty().get()).isEqualTo("Deployed");
            assertThat(w.ws().chain().node().hasCode(w.account().hex())).isTrue();
            assertThat(vm.balances()).extracting(b -> b.symbol() + " " + b.amount())
                    .containsExactly("ETH 1", "USDC 10,000", "DAI 10,000", "WETH 2");
            assertThat(vm.balances().get(1).raw()).isEqualTo(w.balanceOf("USDC")).isEqualTo(new BigInteger("10000000000"));
            assertThat(vm.noticeProperty().get()).startsWith("Test funds received: 1 ETH, 10,000 USDC");
            assertThat(w.keystore().activity().recent(50)).anyMatch(e -> e.kind().code().equals("account.funded"));
        }
    }

    @Test
    void aNodeThatStopsAnsweringShowsWhyAndKeepsTheLastValues(Devnet devnet) throws Exception {
        try (WalletDevnet w = WalletDevnet.create(devnet, dir)) {
            PortfolioPort live = w.workspace.portfolio();
            AtomicBoolean down = new AtomicBoolean();
            PortfolioPort faulty = new PortfolioPort() {
                @Override
                public Snapshot load() throws Exception {
                    if (down.get()) {
                        throw new RpcException("connection refused: 127.0.0.1:8545", null);
                    }
                    return live.load();
                }

                @Override
                public Snapshot fund(AsyncAction.Progress progress) throws Exception {
                    return live.fund(progress);
                }

                @Override
                public Snapshot deploy(AsyncAction.Progress progress) throws Exception {
                    return live.deploy(progress);
                }
            };
            PortfolioViewModel vm = new PortfolioViewModel(faulty, TestWalletSessions.synchronous(), TestWalletSessions.synchronous(),
                    text -> { }, ChangeFeed.NONE, FxExecutor.direct());
            vm.activate();
            String address = vm.addressProperty().get();
            down.set(true);
            vm.onRefresh();
            assertThat(vm.errorProperty().get()).isEqualTo("Connection refused: 127.0.0.1:8545");
            assertThat(vm.addressProperty().get()).isEqualTo(address);
            assertThat(vm.loading().isRunning()).isFalse();
            down.set(false);
            vm.onRefresh();
            assertThat(vm.errorProperty().get()).isEmpty();
        }
    }
}
