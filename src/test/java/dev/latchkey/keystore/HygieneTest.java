package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key-holding classes redact toString, none is Serializable; small pure helpers. */
class HygieneTest {

    static final List<Class<?>> KEY_HOLDERS = List.of(Keystore.class, KeyVault.class, KeyMaterial.class, SessionSigner.class,
            SecretRows.class, Aead.class, Settings.class, Sessions.class, SignerJournal.class, ActivityLog.class, AddressBook.class);

    @TempDir
    Path dir;

    @Test
    void keyHoldersOverrideToStringAndAreNotSerializable() throws Exception {
        for (Class<?> type : KEY_HOLDERS) {
            if (type != Aead.class) {
                assertThat(type.getDeclaredMethod("toString").getDeclaringClass()).as(type.getSimpleName()).isEqualTo(type);
            }
            assertThat(Serializable.class.isAssignableFrom(type)).as(type.getSimpleName()).isFalse();
        }
    }

    @Test
    void toStringNeverShowsKeyBytes() throws Exception {
        try (Keystore ks = TestWallets.create(dir)) {
            String address = ks.keys().createOwnerKey("k").publicRef();
            ks.keys().withOwnerKey(address, key -> {
                String hex = HexFormat.of().formatHex(key.bytes());
                assertThat(key.toString()).contains("redacted").doesNotContain(hex);
                assertThat(ks.toString() + ks.keys()).doesNotContain(hex);
                return null;
            });
            KeyMaterial escaped = ks.keys().withOwnerKey(address, key -> key);
            assertThat(escaped.isDestroyed()).as("zeroed when withKey returns").isTrue();
        }
    }

    @Test
    void lockZeroesTheDataKey() throws Exception {
        try (Keystore ks = TestWallets.create(dir)) {
            byte[][] held = new byte[1][];
            ks.withDek((dek, v) -> {
                held[0] = dek;
                return null;
            });
            assertThat(held[0]).isNotEqualTo(new byte[32]);
            ks.lock();
            assertThat(held[0]).isEqualTo(new byte[32]);
        }
    }

    @Test
    void dataDirectoryPerOs() {
        assertThat(WalletLocation.defaultDirectory("Linux", Map.of("XDG_DATA_HOME", "/x/data"), "/home/u"))
                .isEqualTo(Path.of("/x/data/latchkey"));
        assertThat(WalletLocation.defaultDirectory("Linux", Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.local/share/latchkey"));
        assertThat(WalletLocation.defaultDirectory("Mac OS X", Map.of(), "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/Latchkey"));
        assertThat(WalletLocation.defaultDirectory("Windows 11", Map.of("APPDATA", "C:/Users/u/AppData/Roaming"), "C:/Users/u"))
                .isEqualTo(Path.of("C:/Users/u/AppData/Roaming/Latchkey"));
    }

    @Test
    void calibrationStaysInsideTheWindowAndTheBounds() {
        KdfPolicy policy = KdfPolicy.standard();
        // 4.4 µs per KiB-iteration: the default (256 MiB, t=3) takes ~3.5 s -> memory is halved to 128 MiB (~1.7 s) -> 64 MiB.
        KdfParams slow = new KdfCalibrator(policy, p -> Duration.ofNanos(4400L * p.memoryKib() * p.iterations())).calibrate();
        assertThat(slow).isEqualTo(new KdfParams(64 * 1024, 3, 4));
        KdfParams fast = new KdfCalibrator(policy, p -> Duration.ofNanos(100L * p.memoryKib() * p.iterations() / 1000)).calibrate();
        assertThat(fast.memoryKib()).isEqualTo(256 * 1024);
        assertThat(fast.iterations()).isBetween(4, 16);
        KdfParams glacial = new KdfCalibrator(policy, p -> Duration.ofSeconds(30)).calibrate();
        assertThat(glacial).as("never below the floor").isEqualTo(new KdfParams(64 * 1024, 3, 4));
        KdfParams fine = new KdfCalibrator(policy, p -> Duration.ofMillis(900)).calibrate();
        assertThat(fine).isEqualTo(KdfParams.DEFAULT);
    }

    @Test
    void policyBoundsAreRfc9106AndTheCeiling() throws Exception {
        KdfPolicy policy = KdfPolicy.standard();
        assertThat(policy.target()).isEqualTo(new KdfParams(262144, 3, 4));
        policy.check(65536, 3, 1);
        policy.check(1048576, 16, 8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> policy.check(65535, 3, 4))
                .isInstanceOf(KeystoreException.RejectedKdfParamsException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> policy.check(64L * 1024 * 1024, 3, 4))
                .isInstanceOf(KeystoreException.RejectedKdfParamsException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> policy.check(65536, 17, 4))
                .isInstanceOf(KeystoreException.RejectedKdfParamsException.class);
    }
}
