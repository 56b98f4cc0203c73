package dev.latchkey.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.OwnerKeySource;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.status.ChainStatusSource;
import dev.latchkey.ui.status.FakeSignerControl;
import dev.latchkey.ui.status.ManualTicker;
import dev.latchkey.ui.status.SignerMode;
import dev.latchkey.ui.status.StatusBarViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellViewModelTest {

    @TempDir Path dir;

    @Test
    void showsTheOwnerNavigatesAndLocks() throws Exception {
        try (WalletSession wallet = TestWalletSessions.session(dir, Clock.systemUTC())) {
            String owner = wallet.create(dir, TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(),
                    (f, m) -> { });
            AtomicInteger locked = new AtomicInteger();
            StatusBarViewModel status = new StatusBarViewModel(ChainStatusSource.NONE, new FakeSignerControl(SignerMode.OFF),
                    Runnable::run, FxExecutor.direct(), new ManualTicker(), Duration.ofSeconds(4));
            ShellViewModel vm = new ShellViewModel(wallet, TestWalletSessions.synchronous(), locked::incrementAndGet, status);
            vm.activate();
            assertThat(vm.ownerProperty().get()).isEqualTo("Owner " + owner);
            assertThat(vm.statusBar().networkProperty().get()).isEqualTo("No network");
            assertThat(vm.statusBar().signerProperty().get()).isEqualTo("Signer off");
            assertThat(vm.sectionProperty().get()).isEqualTo(Section.PORTFOLIO);
            vm.sectionProperty().set(Section.TRADE);
            assertThat(vm.sectionProperty().get().arrival()).contains("issue 06");

            vm.onLock();
            assertThat(wallet.isUnlocked()).isFalse();
            assertThat(locked).hasValue(1);
            vm.deactivate();
            assertThat(vm.ownerProperty().get()).isEmpty();
        }
    }
}
