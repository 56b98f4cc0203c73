package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 09 keystore side: journal rows rebuilt from the chain, and the marker a backup copy carries. */
class ChainRebuildTest {

    static final String ACCOUNT = "0x1111111111111111111111111111111111111111";
    static final String TOKEN = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";

    @TempDir Path dir;
    Keystore ks;
    final byte[] pid = TablesTest.bytes(32, 7);
    final byte[] key = TablesTest.bytes(24, 3);

    @BeforeEach
    void setUp() throws Exception {
        ks = TestWallets.create(dir);
        String owner = ks.keys().createOwnerKey("owner").publicRef();
        ks.sessions().addAccount(new Sessions.Account(ACCOUNT, owner, "main"));
        SessionSigner signer = ks.keys().createSessionKey("s");
        ks.sessions().add(new SessionRecord(pid, ACCOUNT, signer.address(), TablesTest.bytes(32, 1), new byte[] {1}, TablesTest.bytes(32, 9),
                100, 200, SessionStatus.ENABLED, key, List.of(new SessionRecord.Chain(31337, "0x00000000008bDABA73cD9815d79069c247Eb4bDA", 0))));
        ks.sessions().setBudget(pid, TOKEN, BigInteger.valueOf(100), 2);
    }

    @AfterEach
    void tearDown() {
        ks.close();
    }

    private SignerJournal.Landed landed(int id, long seq, long amount) {
        return new SignerJournal.Landed(TablesTest.bytes(16, id), pid, 31337, ACCOUNT, key, seq, new byte[] {(byte) 0xe9},
                Map.of(TOKEN, BigInteger.valueOf(amount)), TablesTest.bytes(32, id), CallOutcome.SUCCEEDED, 12, Instant.ofEpochSecond(1_000));
    }

    @Test
    void aLandedOperationBecomesAFinalRowSpentInTheLedgerOnceEvenOverTheLocalCap() throws Exception {
        assertThat(ks.journal().recordLanded(landed(1, 0, 60), ActivityKind.SIGNER_RECONCILED, "rebuilt")).isTrue();
        // The chain already took it: the local cap (100) does not refuse what happened.
        assertThat(ks.journal().recordLanded(landed(2, 1, 60), ActivityKind.SIGNER_RECONCILED, "rebuilt")).isTrue();
        JournalEntry row = ks.journal().get(TablesTest.bytes(16, 1));
        assertThat(row.state()).isEqualTo(JournalState.FINAL);
        assertThat(row.callOutcome()).isEqualTo(CallOutcome.SUCCEEDED);
        assertThat(ks.journal().lastSequence(ACCOUNT, key)).isEqualTo(1);
        BudgetEntry line = ks.sessions().budget(pid).get(0);
        assertThat(line.spentFinal()).isEqualTo(BigInteger.valueOf(120));
        assertThat(line.usesFinal()).isEqualTo(2);
        assertThat(line.reserved()).isZero();
        // Written at the time it landed: the daily caps count it in its own day, not today.
        assertThat(ks.journal().amountSince(TOKEN, Instant.ofEpochSecond(999))).isEqualTo(BigInteger.valueOf(120));
        assertThat(ks.journal().amountSince(TOKEN, Instant.ofEpochSecond(1_001))).isZero();

        assertThat(ks.journal().recordLanded(landed(1, 5, 60), ActivityKind.SIGNER_RECONCILED, "again")).as("same intent").isFalse();
        assertThat(ks.journal().recordLanded(landed(3, 0, 60), ActivityKind.SIGNER_RECONCILED, "again")).as("sequence held").isFalse();
        assertThat(ks.sessions().budget(pid).get(0).spentFinal()).as("nothing counted twice").isEqualTo(BigInteger.valueOf(120));
        assertThat(ks.activity().recent(10)).filteredOn(e -> e.kind().code().equals("signer.reconciled")).hasSize(2);
    }

    @Test
    void aBackupCopyCarriesTheRestoreMarkerAndTheLiveWalletDoesNot() throws Exception {
        Path copy = dir.resolve("copy").resolve("wallet.db");
        ks.backupTo(copy);
        assertThat(ks.settings().get(Settings.BACKUP_MARKER)).isNull();
        try (Keystore restored = Keystore.open(copy, TestWallets.POLICY, java.time.Clock.systemUTC())) {
            assertThat(restored.settings().get(Settings.BACKUP_MARKER)).isNotNull();
            restored.settings().remove(Settings.BACKUP_MARKER);
            assertThat(restored.settings().get(Settings.BACKUP_MARKER)).isNull();
        }
    }
}
