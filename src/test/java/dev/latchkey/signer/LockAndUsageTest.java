package dev.latchkey.signer;

import static dev.latchkey.signer.SignerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.SessionRecord;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R15 (no signature while locked; the reservation waits for the next start) and BI-08 (one use left, two intents). */
class LockAndUsageTest {

    @TempDir Path dir;
    SignerFixture f;
    SessionRecord session;

    @BeforeEach
    void setUp() throws Exception {
        f = new SignerFixture(dir);
        session = f.addSession();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void lockedVaultSignsNothingAndTheRowResumesAfterUnlock() throws Exception {
        SignerIntent intent = f.pay(BOB, 1_000_000L);
        try (SignerService signer = f.service()) {
            signer.start();
            f.keystore.lock();
            Outcome o = signer.submit(intent).get(10, TimeUnit.SECONDS);
            assertThat(o).isInstanceOf(Outcome.Failed.class);
        }
        assertThat(f.bundler.sends).isEmpty();
        assertThat(f.keystore.journal().get(intent.id()).state()).isEqualTo(JournalState.RESERVED);
        assertThat(f.keystore.journal().get(intent.id()).userOpHash()).isNull();

        f.keystore.unlock("pw".toCharArray());
        try (SignerService signer = f.service()) {
            List<CompletableFuture<Outcome>> resumed = signer.start();
            assertThat(resumed).hasSize(1);
            assertThat(resumed.get(0).get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Included.class);
        }
        assertThat(f.keystore.journal().get(intent.id()).state()).isEqualTo(JournalState.FINAL);
        assertThat(f.bundler.sends).hasSize(1);
    }

    @Test
    void oneUseLeftAndTwoIntents_exactlyOneIsSigned() throws Exception {
        f.keystore.sessions().setBudget(session.permissionId(), USDC.hex(), USDC_CAP, 1);
        try (SignerService signer = f.service()) {
            signer.start();
            CompletableFuture<Outcome> a = signer.submit(f.pay(BOB, 1_000_000L));
            CompletableFuture<Outcome> b = signer.submit(f.pay(BOB, 1_000_000L));
            List<Outcome> both = List.of(a.get(10, TimeUnit.SECONDS), b.get(10, TimeUnit.SECONDS));
            assertThat(both).filteredOn(o -> o instanceof Outcome.Included).hasSize(1);
            assertThat(both).filteredOn(o -> o instanceof Outcome.Refused r && r.reason().equals("budget")).hasSize(1);
        }
        assertThat(f.bundler.sends).hasSize(1);
        assertThat(f.usdcLine(session).usesFinal()).isEqualTo(1);
        assertThat(f.usdcLine(session).spentFinal()).isEqualTo(BigInteger.valueOf(1_000_000L));
    }
}
