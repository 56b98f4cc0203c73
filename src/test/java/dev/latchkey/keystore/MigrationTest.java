package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
            assertThat(db.schemaVersion()).isEqualTo(7);
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
