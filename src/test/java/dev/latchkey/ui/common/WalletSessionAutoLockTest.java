package dev.latchkey.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.ui.TestWalletSessions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keystore's auto-lock seen from the app: idle timeout from the wallet's setting, activity resets it, listeners hear it. */
class WalletSessionAutoLockTest {

    @TempDir Path dir;

    /** A clock the test moves by hand. */
    static final class ManualClock implements InstantSource {
        private Instant now = Instant.parse("2027-01-15T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @Test
    void locksAfterTheConfiguredIdleTimeAndActivityRestartsIt() throws Exception {
        ManualClock clock = new ManualClock();
        try (WalletSession wallet = TestWalletSessions.session(dir, clock)) {
            List<Boolean> events = new ArrayList<>();
            wallet.onLockChanged(events::add);
            wallet.create(dir, TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(), (f, m) -> { });
            assertThat(events).containsExactly(true);
            assertThat(wallet.autoLockTimeout()).isEqualTo(Duration.ofMinutes(15));
            wallet.setAutoLockTimeout(Duration.ofMinutes(2));
            assertThat(wallet.setting("autolock.minutes")).contains("2");

            clock.advance(Duration.ofSeconds(100));
            assertThat(wallet.checkAutoLock()).isFalse();
            wallet.userActivity();                        // a key press at 100 s
            clock.advance(Duration.ofSeconds(100));       // 200 s since start, 100 s since the key press
            assertThat(wallet.checkAutoLock()).isFalse();
            assertThat(wallet.isUnlocked()).isTrue();
            clock.advance(Duration.ofSeconds(20));        // 120 s idle
            assertThat(wallet.checkAutoLock()).isTrue();

            assertThat(wallet.isUnlocked()).isFalse();
            assertThat(events).containsExactly(true, false);
            assertThat(wallet.checkAutoLock()).isFalse(); // already locked: nothing more to tell

            wallet.unlock(TestWalletSessions.PASSWORD.toCharArray());
            assertThat(events).containsExactly(true, false, true);
            clock.advance(Duration.ofSeconds(119));
            assertThat(wallet.checkAutoLock()).isFalse(); // the idle time restarted at unlock
        }
    }

    @Test
    void withRulesToRunTheAutoLockLocksTheScreensAndTheOwnerKeyButSessionKeysKeepSigning() throws Exception {
        ManualClock clock = new ManualClock();
        try (WalletSession wallet = TestWalletSessions.session(dir, clock)) {
            List<Boolean> events = new ArrayList<>();
            wallet.onLockChanged(events::add);
            String owner = wallet.create(dir, TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(), (f, m) -> { });
            var keystore = wallet.keystore();
            wallet.keepRunningWhileAway(() -> new UnattendedWork.Report(3, true));
            wallet.setAutoLockTimeout(Duration.ofMinutes(1));

            clock.advance(Duration.ofSeconds(61));
            assertThat(wallet.checkAutoLock()).isTrue();
            assertThat(events).containsExactly(true, false);
            assertThat(wallet.isUnlocked()).as("the screens are locked").isFalse();
            assertThat(wallet.away()).contains(new UnattendedWork.Report(3, true));
            assertThat(wallet.unattendedNow()).isEqualTo(new UnattendedWork.Report(3, true));
            assertThatThrownBy(() -> keystore.keys().signHashWithOwner(owner, new byte[32]))
                    .as("the owner key needs the password again").isInstanceOf(KeystoreException.LockedException.class);
            assertThat(keystore.keys().createSessionKey("next").address())
                    .as("the DEK stays: session keys (sealed under it) keep signing").startsWith("0x");
            clock.advance(Duration.ofMinutes(5));
            assertThat(wallet.checkAutoLock()).as("already away: nothing more to tell").isFalse();

            wallet.unlock(TestWalletSessions.PASSWORD.toCharArray());
            assertThat(wallet.isUnlocked()).isTrue();
            assertThat(wallet.away()).isEmpty();
            assertThat(keystore.keys().signHashWithOwner(owner, new byte[32])).hasSize(65);
        }
    }

    @Test
    void withNothingToRunTheAutoLockLocksTheWholeWalletAsBefore() throws Exception {
        ManualClock clock = new ManualClock();
        try (WalletSession wallet = TestWalletSessions.session(dir, clock)) {
            wallet.create(dir, TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(), (f, m) -> { });
            var keystore = wallet.keystore();
            // the signer runs, but no rule is active: no reason to keep any key
            wallet.keepRunningWhileAway(() -> new UnattendedWork.Report(0, true));
            wallet.setAutoLockTimeout(Duration.ofMinutes(1));
            clock.advance(Duration.ofSeconds(61));
            assertThat(wallet.checkAutoLock()).isTrue();
            assertThat(wallet.away()).isEmpty();
            assertThat(keystore.isUnlocked()).as("the DEK is zeroed").isFalse();
            assertThatThrownBy(() -> keystore.keys().createSessionKey("next"))
                    .isInstanceOf(KeystoreException.LockedException.class);
        }
    }

    @Test
    void stopAndLockWhileAwayLocksTheWholeWallet() throws Exception {
        ManualClock clock = new ManualClock();
        try (WalletSession wallet = TestWalletSessions.session(dir, clock)) {
            wallet.create(dir, TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(), (f, m) -> { });
            wallet.keepRunningWhileAway(() -> new UnattendedWork.Report(1, true));
            wallet.setAutoLockTimeout(Duration.ofMinutes(1));
            clock.advance(Duration.ofSeconds(61));
            assertThat(wallet.checkAutoLock()).isTrue();
            assertThat(wallet.keystore().isUnlocked()).isTrue();
            wallet.lock();
            assertThat(wallet.away()).isEmpty();
            assertThat(wallet.keystore().isUnlocked()).isFalse();
        }
    }
}
