package dev.latchkey.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.WalletLocation;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.UnattendedWork;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.status.ManualTicker;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unlock without the FX toolkit, against a real keystore (and its persistent back-off). */
class UnlockViewModelTest {

    @TempDir Path dir;
    private WalletSession wallet;
    private final AtomicInteger unlocked = new AtomicInteger();
    private UnlockViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z"));
        Keystore.create(WalletLocation.walletFile(dir), TestWalletSessions.PASSWORD.toCharArray(),
                TestWalletSessions.CHEAP, TestWalletSessions.POLICY, clock).close();
        wallet = TestWalletSessions.session(dir, clock);
        wallet.open(dir);
        vm = new UnlockViewModel(wallet, TestWalletSessions.synchronous(), unlocked::incrementAndGet);
        vm.activate();
    }

    @AfterEach
    void tearDown() {
        wallet.close();
    }

    @Test
    void showsTheWalletAndNeedsAPassword() {
        assertThat(vm.walletPathProperty().get()).endsWith("wallet.db");
        assertThat(vm.canUnlockProperty().get()).isFalse();
        vm.onUnlock();
        assertThat(unlocked).hasValue(0);
    }

    @Test
    void wrongPasswordIsReportedAndClearedThenTheRightOneUnlocks() {
        vm.passwordProperty().set("not the password");
        vm.onUnlock();
        assertThat(vm.errorProperty().get()).startsWith("Wrong password");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(unlocked).hasValue(0);
        assertThat(wallet.isUnlocked()).isFalse();

        vm.passwordProperty().set(TestWalletSessions.PASSWORD);
        assertThat(vm.errorProperty().get()).as("typing again clears the error").isEmpty();
        vm.onUnlock();
        assertThat(unlocked).hasValue(1);
        assertThat(wallet.isUnlocked()).isTrue();
        assertThat(vm.unlockAction().isRunning()).isFalse();
    }

    @Test
    void repeatedFailuresShowTheKeystoreBackOffEvenForTheRightPassword() {
        for (int i = 0; i < 6; i++) {
            vm.passwordProperty().set("wrong " + i);
            vm.onUnlock();
        }
        assertThat(vm.errorProperty().get()).startsWith("Too many wrong passwords. Try again in");
        assertThat(vm.throttledProperty().get()).isTrue();
        vm.passwordProperty().set(TestWalletSessions.PASSWORD);
        assertThat(vm.errorProperty().get()).as("the back-off stays visible").isNotEmpty();
        vm.onUnlock();
        assertThat(vm.errorProperty().get()).startsWith("Too many wrong passwords");
        assertThat(unlocked).hasValue(0);
    }

    @Test
    void aRelaunchedAppOnTheDevnetStartsItWithProgressAfterTheUnlock() {
        java.util.List<String> steps = new java.util.ArrayList<>();
        java.util.List<String> shown = new java.util.ArrayList<>();
        vm.unlockAction().messageProperty().addListener((o, a, n) -> shown.add(n));
        UnlockViewModel relaunched = new UnlockViewModel(wallet, vm.unlockAction(), step -> {
            steps.add("start");
            step.accept("reusing the saved chain state and manifest");
        }, unlocked::incrementAndGet);
        relaunched.passwordProperty().set(TestWalletSessions.PASSWORD);
        relaunched.onUnlock();
        assertThat(steps).as("the wallet's network is the devnet (the default)").containsExactly("start");
        assertThat(shown).contains("Starting the local devnet", "Local devnet: reusing the saved chain state and manifest");
        assertThat(unlocked).hasValue(1);
    }

    @Test
    void aDevnetThatCannotStartIsSaidWithWhatToDoAndUnlockRetriesIt() {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        UnlockViewModel relaunched = new UnlockViewModel(wallet, vm.unlockAction(), step -> {
            if (attempts.incrementAndGet() == 1) throw new IllegalStateException("anvil is not installed");
        }, unlocked::incrementAndGet);
        relaunched.passwordProperty().set(TestWalletSessions.PASSWORD);
        relaunched.onUnlock();
        assertThat(relaunched.errorProperty().get()).startsWith("Unlocked, but the local devnet could not be started:")
                .contains("nvil is not installed").contains("Press Unlock to try again").contains("latchkey devnet up");
        assertThat(unlocked).hasValue(0);
        assertThat(wallet.isUnlocked()).isTrue();
        assertThat(relaunched.canUnlockProperty().get()).as("no password needed to retry").isTrue();
        relaunched.onUnlock();
        assertThat(attempts).hasValue(2);
        assertThat(unlocked).hasValue(1);
    }

    @Test
    void afterTheAutoLockWithRulesToRunTheScreenSaysWhatStillRunsAndStopAndLockEndsIt() throws Exception {
        Path other = dir.resolve("away");
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-11-24T10:00:00Z"));
        java.util.concurrent.atomic.AtomicInteger rules = new java.util.concurrent.atomic.AtomicInteger(3);
        try (WalletSession away = TestWalletSessions.session(other, now::get)) {
            away.create(other, TestWalletSessions.PASSWORD.toCharArray(), new dev.latchkey.ui.common.OwnerKeySource.Generate(), (f, m) -> { });
            away.keepRunningWhileAway(() -> new UnattendedWork.Report(rules.get(), true));
            away.setAutoLockTimeout(java.time.Duration.ofMinutes(1));
            now.set(now.get().plusSeconds(90));
            assertThat(away.checkAutoLock()).isTrue();

            ManualTicker ticker = new ManualTicker();
            UnlockViewModel screen = new UnlockViewModel(away, TestWalletSessions.synchronous(), step -> { }, unlocked::incrementAndGet,
                    ticker, FxExecutor.direct(), TestWalletSessions.synchronous());
            screen.activate();
            assertThat(screen.awayProperty().get()).isTrue();
            assertThat(screen.runningProperty().get()).isEqualTo("While locked: 3 rules active, signer running with session keys only."
                    + " The owner key is locked: new sessions, approvals and revocations need the password.");
            rules.set(1); // a stop-loss filled meanwhile
            ticker.tick();
            assertThat(screen.runningProperty().get()).startsWith("While locked: 1 rule active, signer running");

            screen.onStopAndLock();
            assertThat(away.keystore().isUnlocked()).as("the DEK is zeroed: nothing signs any more").isFalse();
            assertThat(screen.awayProperty().get()).isFalse();
            assertThat(screen.runningProperty().get()).startsWith("Nothing runs while the wallet is locked");
            screen.deactivate();
            assertThat(ticker.active()).isZero();
        }
    }

    @Test
    void aFullyLockedWalletSaysNothingRuns() {
        assertThat(vm.awayProperty().get()).isFalse();
        assertThat(vm.runningProperty().get()).startsWith("Nothing runs while the wallet is locked");
    }
}
