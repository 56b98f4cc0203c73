package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.aa.userop.UserOpHash;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto-lock is the person's idle timer: session-key signing never keeps the wallet open (issue 11). */
class PersonIdleTimerTest {

    @TempDir Path dir;

    @Test
    void signingWithSessionKeysDoesNotRestartTheIdleTimer() throws Exception {
        TestWallets.MutableClock clock = new TestWallets.MutableClock();
        try (Keystore ks = Keystore.create(dir.resolve("wallet.db"), TestWallets.pw(), TestWallets.SMALL, TestWallets.POLICY, clock);
             AutoLock autoLock = new AutoLock(ks, Duration.ofMinutes(15), clock)) {
            SessionSigner session = ks.keys().createSessionKey("s");
            for (int minute = 0; minute < 15; minute++) {
                clock.advance(Duration.ofMinutes(1));
                session.signUserOp(SessionKeySigningTest.op(minute), UserOpHash.ENTRY_POINT_V07, BigInteger.ONE); // the signer at work
            }
            assertThat(autoLock.check()).as("15 idle minutes of the person, whatever the signer did").isTrue();
            assertThat(ks.isUnlocked()).isFalse();
        }
    }

    @Test
    void theOwnerKeysModeLocksOwnerKeysAndLetsSessionKeysSign() throws Exception {
        TestWallets.MutableClock clock = new TestWallets.MutableClock();
        try (Keystore ks = Keystore.create(dir.resolve("wallet.db"), TestWallets.pw(), TestWallets.SMALL, TestWallets.POLICY, clock);
             AutoLock autoLock = new AutoLock(ks, Duration.ofMinutes(15), clock, AutoLock.Mode.OWNER_KEYS)) {
            String owner = ks.keys().createOwnerKey("main").publicRef();
            SessionSigner session = ks.keys().createSessionKey("s");
            clock.advance(Duration.ofMinutes(10));
            autoLock.recordActivity(); // a key press in a front end
            clock.advance(Duration.ofMinutes(14));
            assertThat(autoLock.check()).isFalse();
            clock.advance(Duration.ofMinutes(1));
            assertThat(autoLock.check()).isTrue();

            assertThat(ks.isUnlocked()).as("the DEK stays for unattended signing").isTrue();
            assertThatThrownBy(() -> ks.keys().signHashWithOwner(owner, new byte[32])).isInstanceOf(KeystoreException.LockedException.class)
                    .hasMessageContaining("enter the wallet password again");
            assertThatThrownBy(() -> ks.keys().createOwnerKey("another")).isInstanceOf(KeystoreException.LockedException.class);
            assertThat(session.signUserOp(SessionKeySigningTest.op(1), UserOpHash.ENTRY_POINT_V07, BigInteger.ONE).signature().length()).isEqualTo(65);
            assertThat(ks.activity().recent(3)).extracting(e -> e.kind().code()).contains("OWNER_KEYS_LOCKED");
            assertThat(autoLock.check()).as("already locked").isFalse();

            ks.unlock(TestWallets.pw());
            assertThat(ks.keys().signHashWithOwner(owner, new byte[32])).hasSize(65);
        }
    }
}
