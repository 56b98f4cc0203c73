package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every password check counts towards one back-off, and the stored counter is authenticated (issue 11). */
class PasswordBackoffTest {

    @TempDir Path dir;

    private Keystore create(TestWallets.MutableClock clock) throws Exception {
        Keystore.create(dir.resolve("wallet.db"), TestWallets.pw(), TestWallets.SMALL, TestWallets.POLICY, clock).close();
        return Keystore.open(dir.resolve("wallet.db"), TestWallets.POLICY, clock);
    }

    private void exec(String sql) throws Exception {
        try (Connection c = TestWallets.raw(dir); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    @Test
    void eightWrongChangePasswordAttemptsTripTheBackoffForUnlockToo() throws Exception {
        TestWallets.MutableClock clock = new TestWallets.MutableClock();
        try (Keystore ks = create(clock)) {
            int tried = 0;
            for (int i = 0; i < 8; i++) {
                try {
                    ks.changePassword("guess".toCharArray(), "new password 123".toCharArray());
                } catch (KeystoreException.WrongPasswordException e) {
                    tried++;
                } catch (KeystoreException.UnlockThrottledException e) {
                    break;
                }
                clock.advance(Duration.ofMillis(10));
            }
            assertThat(tried).as("the free attempts, then the wait").isEqualTo(UnlockBackoff.FREE_ATTEMPTS);
            assertThatThrownBy(() -> ks.changePassword(TestWallets.pw(), "new password 123".toCharArray()))
                    .as("even the right old password waits").isInstanceOf(KeystoreException.UnlockThrottledException.class);
            assertThatThrownBy(() -> ks.unlock(TestWallets.pw())).isInstanceOf(KeystoreException.UnlockThrottledException.class)
                    .hasMessageStartingWith("5 failed password attempts; try again in");
            assertThat(ks.activity().recent(20)).extracting(ActivityLog.Entry::detail).contains("change-password, attempt 5");
        }
    }

    @Test
    void theReentryBeforeAnExportCountsToo() throws Exception {
        TestWallets.MutableClock clock = new TestWallets.MutableClock();
        try (Keystore ks = create(clock)) {
            ks.unlock(TestWallets.pw());
            String owner = ks.keys().createOwnerKey("main").publicRef();
            for (int i = 0; i < UnlockBackoff.FREE_ATTEMPTS; i++) {
                assertThatThrownBy(() -> ks.keys().exportKeystoreV3(owner, "guess".toCharArray(), "x".toCharArray(), V3Strength.LIGHT))
                        .isInstanceOf(KeystoreException.WrongPasswordException.class);
            }
            assertThatThrownBy(() -> ks.keys().exportKeystoreV3(owner, TestWallets.pw(), "x".toCharArray(), V3Strength.LIGHT))
                    .isInstanceOf(KeystoreException.UnlockThrottledException.class);
            clock.advance(Duration.ofSeconds(2));
            assertThat(ks.keys().exportKeystoreV3(owner, TestWallets.pw(), "x".toCharArray(), V3Strength.LIGHT)).contains("crypto");
            ks.lock();
            ks.unlock(TestWallets.pw()); // the right password reset the count
        }
    }

    @Test
    void editingTheCounterRowIsDetectedAndCountsAsFailures() throws Exception {
        TestWallets.MutableClock clock = new TestWallets.MutableClock();
        try (Keystore ks = create(clock)) {
            for (int i = 0; i < UnlockBackoff.FREE_ATTEMPTS + 3; i++) {
                try {
                    ks.unlock("guess".toCharArray());
                } catch (KeystoreException.WrongPasswordException | KeystoreException.UnlockThrottledException e) {
                    clock.advance(Duration.ofMinutes(1));
                }
            }
        }
        exec("UPDATE unlock_state SET failures = 0"); // what the issue found: a plain UPDATE reset the back-off
        try (Keystore ks = Keystore.open(dir.resolve("wallet.db"), TestWallets.POLICY, clock)) {
            assertThatThrownBy(() -> ks.unlock(TestWallets.pw())).isInstanceOf(KeystoreException.UnlockThrottledException.class)
                    .hasMessageContaining("the stored attempt counter had been edited");
            assertThat(ks.activity().recent(5)).extracting(e -> e.kind().code()).contains("UNLOCK_STATE_EDITED");
            clock.advance(UnlockBackoff.MAX_WAIT);
            ks.unlock(TestWallets.pw());
        }
        exec("DELETE FROM unlock_state");
        try (Keystore ks = Keystore.open(dir.resolve("wallet.db"), TestWallets.POLICY, clock)) {
            assertThatThrownBy(() -> ks.unlock(TestWallets.pw())).as("a deleted row with its MAC left behind")
                    .isInstanceOf(KeystoreException.UnlockThrottledException.class);
        }
    }

    @Test
    void aCounterCopiedFromAnotherHeaderDoesNotVerify() throws Exception {
        TestWallets.MutableClock clock = new TestWallets.MutableClock();
        try (Keystore ks = create(clock)) {
            ks.unlock(TestWallets.pw());
            ks.changePassword(TestWallets.pw(), "another password 1".toCharArray()); // new header, counter re-keyed
            ks.lock();
            ks.unlock("another password 1".toCharArray());
        }
        exec("UPDATE settings SET value = '" + "00".repeat(32) + "' WHERE key = 'unlock.mac'");
        try (Keystore ks = Keystore.open(dir.resolve("wallet.db"), TestWallets.POLICY, clock)) {
            assertThatThrownBy(() -> ks.unlock("another password 1".toCharArray())).isInstanceOf(KeystoreException.UnlockThrottledException.class);
        }
    }
}
