package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revoked sessions keep their row (history, R16) but lose their key: {@link KeyVault#wipeSessionKey} overwrites the
 * sealed key in place, and neither the database nor its WAL keeps the old ciphertext.
 */
class SessionKeyWipeTest {

    @TempDir Path dir;

    @Test
    void wipedKeyCannotSignAndItsCiphertextIsGoneFromDisk() throws Exception {
        byte[] pid = new byte[32];
        pid[0] = 7;
        String key;
        try (Keystore ks = TestWallets.create(dir)) {
            SessionSigner signer = ks.keys().createSessionKey("s");
            key = signer.address();
            assertThat(signer.signUserOp(SessionKeySigningTest.op(0), dev.latchkey.aa.userop.UserOpHash.ENTRY_POINT_V07, java.math.BigInteger.ONE).signature().length()).isEqualTo(65);
            ks.sessions().addAccount(new Sessions.Account("0x" + "11".repeat(20), "0x" + "22".repeat(20), "a"));
            ks.sessions().add(new SessionRecord(pid, "0x" + "11".repeat(20), key, new byte[32], new byte[] {1}, new byte[32], 1, 2,
                    SessionStatus.REVOKED, new byte[24], List.of(new SessionRecord.Chain(1, "0x" + "33".repeat(20), 0))));
        }
        byte[] ciphertext;
        try (Connection c = TestWallets.raw(dir);
             PreparedStatement ps = c.prepareStatement("SELECT ciphertext FROM secret WHERE purpose = 'SESSION_KEY'")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                ciphertext = rs.getBytes(1);
            }
        }
        assertThat(ciphertext.length).isGreaterThan(32);

        try (Keystore ks = TestWallets.open(dir)) {
            ks.unlock(TestWallets.pw());
            assertThat(ks.keys().wipeSessionKey(key)).isTrue();
            assertThat(ks.keys().wipeSessionKey(key)).as("already wiped").isFalse();
            assertThat(ks.keys().sessionKeys()).isEmpty();
            assertThatThrownBy(() -> ks.keys().sessionSigner(key)).isInstanceOf(KeystoreException.NotFoundException.class);
            assertThat(ks.sessions().get(pid).sessionKeyAddress()).as("the session row stays").isEqualTo(key);
            assertThat(ks.activity().recent(5)).anyMatch(e -> e.kind().code().equals("SECRET_WIPED") && e.subject().equals(key));
        }
        for (String name : new String[] {"wallet.db", "wallet.db-wal"}) {
            Path f = dir.resolve(name);
            if (Files.exists(f)) {
                assertThat(indexOf(Files.readAllBytes(f), ciphertext)).as(name + " still holds the ciphertext").isEqualTo(-1);
            }
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
