package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {

    static final String ACCOUNT = "0x1111111111111111111111111111111111111111";
    static final String SMART_SESSION = "0x00000000008bDABA73cD9815d79069c247Eb4bDA";
    static final String NATIVE = "0x0000000000000000000000000000000000000000";

    @TempDir
    Path dir;
    Keystore ks;
    byte[] permissionId;
    SessionSigner signer;

    @BeforeEach
    void setUp() throws Exception {
        ks = TestWallets.create(dir);
        String owner = ks.keys().createOwnerKey("owner").publicRef();
        ks.sessions().addAccount(new Sessions.Account(ACCOUNT, owner, "main"));
        signer = ks.keys().createSessionKey("s");
        permissionId = bytes(32, 7);
        ks.sessions().add(session(permissionId, bytes(32, 1)));
    }

    @AfterEach
    void tearDown() {
        ks.close();
    }

    static byte[] bytes(int n, int fill) {
        byte[] out = new byte[n];
        java.util.Arrays.fill(out, (byte) fill);
        return out;
    }

    SessionRecord session(byte[] id, byte[] salt) {
        return new SessionRecord(id, ACCOUNT, signer.address(), salt, new byte[] {1, 2, 3, 4, 5}, bytes(32, 9), 100, 200,
                SessionStatus.PENDING_ENABLE, bytes(24, 3), List.of(new SessionRecord.Chain(8453, SMART_SESSION, 0),
                new SessionRecord.Chain(1, SMART_SESSION, 2)));
    }

    @Test
    void sessionKeepsTheExactSignedBytes() throws Exception {
        SessionRecord stored = ks.sessions().get(permissionId);
        assertThat(stored.sessionStruct()).containsExactly(1, 2, 3, 4, 5);
        assertThat(stored.chains()).extracting(SessionRecord.Chain::chainId).containsExactly(1L, 8453L);
        assertThat(stored.sessionKeyAddress()).isEqualTo(signer.address());
        ks.sessions().setStatus(permissionId, SessionStatus.ENABLED);
        assertThat(ks.sessions().get(permissionId).status()).isEqualTo(SessionStatus.ENABLED);
        assertThatThrownBy(() -> ks.sessions().add(session(bytes(32, 8), bytes(32, 1))))
                .isInstanceOf(KeystoreException.InvalidInputException.class).hasMessageContaining("clashes"); // salt reused
    }

    @Test
    void ledgerReservesAndSettlesWithoutOverspending() throws Exception {
        ks.sessions().setBudget(permissionId, NATIVE, BigInteger.valueOf(100), 2);
        SignerJournal journal = ks.journal();
        journal.reserve(intent(1, 0, 60));
        assertThatThrownBy(() -> journal.reserve(intent(2, 1, 50))).isInstanceOf(KeystoreException.BudgetExceededException.class);
        assertThat(ks.sessions().budget(permissionId).get(0).reserved()).isEqualTo(BigInteger.valueOf(60));
        journal.markSigned(id(1), bytes(32, 5));
        journal.move(id(1), JournalState.SIGNED, JournalState.SUBMITTED, null, null, null, null);
        journal.move(id(1), JournalState.SUBMITTED, JournalState.INCLUDED, null, null, 10L, bytes(32, 6));
        journal.move(id(1), JournalState.INCLUDED, JournalState.FINAL, null, null, 10L, bytes(32, 6));
        BudgetEntry line = ks.sessions().budget(permissionId).get(0);
        assertThat(line.spentFinal()).isEqualTo(BigInteger.valueOf(60));
        assertThat(line.reserved()).isZero();
        assertThat(line.usesFinal()).isEqualTo(1);
        journal.reserve(intent(3, 1, 40));
        assertThatThrownBy(() -> journal.reserve(intent(4, 2, 0))).hasMessageContaining("no uses left");
    }

    @Test
    void twoIntentsCanNeverShareANonce() throws Exception {
        ks.sessions().setBudget(permissionId, NATIVE, BigInteger.valueOf(1000), 10);
        ks.journal().reserve(intent(1, 0, 1));
        assertThatThrownBy(() -> ks.journal().reserve(intent(2, 0, 1))).isInstanceOf(KeystoreException.InvalidInputException.class)
                .hasMessageContaining("clashes");
        assertThat(ks.sessions().budget(permissionId).get(0).reserved()).as("rolled back").isEqualTo(BigInteger.ONE);
        assertThat(ks.journal().lastSequence(ACCOUNT, bytes(24, 3))).isZero();

        // A FAILED row released its sequence (the chain proved it unused): the next intent takes it, once.
        ks.journal().move(id(1), JournalState.RESERVED, JournalState.FAILED, null, "AA23", null, null);
        assertThat(ks.journal().lastSequence(ACCOUNT, bytes(24, 3))).isEqualTo(-1);
        ks.journal().reserve(intent(3, 0, 1));
        assertThatThrownBy(() -> ks.journal().reserve(intent(4, 0, 1))).isInstanceOf(KeystoreException.InvalidInputException.class)
                .hasMessageContaining("clashes");
        assertThat(ks.journal().lastSequence(ACCOUNT, bytes(24, 3))).isZero();
    }

    @Test
    void journalRefusesIllegalMovesAndStaleStates() throws Exception {
        ks.sessions().setBudget(permissionId, NATIVE, BigInteger.valueOf(1000), 10);
        ks.journal().reserve(intent(1, 0, 1));
        assertThatThrownBy(() -> ks.journal().move(id(1), JournalState.RESERVED, JournalState.FINAL, null, null, null, null))
                .isInstanceOf(KeystoreException.JournalConflictException.class).hasMessageContaining("not allowed");
        assertThatThrownBy(() -> ks.journal().move(id(1), JournalState.SIGNED, JournalState.SUBMITTED, null, null, null, null))
                .hasMessageContaining("not in state SIGNED");
        ks.journal().move(id(1), JournalState.RESERVED, JournalState.CANCELLED, null, "user cancel", null, null);
        assertThat(ks.sessions().budget(permissionId).get(0).reserved()).isZero();
        assertThat(ks.journal().open()).isEmpty();
        assertThat(JournalState.FINAL.isTerminal()).isTrue();
        assertThat(JournalState.INCLUDED.canMoveTo(JournalState.SUBMITTED)).as("reorg").isTrue();
    }

    @Test
    void journalRecordsTheIncludedCallsOutcomeWithTheMove() throws Exception {
        ks.sessions().setBudget(permissionId, NATIVE, BigInteger.valueOf(1000), 10);
        SignerJournal j = ks.journal();
        j.reserve(intent(1, 0, 1));
        j.markSigned(id(1), bytes(32, 5));
        j.move(id(1), JournalState.SIGNED, JournalState.SUBMITTED, null, null, null, null);
        assertThat(j.get(id(1)).callOutcome()).isEqualTo(CallOutcome.UNKNOWN);
        assertThatThrownBy(() -> j.recordInclusion(id(1), JournalState.SUBMITTED, JournalState.FAILED, CallOutcome.REVERTED))
                .isInstanceOf(KeystoreException.InvalidInputException.class);
        assertThatThrownBy(() -> j.recordInclusion(id(1), JournalState.SUBMITTED, JournalState.INCLUDED, CallOutcome.UNKNOWN))
                .isInstanceOf(KeystoreException.InvalidInputException.class);
        assertThat(j.get(id(1)).state()).as("a refused record moves nothing").isEqualTo(JournalState.SUBMITTED);
        j.recordInclusion(id(1), JournalState.SUBMITTED, JournalState.INCLUDED, CallOutcome.SUCCEEDED);
        // a reorg drops it back and it lands again with another result: the new inclusion's outcome wins
        j.move(id(1), JournalState.INCLUDED, JournalState.SUBMITTED, null, null, null, null);
        assertThat(j.get(id(1)).callOutcome()).as("plain moves leave it").isEqualTo(CallOutcome.SUCCEEDED);
        j.recordInclusion(id(1), JournalState.SUBMITTED, JournalState.INCLUDED, CallOutcome.REVERTED);
        // FINAL keeps what the inclusion recorded
        JournalEntry fin = j.recordInclusion(id(1), JournalState.INCLUDED, JournalState.FINAL, CallOutcome.SUCCEEDED);
        assertThat(fin.state()).isEqualTo(JournalState.FINAL);
        assertThat(fin.callOutcome()).isEqualTo(CallOutcome.REVERTED);
        assertThat(ks.sessions().budget(permissionId).get(0).spentFinal()).as("a reverted call still spent its reservation")
                .isEqualTo(BigInteger.ONE);
    }

    @Test
    void activityLogIsAppendOnly() throws Exception {
        ks.activity().append(ActivityKind.BACKUP_WRITTEN, "subject", "detail");
        assertThat(ks.activity().recent(100)).extracting(e -> e.kind().code()).contains("CREATE", "SESSION_ADDED", "BACKUP");
        assertThatThrownBy(() -> ks.activity().append(ActivityKind.OTHER, "subject", "detail")).as("no row of an unknown kind")
                .isInstanceOf(KeystoreException.InvalidInputException.class);
        assertThatThrownBy(() -> ks.database().transaction(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("UPDATE activity_log SET detail = 'x'");
            }
        })).hasMessageContaining("append-only");
        assertThatThrownBy(() -> ks.database().transaction(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM activity_log");
            }
        })).hasMessageContaining("append-only");
    }

    @Test
    void settingsAndAddressBook() throws Exception {
        ks.settings().put(Settings.AUTO_LOCK_MINUTES, "5");
        assertThat(AutoLock.configuredTimeout(ks)).hasMinutes(5);
        ks.addressBook().put("0x52908400098527886e0f7030069857d2e4169ee7", "upper", "");
        assertThat(ks.addressBook().all().get(0).address()).isEqualTo("0x52908400098527886E0F7030069857D2E4169EE7");
        assertThatThrownBy(() -> ks.addressBook().put("0x52908400098527886E0F7030069857D2E4169Ee7", "bad", ""))
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> ks.addressBook().put("0x1234", "short", "")).hasMessageContaining("not an address");
        assertThat(ks.addressBook().remove("0x52908400098527886E0F7030069857D2E4169EE7")).isTrue();
    }

    private static byte[] id(int n) {
        return bytes(16, n);
    }

    private SignerJournal.Intent intent(int id, long seq, long amount) {
        return new SignerJournal.Intent(id(id), permissionId, 8453, ACCOUNT, bytes(24, 3), seq, new byte[] {(byte) 0xe9},
                Map.of(NATIVE, BigInteger.valueOf(amount)));
    }
}
