package dev.latchkey.signer;

import static dev.latchkey.signer.SignerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.keystore.SessionRecord;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** N4 with the fake chain: the ledger follows the policy counters, with one activity row holding both values. */
class ReconciliationTest {

    @TempDir Path dir;
    SignerFixture f;
    SessionRecord s;

    @BeforeEach
    void setUp() throws Exception {
        f = new SignerFixture(dir);
        s = f.addSession();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    long reconciledRows() throws Exception {
        return f.keystore.activity().recent(100).stream().map(e -> e.kind().code()).filter("signer.reconciled"::equals).count();
    }

    @Test
    void ledgerThatAgreesWithTheChainIsLeftAlone() throws Exception {
        try (SignerService signer = f.service()) {
            signer.start();
            assertThat(signer.submit(f.pay(BOB, 4_000_000L)).get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Included.class);
            assertThat(signer.reconcile(s.permissionId()).get(10, TimeUnit.SECONDS)).isFalse();
        }
        assertThat(reconciledRows()).isZero();
        assertThat(f.usdcLine(s).spentFinal()).isEqualTo(BigInteger.valueOf(4_000_000L));
        assertThat(f.usdcLine(s).usesFinal()).isEqualTo(1);
    }

    @Test
    void chainAheadOfTheLedgerIsTheTruth_afterInclusionAndAtStart() throws Exception {
        try (SignerService signer = f.service()) {
            signer.start();
            assertThat(signer.submit(f.pay(BOB, 4_000_000L)).get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Included.class);
            // Spent on chain outside this ledger (e.g. an older backup of the wallet is in use): +6 USDC, one more use.
            UserOperation other = SignerFixture.build(s, CHAIN, NonceLane.of(s, SMART_SESSION).nonce(1), f.pay(BOB, 6_000_000L).callData());
            f.bundler.accepted.put(dev.latchkey.session.model.HexBytes.of(new byte[32]), other);
            // The idle lane may already be reconciling on its own; either way exactly one correction is made.
            signer.reconcile(s.permissionId()).get(10, TimeUnit.SECONDS);
            // A visible warning, not only a log line: the status bar reads it from the signer's state.
            assertThat(signer.state().warnings()).singleElement().asString().contains("the ledger disagreed with the chain")
                    .contains("spent ledger 4000000 chain 10000000");
        }
        assertThat(f.keystore.activity().recent(20)).anyMatch(e -> e.kind().code().equals("signer.mismatch"));
        assertThat(reconciledRows()).isEqualTo(1);
        assertThat(f.usdcLine(s).spentFinal()).isEqualTo(BigInteger.valueOf(10_000_000L));
        assertThat(f.usdcLine(s).usesFinal()).isEqualTo(2);
        assertThat(f.keystore.activity().recent(20)).anyMatch(e -> e.kind().code().equals("signer.reconciled")
                && e.detail().contains("spent ledger 4000000 chain 10000000") && e.detail().contains("uses ledger 1 chain 2"));

        // At start: the chain moved again while the signer was down; the first idle lane aligns the ledger.
        f.policies.extraSpent.put(Deps.hex(s.permissionId()), BigInteger.valueOf(1_000_000L));
        long before = reconciledRows();
        try (SignerService signer = f.service()) {
            signer.start();
            for (int i = 0; i < 200 && reconciledRows() == before; i++) Thread.sleep(25);
        }
        assertThat(reconciledRows()).isEqualTo(before + 1);
        assertThat(f.usdcLine(s).spentFinal()).isEqualTo(BigInteger.valueOf(11_000_000L));
    }

    @Test
    void chainBehindTheLedgerLowersIt() throws Exception {
        try (SignerService signer = f.service()) {
            signer.start();
            assertThat(signer.submit(f.pay(BOB, 4_000_000L)).get(10, TimeUnit.SECONDS)).isInstanceOf(Outcome.Included.class);
            f.bundler.accepted.clear(); // e.g. a reorg dropped it on a real chain; the counters say nothing was spent
            signer.reconcile(s.permissionId()).get(10, TimeUnit.SECONDS);
        }
        assertThat(f.usdcLine(s).spentFinal()).isZero();
        assertThat(f.usdcLine(s).usesFinal()).isZero();
        assertThat(f.usdcLine(s).capTotal()).isEqualTo(USDC_CAP);
    }
}
