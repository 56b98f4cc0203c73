package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CR-01: a child JVM rewrites the header (password change, KDF upgrade) in a loop and is SIGKILLed at random
 * moments; afterwards the file must pass integrity_check and open with exactly one of the old/new passwords, and the
 * owner key must still derive its address.
 */
class CrashSafetyTest {

    static final int KILLS = 50;

    @TempDir
    Path dir;

    /** A running child and its standard output (after READY). */
    record Child(Process process, BufferedReader out) { }

    static Process launch(String mode, Path dir) throws Exception {
        return start(mode, dir).process();
    }

    static Child start(String mode, Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-XX:-UsePerfData",
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), mode, dir.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("child reported ready").isEqualTo("READY");
        return new Child(process, out);
    }

    @Test
    void passwordChangeAndKdfUpgradeSurviveSigkill() throws Exception {
        String owner;
        try (Keystore ks = Keystore.create(dir.resolve("wallet.db"), CrashChild.A.toCharArray(), TestWallets.SMALL,
                TestWallets.POLICY, Clock.systemUTC())) {
            owner = ks.keys().createOwnerKey("owner").publicRef();
        }
        Random random = new Random(20260101L);
        int opensWithB = 0;
        for (int i = 0; i < KILLS; i++) {
            String mode = i % 2 == 0 ? "change-password" : "kdf-upgrade";
            if (mode.equals("kdf-upgrade") && !opensWith(CrashChild.A)) {
                resetToA();
            }
            Child started = start(mode, dir);
            Process child = started.process();
            if (i % 4 == 0) {
                // every other password change is killed only after its first commit: on a loaded machine a purely
                // timed kill may never get past unlock
                assertThat(started.out().readLine()).isEqualTo("CHANGED");
            }
            Thread.sleep(random.nextInt(120));
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

            try (Keystore ks = Keystore.open(dir.resolve("wallet.db"), TestWallets.POLICY, Clock.systemUTC())) {
                assertThat(ks.integrityCheck()).as("integrity after kill %d", i).isEqualTo("ok");
                boolean a = tryUnlock(ks, CrashChild.A);
                boolean b = !a && tryUnlock(ks, CrashChild.B);
                assertThat(a || b).as("kill %d: opens with the old or the new password", i).isTrue();
                opensWithB += b ? 1 : 0;
                assertThat(ks.keys().signHashWithOwner(owner, new byte[32])).hasSize(65);
                assertThat(ks.kdfParams()).isIn(TestWallets.SMALL, TestWallets.SMALL_UPGRADED);
            }
        }
        assertThat(opensWithB).as("some kills landed after a committed change").isPositive();
    }

    @Test
    void aSecondProcessGetsAlreadyOpen() throws Exception {
        TestWallets.create(dir).close();
        Process holder = launch("hold", dir);
        try {
            assertThatThrownBy(() -> TestWallets.open(dir)).isInstanceOf(KeystoreException.AlreadyOpenException.class)
                    .hasMessageContaining("already open");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        try (Keystore ks = TestWallets.open(dir)) {
            assertThat(ks.integrityCheck()).isEqualTo("ok");
            ks.unlock(TestWallets.pw());
        }
    }

    private boolean opensWith(String password) throws Exception {
        try (Keystore ks = Keystore.open(dir.resolve("wallet.db"), TestWallets.POLICY, Clock.systemUTC())) {
            return tryUnlock(ks, password);
        }
    }

    private void resetToA() throws Exception {
        try (Keystore ks = Keystore.open(dir.resolve("wallet.db"), TestWallets.POLICY, Clock.systemUTC())) {
            ks.changePassword(CrashChild.B.toCharArray(), CrashChild.A.toCharArray());
        }
    }

    private static boolean tryUnlock(Keystore ks, String password) throws KeystoreException {
        try {
            ks.unlock(password.toCharArray());
            return true;
        } catch (KeystoreException.WrongPasswordException e) {
            return false;
        }
    }
}
