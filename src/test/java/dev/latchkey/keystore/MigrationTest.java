package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each migration runs against a file of the previous version that holds data. */
class MigrationTest {

    @TempDir
    Path dir;

    @Test
    void version1FileMigratesToVersion2KeepingItsSecrets() throws Exception {
        String owner;
        try (Keystore ks = TestWallets.create(dir)) {
            owner = ks.keys().createOwnerKey("v1 key").publicRef();
        }
        // Rebuild the same content as a genuine v1 file: drop the v2 to v5 objects and stamp user_version 1.
        try (Connection c = TestWallets.raw(dir); Statement st = c.createStatement()) {
            st.execute("DROP TABLE automation_evaluation");
            st.execute("DROP TABLE automation_firing");
            st.execute("DROP TABLE automation_rule");
            st.execute("DROP TABLE address_book");
            st.execute("ALTER TABLE secret DROP COLUMN quarantined");
            st.execute("ALTER TABLE session DROP COLUMN approved_at");
            st.execute("ALTER TABLE session_chain DROP COLUMN enabled_at");
            st.execute("ALTER TABLE userop_journal DROP COLUMN call_succeeded");
            st.execute("ALTER TABLE userop_journal DROP COLUMN unsigned_op");
            dropActivityFields(st);
            st.execute("PRAGMA user_version = 1");
        }
        try (Keystore ks = TestWallets.open(dir)) {
            assertThat(ks.database().schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
            ks.unlock(TestWallets.pw());
            assertThat(ks.keys().signHashWithOwner(owner, new byte[32])).hasSize(65);
            ks.addressBook().put(owner, "me", "");
            assertThat(ks.addressBook().all()).hasSize(1);
            assertThat(ks.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void freshVersion1SchemaIsWhatMigration1Builds() throws Exception {
        try (Database db = Database.open(dir.resolve("wallet.db"), 1)) {
            assertThat(db.schemaVersion()).isEqualTo(1);
            assertThat((boolean) db.read(c -> c.getMetaData().getTables(null, null, "address_book", null).next())).isFalse();
        }
        try (Database db = Database.open(dir.resolve("wallet.db"), Database.SCHEMA_VERSION)) {
            assertThat(db.schemaVersion()).isEqualTo(8);
            assertThat((boolean) db.read(c -> c.getMetaData().getColumns(null, null, "userop_journal", "unsigned_op").next())).isTrue();
            assertThat((boolean) db.read(c -> c.getMetaData().getColumns(null, null, "userop_journal", "call_succeeded").next())).isTrue();
            assertThat((boolean) db.read(c -> c.getMetaData().getTables(null, null, "address_book", null).next())).isTrue();
            assertThat((boolean) db.read(c -> c.getMetaData().getTables(null, null, "automation_rule", null).next())).isTrue();
            assertThat((boolean) db.read(c -> c.getMetaData().getColumns(null, null, "session", "approved_at").next())).isTrue();
            assertThat((boolean) db.read(c -> c.getMetaData().getColumns(null, null, "session_chain", "enabled_at").next())).isTrue();
        }
    }

    @Test
    void version2FileWithASessionMigratesToTheLatest_notApprovedNotEnabled() throws Exception {
        byte[] pid = TablesTest.bytes(32, 7);
        try (Keystore ks = TestWallets.create(dir)) {
            String owner = ks.keys().createOwnerKey("owner").publicRef();
            ks.sessions().addAccount(new Sessions.Account(TablesTest.ACCOUNT, owner, "main"));
            SessionSigner signer = ks.keys().createSessionKey("s");
            ks.sessions().add(new SessionRecord(pid, TablesTest.ACCOUNT, signer.address(), TablesTest.bytes(32, 1), new byte[] {1},
                    TablesTest.bytes(32, 9), 100, 200, SessionStatus.ENABLED, TablesTest.bytes(24, 3),
                    java.util.List.of(new SessionRecord.Chain(8453, TablesTest.SMART_SESSION, 4))));
        }
        try (Connection c = TestWallets.raw(dir); Statement st = c.createStatement()) {
            st.execute("DROP TABLE automation_evaluation");
            st.execute("DROP TABLE automation_firing");
            st.execute("DROP TABLE automation_rule");
            st.execute("ALTER TABLE session DROP COLUMN approved_at");
            st.execute("ALTER TABLE session_chain DROP COLUMN enabled_at");
            st.execute("ALTER TABLE userop_journal DROP COLUMN call_succeeded");
            st.execute("ALTER TABLE userop_journal DROP COLUMN unsigned_op");
            dropActivityFields(st);
            st.execute("PRAGMA user_version = 2");
        }
        try (Keystore ks = TestWallets.open(dir)) {
            assertThat(ks.database().schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
            SessionRecord s = ks.sessions().get(pid);
            assertThat(s.status()).isEqualTo(SessionStatus.ENABLED);
            assertThat(s.approved()).isFalse();
            assertThat(s.chains()).containsExactly(new SessionRecord.Chain(8453, TablesTest.SMART_SESSION, 4, false));
            ks.unlock(TestWallets.pw());
            ks.sessions().approve(pid, TablesTest.bytes(85, 1));
            assertThat(ks.sessions().get(pid).approved()).isTrue();
            assertThat(ks.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void version5FileWithJournalRowsMigratesToVersion6_outcomeUnknown() throws Exception {
        byte[] pid = TablesTest.bytes(32, 7);
        byte[] finalId = TablesTest.bytes(16, 1);
        byte[] includedId = TablesTest.bytes(16, 2);
        try (Keystore ks = TestWallets.create(dir)) {
            String owner = ks.keys().createOwnerKey("owner").publicRef();
            ks.sessions().addAccount(new Sessions.Account(TablesTest.ACCOUNT, owner, "main"));
            SessionSigner signer = ks.keys().createSessionKey("s");
            ks.sessions().add(new SessionRecord(pid, TablesTest.ACCOUNT, signer.address(), TablesTest.bytes(32, 1), new byte[] {1},
                    TablesTest.bytes(32, 9), 100, 200, SessionStatus.ENABLED, TablesTest.bytes(24, 3),
                    java.util.List.of(new SessionRecord.Chain(8453, TablesTest.SMART_SESSION, 4))));
            ks.sessions().setBudget(pid, TablesTest.NATIVE, java.math.BigInteger.TEN, 10);
            for (byte[] id : java.util.List.of(finalId, includedId)) {
                ks.journal().reserve(new SignerJournal.Intent(id, pid, 8453, TablesTest.ACCOUNT, TablesTest.bytes(24, 3), id[0],
                        new byte[] {1}, java.util.Map.of(TablesTest.NATIVE, java.math.BigInteger.ONE)));
                ks.journal().markSigned(id, TablesTest.bytes(32, id[0]));
                ks.journal().move(id, JournalState.SIGNED, JournalState.SUBMITTED, null, null, null, null);
                ks.journal().move(id, JournalState.SUBMITTED, JournalState.INCLUDED, null, null, 5L, TablesTest.bytes(32, 4));
            }
            ks.journal().move(finalId, JournalState.INCLUDED, JournalState.FINAL, null, null, 5L, TablesTest.bytes(32, 4));
        }
        try (Connection c = TestWallets.raw(dir); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE userop_journal DROP COLUMN call_succeeded");
            dropActivityFields(st);
            st.execute("PRAGMA user_version = 5");
        }
        try (Keystore ks = TestWallets.open(dir)) {
            assertThat(ks.database().schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
            JournalEntry fin = ks.journal().get(finalId);
            assertThat(fin.state()).isEqualTo(JournalState.FINAL);
            assertThat(fin.includedBlock()).isEqualTo(5L);
            assertThat(fin.callOutcome()).as("the journal cannot tell what a pre-V6 row's call did").isEqualTo(CallOutcome.UNKNOWN);
            assertThat(ks.journal().open()).singleElement().satisfies(e -> assertThat(e.callOutcome()).isEqualTo(CallOutcome.UNKNOWN));
            // the open INCLUDED row is settled as the signer does after an upgrade: the receipt fills the outcome in
            ks.journal().recordInclusion(includedId, JournalState.INCLUDED, JournalState.FINAL, CallOutcome.REVERTED);
            assertThat(ks.journal().get(includedId).callOutcome()).isEqualTo(CallOutcome.REVERTED);
            assertThat(ks.sessions().budget(pid).get(0).spentFinal()).isEqualTo(java.math.BigInteger.TWO);
            assertThat(ks.integrityCheck()).isEqualTo("ok");
        }
    }

    /** The V8 columns, for fixtures of an older version. */
    static void dropActivityFields(Statement st) throws java.sql.SQLException {
        for (String column : List.of("user_op_hash", "tx_hash", "call_outcome", "nonce_seq", "reason", "intent_ref", "trigger_seq",
                "rule_kind", "chain_id", "status", "session_ref", "amounts")) {
            st.execute("ALTER TABLE activity_log DROP COLUMN " + column);
        }
    }

    @Test
    void version7ActivityRowsGetTheirTypedFieldsFromTheirSentences() throws Exception {
        String intent = "00112233445566778899aabbccddeeff";
        String userOp = "0x" + "ab".repeat(32);
        String tx = "0x" + "cd".repeat(32);
        String pid = "ef".repeat(32);
        String rule = "0x" + "01".repeat(16);
        String fired = "0x" + "0a".repeat(16);
        TestWallets.create(dir).close();
        try (Connection c = TestWallets.raw(dir); Statement st = c.createStatement()) {
            dropActivityFields(st);
            st.execute("PRAGMA user_version = 7");
            // the sentences exactly as versions up to 7 wrote them
            String[][] rows = {
                {"signer.included", intent, "userOpHash " + userOp + " seq 3 tx " + tx + " (call reverted)"},
                {"signer.included", "ffeeddccbbaa99887766554433221100", "userOpHash " + userOp + " seq 4 tx " + tx},
                {"signer.refused", intent, "policy:spending: over the cap"},
                {"signer.failed", pid, "reconciliation: IOException: node down"},
                {"automation.fired", rule, "intent " + fired + " trigger 2"},
                {"automation.failed", rule, "intent " + fired + ": refused"},
                {"automation.added", rule, "LIMIT_ORDER Buy the dip"},
                {"automation.skipped", rule, "balance: holds 10 USDC"},
                {"SESSION_ENABLED", "0x" + pid, "chain 8453"},
                {"SESSION_STATUS", "0x" + pid, "REVOKED"},
                {"trade.explained", intent, "policy: more than the 100 USDC the session allows"},
                {"a.kind.from.the.future", "x", "y"}};
            for (String[] r : rows) {
                st.execute("INSERT INTO activity_log (at, kind, subject, detail) VALUES (1, '" + r[0] + "', '" + r[1] + "', '" + r[2] + "')");
            }
        }
        try (Keystore ks = TestWallets.open(dir)) {
            assertThat(ks.database().schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
            List<ActivityLog.Entry> log = ks.activity().recent(12);
            assertThat(log).hasSize(12);
            assertThat(log.get(0).kind()).isEqualTo(ActivityKind.SIGNER_INCLUDED);
            assertThat(log.get(0).fields()).isEqualTo(ActivityFields.included(userOp, 3, tx, CallOutcome.REVERTED));
            assertThat(log.get(1).fields()).isEqualTo(ActivityFields.included(userOp, 4, tx, CallOutcome.SUCCEEDED));
            assertThat(log.get(2).fields()).isEqualTo(ActivityFields.because("policy:spending: over the cap"));
            assertThat(log.get(3).fields()).as("a signer row about a session").isEqualTo(ActivityFields.aboutSession(pid,
                    "reconciliation: IOException: node down"));
            assertThat(log.get(4).fields()).isEqualTo(ActivityFields.fired(fired, 2));
            assertThat(log.get(5).fields()).isEqualTo(ActivityFields.because("refused").withIntent(fired));
            assertThat(log.get(6).fields()).isEqualTo(ActivityFields.NONE.withRuleKind("LIMIT_ORDER"));
            assertThat(log.get(7).fields()).isEqualTo(ActivityFields.because("balance: holds 10 USDC"));
            assertThat(log.get(8).fields()).isEqualTo(ActivityFields.NONE.withChainId(8453));
            assertThat(log.get(9).fields()).isEqualTo(ActivityFields.NONE.withStatus("REVOKED"));
            assertThat(log.get(10).fields()).isEqualTo(ActivityFields.because("policy: more than the 100 USDC the session allows"));
            assertThat(log.get(11).kind()).as("a code this version does not know").isEqualTo(ActivityKind.OTHER);
            assertThat(log.get(11).fields()).isEqualTo(ActivityFields.NONE);
            assertThat(log).extracting(ActivityLog.Entry::detail).as("the sentences stay as written")
                    .startsWith("userOpHash " + userOp + " seq 3 tx " + tx + " (call reverted)");
            // still append-only after the backfill
            assertThatThrownBy(() -> ks.database().transaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("UPDATE activity_log SET reason = 'x'");
                }
                return null;
            })).isInstanceOf(KeystoreException.class);
            assertThat(ks.integrityCheck()).isEqualTo("ok");
        }
    }

    @Test
    void aFileFromTheFutureIsRefused() throws Exception {
        TestWallets.create(dir).close();
        try (Connection c = TestWallets.raw(dir); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> TestWallets.open(dir)).isInstanceOf(KeystoreException.UnsupportedFormatException.class)
                .hasMessageContaining("schema version 99");
    }

    @Test
    void pragmasAreInForce() throws Exception {
        try (Keystore ks = TestWallets.create(dir)) {
            Database db = ks.database();
            assertThat(db.pragmaText("journal_mode")).isEqualTo("wal");
            assertThat(db.pragmaText("synchronous")).isEqualTo("2");
            assertThat(db.pragmaText("foreign_keys")).isEqualTo("1");
            assertThat(db.pragmaText("secure_delete")).isEqualTo("1");
        }
    }
}
