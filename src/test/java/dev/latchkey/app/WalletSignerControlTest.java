package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.common.OwnerKeySource;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.status.SignerMode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletSignerControlTest {

    @TempDir Path dir;

    @Test
    void theSignerStateFollowsEveryLockIncludingOneFromAnotherThread() throws Exception {
        try (WalletSession wallet = TestWalletSessions.session(dir, Clock.systemUTC())) {
            wallet.create(dir, TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(), (f, m) -> { });
            WalletSignerControl control = new WalletSignerControl(wallet);
            List<SignerMode> seen = new CopyOnWriteArrayList<>();
            AutoCloseable subscription = control.subscribe(seen::add);
            assertThat(control.mode()).isEqualTo(SignerMode.OFF);

            Thread autoLock = new Thread(wallet::lock, "auto-lock");
            autoLock.start();
            autoLock.join();
            assertThat(control.mode()).isEqualTo(SignerMode.LOCKED);
            wallet.unlock(TestWalletSessions.PASSWORD.toCharArray());
            assertThat(seen).containsExactly(SignerMode.LOCKED, SignerMode.OFF);

            subscription.close();
            wallet.lock();
            assertThat(seen).hasSize(2);
        }
    }
}
