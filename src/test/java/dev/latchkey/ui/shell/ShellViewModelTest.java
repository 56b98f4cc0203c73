package dev.latchkey.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.common.OwnerKeySource;
import dev.latchkey.ui.common.WalletSession;
import java.nio.file.Path;
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
            ShellViewModel vm = new ShellViewModel(wallet, TestWalletSessions.synchronous(), locked::incrementAndGet);
            vm.activate();
            assertThat(vm.ownerProperty().get()).isEqualTo("Owner " + owner);
            assertThat(vm.signerProperty().get()).contains("issue 05");
            assertThat(vm.networkProperty().get()).isEqualTo("Network: Local devnet (anvil + Alto on this computer)");
            assertThat(vm.sectionProperty().get()).isEqualTo(Section.PORTFOLIO);
            vm.sectionProperty().set(Section.TRADE);
            assertThat(vm.sectionProperty().get().arrival()).contains("issue 06");

            vm.onLock();
            assertThat(wallet.isUnlocked()).isFalse();
            assertThat(vm.signerProperty().get()).isEqualTo("Signer: locked");
            assertThat(locked).hasValue(1);
        }
    }

    @Test
    void theSignerStateFollowsAnyLockIncludingTheAutoLock() throws Exception {
        try (WalletSession wallet = TestWalletSessions.session(dir, Clock.systemUTC())) {
            wallet.create(dir, TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(), (f, m) -> { });
            ShellViewModel vm = new ShellViewModel(wallet, TestWalletSessions.synchronous(), () -> { });
            vm.activate();
            assertThat(vm.signerProperty().get()).startsWith("Signer: not running");
            wallet.lock(); // what the auto-lock does: not through the shell's Lock button
            assertThat(vm.signerProperty().get()).isEqualTo("Signer: locked");
            wallet.unlock(TestWalletSessions.PASSWORD.toCharArray());
            assertThat(vm.signerProperty().get()).startsWith("Signer: not running");
            vm.deactivate();
            wallet.lock();
            assertThat(vm.signerProperty().get()).startsWith("Signer: not running"); // unsubscribed
        }
    }
}
