package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

class SecretRoundTripTest {

    static final String ABANDON = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    @TempDir
    Path dir;
    Keystore ks;

    @BeforeEach
    void create() throws Exception {
        ks = TestWallets.create(dir);
    }

    @AfterEach
    void close() {
        if (ks != null) {
            ks.close();
        }
    }

    private void reopen() throws Exception {
        ks.close();
        ks = TestWallets.open(dir);
        ks.unlock(TestWallets.pw());
    }

    static String recover(byte[] hash, byte[] sig) throws Exception {
        Sign.SignatureData data = new Sign.SignatureData(sig[64], Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64));
        return Keys.toChecksumAddress(Keys.getAddress(Sign.signedMessageHashToKey(hash, data)));
    }

    @Test
    void createdOwnerKeySignsAfterReopen() throws Exception {
        String address = ks.keys().createOwnerKey("main").publicRef();
        reopen();
        byte[] hash = Hash.sha3("hello".getBytes());
        assertThat(recover(hash, ks.keys().signHashWithOwner(address, hash))).isEqualTo(address);
        assertThat(ks.keys().ownerKeys()).extracting(SecretInfo::label).containsExactly("main");
    }

    @Test
    void rawPrivateKeyImportRoundTrips() throws Exception {
        String address = ks.keys().importPrivateKey(("0x" + V3Vectors.PRIVATE_KEY).toCharArray(), "raw").publicRef();
        reopen();
        byte[] key = ks.keys().withOwnerKey(address, k -> k.bytes().clone());
        assertThat(new BigInteger(1, key).toString(16)).isEqualTo(V3Vectors.PRIVATE_KEY);
    }

    @Test
    void badRawKeysAreNamed() {
        assertThatThrownBy(() -> ks.keys().importPrivateKey("0x1234".toCharArray(), ""))
                .isInstanceOf(KeystoreException.InvalidInputException.class).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> ks.keys().importPrivateKey("zz".repeat(32).toCharArray(), ""))
                .hasMessageContaining("only hex digits");
        assertThatThrownBy(() -> ks.keys().importPrivateKey("00".repeat(32).toCharArray(), ""))
                .hasMessageContaining("group order");
    }

    @Test
    void mnemonicImportDerivesTheStandardPath() throws Exception {
        SecretInfo info = ks.keys().importMnemonic(ABANDON.toCharArray(), new char[0], null, "seed");
        assertThat(info.publicRef()).isEqualTo("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
        SecretInfo second = ks.keys().importMnemonic(ABANDON.toCharArray(), new char[0], "m/44'/60'/0'/0/1", "seed 1");
        assertThat(second.publicRef()).isNotEqualTo(info.publicRef());
        assertThatThrownBy(() -> ks.keys().importMnemonic(ABANDON.replace("about", "abandon").toCharArray(), new char[0], null, ""))
                .isInstanceOf(KeystoreException.InvalidInputException.class).hasMessageContaining("checksum");
        assertThatThrownBy(() -> ks.keys().importMnemonic(ABANDON.toCharArray(), new char[0], "44/60", ""))
                .hasMessageContaining("must start with m/");
    }

    @Test
    void keystoreV3PublishedVectorsImport() throws Exception {
        String pbkdf2 = ks.keys().importKeystoreV3(V3Vectors.PBKDF2, V3Vectors.PASSWORD.toCharArray(), "pbkdf2").publicRef();
        ks.keys().withOwnerKey(pbkdf2, k -> {
            assertThat(new BigInteger(1, k.bytes()).toString(16)).isEqualTo(V3Vectors.PRIVATE_KEY);
            return null;
        });
        // The same key: the scrypt vector is refused as a duplicate only after it decrypted correctly.
        assertThatThrownBy(() -> ks.keys().importKeystoreV3(V3Vectors.SCRYPT, V3Vectors.PASSWORD.toCharArray(), "scrypt"))
                .isInstanceOf(KeystoreException.InvalidInputException.class).hasMessageContaining("already holds");
        assertThat(KeystoreV3.decrypt(V3Vectors.SCRYPT, V3Vectors.PASSWORD.toCharArray())).isEqualTo(
                org.web3j.utils.Numeric.hexStringToByteArray(V3Vectors.PRIVATE_KEY));
    }

    @Test
    void keystoreV3NegativeCases() throws Exception {
        assertThatThrownBy(() -> KeystoreV3.decrypt(V3Vectors.PBKDF2, "wrong".toCharArray()))
                .isInstanceOf(KeystoreException.WrongPasswordException.class);
        String address = Addresses.addressOf(org.web3j.utils.Numeric.hexStringToByteArray(V3Vectors.PRIVATE_KEY));
        String flippedIv = V3Vectors.PBKDF2.replace("6087dab2", "7087dab2")
                .replace("\"version\":3", "\"version\":3,\"address\":\"" + address.substring(2).toLowerCase() + "\"");
        assertThatThrownBy(() -> KeystoreV3.decrypt(flippedIv, V3Vectors.PASSWORD.toCharArray()))
                .isInstanceOf(KeystoreException.AddressMismatchException.class);
        long start = System.nanoTime();
        assertThatThrownBy(() -> KeystoreV3.decrypt(V3Vectors.SCRYPT.replace("262144", "1073741824"), V3Vectors.PASSWORD.toCharArray()))
                .isInstanceOf(KeystoreException.RejectedKdfParamsException.class);
        assertThat(System.nanoTime() - start).isLessThan(200_000_000L);
        assertThatThrownBy(() -> KeystoreV3.decrypt("{not json", "x".toCharArray()))
                .isInstanceOf(KeystoreException.InvalidInputException.class).hasMessageContaining("not a keystore v3");
    }

    @Test
    void exportNeedsTheWalletPasswordAndReimports() throws Exception {
        String address = ks.keys().createOwnerKey("main").publicRef();
        assertThatThrownBy(() -> ks.keys().exportKeystoreV3(address, "wrong".toCharArray(), "x".toCharArray(), V3Strength.LIGHT))
                .isInstanceOf(KeystoreException.WrongPasswordException.class);
        String json = ks.keys().exportKeystoreV3(address, TestWallets.pw(), "export-pw".toCharArray(), V3Strength.LIGHT);
        assertThat(json).contains(address.substring(2).toLowerCase()).contains("scrypt");
        byte[] original = ks.keys().withOwnerKey(address, k -> k.bytes().clone());
        assertThat(KeystoreV3.decrypt(json, "export-pw".toCharArray())).isEqualTo(original);
    }

    @Test
    void enableSignatureRoundTrips() throws Exception {
        byte[] permissionId = Hash.sha3("perm".getBytes());
        byte[] signature = Hash.sha3("sig".getBytes());
        ks.keys().storeEnableSignature(permissionId, signature);
        reopen();
        assertThat(ks.keys().enableSignature(permissionId)).isEqualTo(signature);
    }

    @Test
    void tamperedCiphertextIsATamperedRecordAndOtherRowsStillWork() throws Exception {
        String a = ks.keys().createOwnerKey("a").publicRef();
        String b = ks.keys().createOwnerKey("b").publicRef();
        ks.close();
        try (Connection c = TestWallets.raw(dir);
             PreparedStatement ps = c.prepareStatement("UPDATE secret SET ciphertext = ? WHERE public_ref = ?")) {
            byte[] ct = ciphertextOf(c, a);
            ct[3] ^= 1;
            ps.setBytes(1, ct);
            ps.setString(2, a);
            ps.executeUpdate();
        }
        ks = TestWallets.open(dir);
        ks.unlock(TestWallets.pw());
        assertThatThrownBy(() -> ks.keys().signHashWithOwner(a, new byte[32]))
                .isInstanceOf(KeystoreException.TamperedRecordException.class).hasMessageContaining(a);
        assertThat(ks.keys().signHashWithOwner(b, new byte[32])).hasSize(65);
        assertThat(ks.keys().ownerKeys()).filteredOn(SecretInfo::quarantined).extracting(SecretInfo::publicRef).containsExactly(a);
    }

    @Test
    void theQuarantineFlagIsDecidedByTheAeadAndClearsWhenTheRowVerifiesAgain() throws Exception {
        String a = ks.keys().createOwnerKey("a").publicRef();
        ks.close();
        byte[] original;
        try (Connection c = TestWallets.raw(dir)) {
            original = ciphertextOf(c, a);
            c.createStatement().executeUpdate("UPDATE secret SET quarantined = 1 WHERE public_ref = '" + a + "'"); // a plain UPDATE
        }
        ks = TestWallets.open(dir);
        ks.unlock(TestWallets.pw());
        assertThat(ks.keys().signHashWithOwner(a, new byte[32])).as("a set flag alone does not lock a good key out").hasSize(65);
        assertThat(ks.keys().ownerKeys()).noneMatch(SecretInfo::quarantined);
        assertThat(ks.activity().recent(5)).extracting(e -> e.kind().code()).contains("SECRET_RELEASED");
        ks.close();

        try (Connection c = TestWallets.raw(dir); PreparedStatement ps = c.prepareStatement("UPDATE secret SET ciphertext = ? WHERE public_ref = ?")) {
            byte[] bad = original.clone();
            bad[5] ^= 1;
            ps.setBytes(1, bad);
            ps.setString(2, a);
            ps.executeUpdate();
        }
        ks = TestWallets.open(dir);
        ks.unlock(TestWallets.pw());
        assertThatThrownBy(() -> ks.keys().signHashWithOwner(a, new byte[32])).isInstanceOf(KeystoreException.TamperedRecordException.class);
        ks.close();
        try (Connection c = TestWallets.raw(dir); PreparedStatement ps = c.prepareStatement("UPDATE secret SET ciphertext = ?, quarantined = 0 WHERE public_ref = ?")) {
            c.createStatement().executeUpdate("UPDATE secret SET quarantined = 1 WHERE public_ref = '" + a + "'");
            ps.setBytes(1, original); // restored from a backup; clearing the flag by hand is not what unlocks it
            ps.setString(2, a);
            ps.executeUpdate();
            c.createStatement().executeUpdate("UPDATE secret SET quarantined = 1 WHERE public_ref = '" + a + "'");
        }
        ks = TestWallets.open(dir);
        ks.unlock(TestWallets.pw());
        assertThat(ks.keys().signHashWithOwner(a, new byte[32])).as("the restored row verifies again").hasSize(65);
        assertThat(ks.keys().ownerKeys()).noneMatch(SecretInfo::quarantined);
    }

    @Test
    void swappedRowsAreReportedAsSwapped() throws Exception {
        String a = ks.keys().createOwnerKey("a").publicRef();
        String b = ks.keys().createOwnerKey("b").publicRef();
        ks.close();
        try (Connection c = TestWallets.raw(dir)) {
            c.createStatement().executeUpdate("CREATE TEMP TABLE t AS SELECT public_ref, nonce, ciphertext FROM secret");
            c.createStatement().executeUpdate("UPDATE secret SET (nonce, ciphertext) = (SELECT nonce, ciphertext FROM t"
                    + " WHERE t.public_ref <> secret.public_ref AND t.public_ref IN ('" + a + "','" + b + "'))"
                    + " WHERE public_ref IN ('" + a + "','" + b + "')");
        }
        ks = TestWallets.open(dir);
        ks.unlock(TestWallets.pw());
        assertThatThrownBy(() -> ks.keys().signHashWithOwner(a, new byte[32]))
                .isInstanceOf(KeystoreException.SwappedRecordException.class).hasMessageContaining("swapped");
    }

    @Test
    void editedPublicReferenceIsATamperedRecord() throws Exception {
        String a = ks.keys().createOwnerKey("a").publicRef();
        String b = ks.keys().createOwnerKey("b").publicRef();
        ks.close();
        try (Connection c = TestWallets.raw(dir)) {
            c.createStatement().executeUpdate("UPDATE secret SET public_ref = 'tmp' WHERE public_ref = '" + a + "'");
            c.createStatement().executeUpdate("UPDATE secret SET public_ref = '" + a + "' WHERE public_ref = '" + b + "'");
            c.createStatement().executeUpdate("UPDATE secret SET public_ref = '" + b + "' WHERE public_ref = 'tmp'");
        }
        ks = TestWallets.open(dir);
        ks.unlock(TestWallets.pw());
        assertThatThrownBy(() -> ks.keys().signHashWithOwner(a, new byte[32]))
                .isInstanceOf(KeystoreException.TamperedRecordException.class);
    }

    private static byte[] ciphertextOf(Connection c, String ref) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT ciphertext FROM secret WHERE public_ref = ?")) {
            ps.setString(1, ref);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getBytes(1);
        }
    }
}
