package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner's one approval: sealed, replaceable, refused when locked or for a dead session; enabling per chain. */
class ApprovalTest {

    @TempDir
    java.nio.file.Path dir;
    Keystore ks;
    byte[] pid = TablesTest.bytes(32, 7);

    @BeforeEach
    void setUp() throws Exception {
        ks = TestWallets.create(dir);
        String owner = ks.keys().createOwnerKey("owner").publicRef();
        ks.sessions().addAccount(new Sessions.Account(TablesTest.ACCOUNT, owner, "main"));
        SessionSigner signer = ks.keys().createSessionKey("s");
        ks.sessions().add(new SessionRecord(pid, TablesTest.ACCOUNT, signer.address(), TablesTest.bytes(32, 1), new byte[] {1},
                TablesTest.bytes(32, 9), 100, 200, SessionStatus.PENDING_ENABLE, TablesTest.bytes(24, 3),
                List.of(new SessionRecord.Chain(8453, TablesTest.SMART_SESSION, 0), new SessionRecord.Chain(1, TablesTest.SMART_SESSION, 2))));
    }

    @AfterEach
    void tearDown() {
        ks.close();
    }

    static byte[] signature(int fill) {
        byte[] sig = TablesTest.bytes(85, fill); // validator (20) ‖ r ‖ s ‖ v, as PermissionEnableSig.format
        sig[0] = 0x5a;
        return sig;
    }

    @Test
    void approvalIsStoredSealedAndTheStatusStaysPendingEnable() throws Exception {
        assertThat(ks.sessions().get(pid).approved()).isFalse();
        assertThat(ks.sessions().approval(pid)).isEmpty();

        ks.sessions().approve(pid, signature(0x3c));

        SessionRecord s = ks.sessions().get(pid);
        assertThat(s.approved()).isTrue();
        assertThat(s.status()).isEqualTo(SessionStatus.PENDING_ENABLE);
        assertThat(ks.sessions().approval(pid)).hasValueSatisfying(b -> assertThat(b).containsExactly(signature(0x3c)));
        assertThat(ks.activity().recent(5)).extracting(e -> e.kind().code()).contains("SESSION_APPROVED");
        ks.close();
        byte[] file = Files.readAllBytes(dir.resolve("wallet.db"));
        byte[] wal = Files.exists(dir.resolve("wallet.db-wal")) ? Files.readAllBytes(dir.resolve("wallet.db-wal")) : new byte[0];
        assertThat(indexOf(file, signature(0x3c))).as("enable signature in the clear").isNegative();
        assertThat(indexOf(wal, signature(0x3c))).as("enable signature in the clear (WAL)").isNegative();
        ks = TestWallets.open(dir);
        ks.unlock(TestWallets.pw());
        assertThat(ks.sessions().approval(pid)).hasValueSatisfying(b -> assertThat(b).containsExactly(signature(0x3c)));
    }

    @Test
    void aNewApprovalReplacesTheOld() throws Exception {
        ks.sessions().approve(pid, signature(0x3c));
        ks.sessions().approve(pid, signature(0x4d));
        assertThat(ks.sessions().approval(pid)).hasValueSatisfying(b -> assertThat(b).containsExactly(signature(0x4d)));
    }

    @Test
    void lockedVaultRefusesAndKeepsThePreviousApproval() throws Exception {
        ks.sessions().approve(pid, signature(0x3c));
        ks.lock();
        assertThatThrownBy(() -> ks.sessions().approve(pid, signature(0x4d))).isInstanceOf(KeystoreException.LockedException.class);
        assertThat(ks.sessions().get(pid).approved()).isTrue();
        ks.unlock(TestWallets.pw());
        assertThat(ks.sessions().approval(pid)).hasValueSatisfying(b -> assertThat(b).containsExactly(signature(0x3c)));
    }

    @Test
    void badInputAndDeadSessionsAreRefused() throws Exception {
        assertThatThrownBy(() -> ks.sessions().approve(pid, new byte[0])).isInstanceOf(KeystoreException.InvalidInputException.class);
        assertThatThrownBy(() -> ks.sessions().approve(new byte[31], signature(1))).isInstanceOf(KeystoreException.InvalidInputException.class);
        assertThatThrownBy(() -> ks.sessions().approve(TablesTest.bytes(32, 8), signature(1))).isInstanceOf(KeystoreException.NotFoundException.class);
        ks.sessions().setStatus(pid, SessionStatus.REVOKED);
        assertThatThrownBy(() -> ks.sessions().approve(pid, signature(1))).isInstanceOf(KeystoreException.InvalidInputException.class)
                .hasMessageContaining("REVOKED");
        assertThat(ks.sessions().get(pid).approved()).isFalse();
    }

    @Test
    void markEnabledIsPerChainAndEnablesThePendingSession() throws Exception {
        ks.sessions().approve(pid, signature(0x3c));
        ks.sessions().markEnabled(pid, 8453);
        SessionRecord s = ks.sessions().get(pid);
        assertThat(s.status()).isEqualTo(SessionStatus.ENABLED);
        assertThat(s.chain(8453)).hasValueSatisfying(c -> assertThat(c.enabled()).isTrue());
        assertThat(s.chain(1)).hasValueSatisfying(c -> assertThat(c.enabled()).isFalse());
        assertThat(s.approved()).isTrue();
        ks.sessions().markEnabled(pid, 8453); // idempotent
        assertThat(ks.sessions().get(pid).chain(8453).orElseThrow().enabled()).isTrue();
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
