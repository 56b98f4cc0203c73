package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void createdWalletIsUnlockedAndReopensLocked() throws Exception {
        try (Keystore ks = TestWallets.create(dir)) {
            assertThat(ks.isUnlocked()).isTrue();
            assertThat(ks.kdfParams()).isEqualTo(TestWallets.SMALL);
            assertThat(ks.integrityCheck()).isEqualTo("ok");
        }
        try (Keystore ks = TestWallets.open(dir)) {
            assertThat(ks.isUnlocked()).isFalse();
            assertThatThrownBy(() -> ks.keys().createOwnerKey("x")).isInstanceOf(KeystoreException.LockedException.class);
            ks.unlock(TestWallets.pw());
            assertThat(ks.isUnlocked()).isTrue();
            ks.lock();
            assertThat(ks.isUnlocked()).isFalse();
        }
    }

    @Test
    void passwordArraysAreWiped() throws Exception {
        char[] password = TestWallets.pw();
        try (Keystore ks = Keystore.create(dir.resolve("wallet.db"), password, TestWallets.SMALL, TestWallets.POLICY, java.time.Clock.systemUTC())) {
            assertThat(password).containsOnly('\0');
            char[] again = TestWallets.pw();
            ks.lock();
            ks.unlock(again);
            assertThat(again).containsOnly('\0');
        }
    }

    @Test
    void refusesToCreateOverAnExistingWallet() throws Exception {
        TestWallets.create(dir).close();
        assertThatThrownBy(() -> TestWallets.create(dir))
                .isInstanceOf(KeystoreException.InvalidInputException.class).hasMessageContaining("already exists");
    }

    @Test
    void wrongPasswordIsItsOwnError() throws Exception {
        TestWallets.create(dir).close();
        try (Keystore ks = TestWallets.open(dir)) {
            assertThatThrownBy(() -> ks.unlock("wrong".toCharArray())).isInstanceOf(KeystoreException.WrongPasswordException.class);
            assertThat(ks.isUnlocked()).isFalse();
        }
    }

    @Test
    void passwordsAreNfkdNormalised() throws Exception {
        // "é" precomposed (U+00E9) versus e + combining acute (U+0065 U+0301): the same password after NFKD.
        Keystore.create(dir.resolve("wallet.db"), "caf\u00e9-pass".toCharArray(), TestWallets.SMALL, TestWallets.POLICY,
                java.time.Clock.systemUTC()).close();
        try (Keystore ks = TestWallets.open(dir)) {
            ks.unlock("cafe\u0301-pass".toCharArray());
            assertThat(ks.isUnlocked()).isTrue();
        }
    }

    @Test
    void tamperedHeaderIsToldApartFromAWrongPassword() throws Exception {
        TestWallets.create(dir).close();
        exec("UPDATE keystore_meta SET kdf_salt = zeroblob(16)");
        try (Keystore ks = TestWallets.open(dir)) {
            assertThatThrownBy(() -> ks.unlock(TestWallets.pw())).isInstanceOf(KeystoreException.TamperedHeaderException.class);
        }
    }

    @Test
    void headerEditedWithARecomputedChecksumStillNeverUnlocks() throws Exception {
        TestWallets.create(dir).close();
        Header original;
        try (Connection c = TestWallets.raw(dir)) {
            original = Header.read(c);
            Header forged = Header.sealed(original.kdfId(), original.kdfParams(), new byte[16], original.kekVersion(),
                    original.dekVersion(), original.wrapNonce(), original.wrappedDek());
            forged.write(c, 0);
        }
        try (Keystore ks = TestWallets.open(dir)) {
            // The forged header also re-keys the attempt counter, which is noticed first; either way it never unlocks.
            assertThatThrownBy(() -> ks.unlock(TestWallets.pw()))
                    .isInstanceOfAny(KeystoreException.WrongPasswordException.class, KeystoreException.UnlockThrottledException.class);
            assertThat(ks.isUnlocked()).isFalse();
        }
    }

    @Test
    void unknownFormatVersionIsUnsupported() throws Exception {
        TestWallets.create(dir).close();
        exec("UPDATE keystore_meta SET format_version = 9");
        assertThatThrownBy(() -> TestWallets.open(dir)).isInstanceOf(KeystoreException.UnsupportedFormatException.class)
                .hasMessageContaining("9");
    }

    @Test
    void aFileDemanding64GiBIsRefusedInstantly() throws Exception {
        TestWallets.create(dir).close();
        exec("UPDATE keystore_meta SET kdf_m_kib = " + (64L * 1024 * 1024));
        try (Keystore ks = TestWallets.open(dir)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> ks.unlock(TestWallets.pw())).isInstanceOf(KeystoreException.RejectedKdfParamsException.class)
                    .hasMessageContaining("above the accepted maximum");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
        }
    }

    @Test
    void aDowngradedFileIsRefused() throws Exception {
        TestWallets.create(dir).close();
        try (Keystore ks = Keystore.open(dir.resolve("wallet.db"), KdfPolicy.standard(), java.time.Clock.systemUTC())) {
            assertThatThrownBy(() -> ks.unlock(TestWallets.pw())).isInstanceOf(KeystoreException.RejectedKdfParamsException.class)
                    .hasMessageContaining("below the accepted minimum");
        }
    }

    @Test
    void passwordChangeRewrapsAndKeepsTheKeys() throws Exception {
        String address;
        try (Keystore ks = TestWallets.create(dir)) {
            address = ks.keys().createOwnerKey("main").publicRef();
            ks.changePassword(TestWallets.pw(), "new password".toCharArray());
        }
        try (Keystore ks = TestWallets.open(dir)) {
            assertThatThrownBy(() -> ks.unlock(TestWallets.pw())).isInstanceOf(KeystoreException.WrongPasswordException.class);
            ks.unlock("new password".toCharArray());
            assertThat(ks.keys().signHashWithOwner(address, new byte[32])).hasSize(65);
        }
    }

    @Test
    void changePasswordWithTheWrongOldPasswordChangesNothing() throws Exception {
        try (Keystore ks = TestWallets.create(dir)) {
            assertThatThrownBy(() -> ks.changePassword("nope".toCharArray(), "x".toCharArray()))
                    .isInstanceOf(KeystoreException.WrongPasswordException.class);
        }
        try (Keystore ks = TestWallets.open(dir)) {
            ks.unlock(TestWallets.pw());
        }
    }

    @Test
    void kdfIsUpgradedOnUnlockWhenBelowTheTarget() throws Exception {
        TestWallets.create(dir).close();
        KdfPolicy stronger = new KdfPolicy(TestWallets.SMALL_UPGRADED, TestWallets.SMALL, KdfParams.CEILING);
        try (Keystore ks = Keystore.open(dir.resolve("wallet.db"), stronger, java.time.Clock.systemUTC())) {
            ks.unlock(TestWallets.pw());
            assertThat(ks.kdfParams()).isEqualTo(TestWallets.SMALL_UPGRADED);
        }
        try (Keystore ks = TestWallets.open(dir)) {
            ks.unlock(TestWallets.pw());
            assertThat(ks.kdfParams()).as("never downgraded").isEqualTo(TestWallets.SMALL_UPGRADED);
            assertThat(ks.activity().recent(20)).extracting(e -> e.kind().code()).contains("KDF_UPGRADE");
        }
    }

    @Test
    void failedUnlockBackOffSurvivesARestart() throws Exception {
        TestWallets.MutableClock clock = new TestWallets.MutableClock();
        Keystore.create(dir.resolve("wallet.db"), TestWallets.pw(), TestWallets.SMALL, TestWallets.POLICY, clock).close();
        try (Keystore ks = Keystore.open(dir.resolve("wallet.db"), TestWallets.POLICY, clock)) {
            for (int i = 0; i < UnlockBackoff.FREE_ATTEMPTS; i++) {
                assertThatThrownBy(() -> ks.unlock("bad".toCharArray())).isInstanceOf(KeystoreException.WrongPasswordException.class);
            }
        }
        try (Keystore ks = Keystore.open(dir.resolve("wallet.db"), TestWallets.POLICY, clock)) {
            assertThatThrownBy(() -> ks.unlock(TestWallets.pw())).isInstanceOf(KeystoreException.UnlockThrottledException.class);
            clock.advance(Duration.ofSeconds(2));
            ks.unlock(TestWallets.pw());
            ks.lock();
            assertThatThrownBy(() -> ks.unlock("bad".toCharArray())).isInstanceOf(KeystoreException.WrongPasswordException.class);
            ks.unlock(TestWallets.pw()); // counter was reset by the success
        }
    }

    @Test
    void secondOpenOfTheSameWalletIsAClearError() throws Exception {
        try (Keystore ks = TestWallets.create(dir)) {
            assertThatThrownBy(() -> TestWallets.open(dir)).isInstanceOf(KeystoreException.AlreadyOpenException.class)
                    .hasMessageContaining("already open");
            assertThat(ks.integrityCheck()).isEqualTo("ok");
        }
        TestWallets.open(dir).close();
    }

    @Test
    void idleAutoLockZeroesTheKey() throws Exception {
        TestWallets.MutableClock clock = new TestWallets.MutableClock();
        try (Keystore ks = Keystore.create(dir.resolve("wallet.db"), TestWallets.pw(), TestWallets.SMALL, TestWallets.POLICY, clock);
             AutoLock autoLock = new AutoLock(ks, AutoLock.configuredTimeout(ks), clock)) {
            assertThat(AutoLock.configuredTimeout(ks)).isEqualTo(Duration.ofMinutes(15));
            clock.advance(Duration.ofMinutes(14));
            assertThat(autoLock.check()).isFalse();
            ks.keys().createOwnerKey("activity");
            clock.advance(Duration.ofMinutes(14));
            assertThat(autoLock.check()).isFalse();
            clock.advance(Duration.ofMinutes(1));
            assertThat(autoLock.check()).isTrue();
            assertThat(ks.isUnlocked()).isFalse();
            assertThat(ks.activity().recent(1).get(0).kind().code()).isEqualTo("LOCK");
        }
    }

    @Test
    void lockOnExitRegistersAHookThatLocks() throws Exception {
        try (Keystore ks = TestWallets.create(dir)) {
            Thread hook = ks.lockOnExit();
            assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isTrue();
            hook.run();
            assertThat(ks.isUnlocked()).isFalse();
        }
    }

    @Test
    void onlineBackupOpensWithTheSamePassword() throws Exception {
        String address;
        try (Keystore ks = TestWallets.create(dir)) {
            address = ks.keys().createOwnerKey("main").publicRef();
            ks.backupTo(dir.resolve("backup").resolve("wallet.db"));
            assertThatThrownBy(() -> ks.backupTo(dir.resolve("backup").resolve("wallet.db")))
                    .isInstanceOf(KeystoreException.InvalidInputException.class).hasMessageContaining("already exists");
        }
        try (Keystore copy = TestWallets.open(dir.resolve("backup"))) {
            copy.unlock(TestWallets.pw());
            assertThat(copy.keys().ownerKeys()).extracting(SecretInfo::publicRef).containsExactly(address);
            assertThat(copy.integrityCheck()).isEqualTo("ok");
        }
    }

    private void exec(String sql) throws Exception {
        try (Connection c = TestWallets.raw(dir); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
