package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.MnemonicUtils;

/** PS-01: no private key, mnemonic or password in the .db, -wal, -shm files or in the log output. */
class PlaintextScanTest {

    @TempDir
    Path dir;

    @Test
    void noSecretReachesDiskOrLogs() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Level previous = root.getLevel();
        root.setLevel(Level.TRACE);
        root.addAppender(logs);
        Map<String, byte[]> secrets = new TreeMap<>();
        List<byte[]> diskSnapshots = new ArrayList<>();
        try {
            String password = "scan-Password-\u00fc-" + HexFormat.of().formatHex(random(6));
            byte[] entropy = random(16);
            String mnemonic = MnemonicUtils.generateMnemonic(entropy);
            byte[] rawKey = random(32);
            rawKey[0] &= 0x7f;
            String rawHex = HexFormat.of().formatHex(rawKey);

            Keystore ks = Keystore.create(dir.resolve("wallet.db"), password.toCharArray(), TestWallets.SMALL,
                    TestWallets.POLICY, java.time.Clock.systemUTC());
            KeyVault vault = ks.keys();
            String created = vault.createOwnerKey("created").publicRef();
            vault.importPrivateKey(rawHex.toCharArray(), "raw");
            String fromSeed = vault.importMnemonic(mnemonic.toCharArray(), new char[0], null, "seed").publicRef();
            SessionSigner session = vault.createSessionKey("session");
            ks.sessions().addAccount(new Sessions.Account(TablesTest.ACCOUNT, created, "acct"));
            ks.sessions().add(new SessionRecord(TablesTest.bytes(32, 7), TablesTest.ACCOUNT, session.address(),
                    TablesTest.bytes(32, 1), new byte[] {1, 2, 3}, TablesTest.bytes(32, 9), 1, 2, SessionStatus.PENDING_ENABLE,
                    TablesTest.bytes(24, 3), List.of(new SessionRecord.Chain(1, TablesTest.SMART_SESSION, 0))));
            byte[] enableSig = vault.signHashWithOwner(created, TablesTest.bytes(32, 9));
            vault.storeEnableSignature(TablesTest.bytes(32, 7), enableSig);
            session.signUserOp(SessionKeySigningTest.op(0), dev.latchkey.aa.userop.UserOpHash.ENTRY_POINT_V07, java.math.BigInteger.ONE);
            try {
                ks.unlock("wrong password".toCharArray());
            } catch (KeystoreException expected) {
                // logged as a failed attempt, without the password
            }
            ks.changePassword(password.toCharArray(), (password + "2").toCharArray());

            secrets.put("owner key (created)", vault.withOwnerKey(created, k -> k.bytes().clone()));
            secrets.put("owner key (raw import)", rawKey);
            secrets.put("owner key (mnemonic)", vault.withOwnerKey(fromSeed, k -> k.bytes().clone()));
            secrets.put("session key", new SecretRows(ks, ks.database(), new Aead(new SecureRandom()), java.time.Clock.systemUTC())
                    .open(SecretPurpose.SESSION_KEY, session.address()));
            secrets.put("enable signature", enableSig);
            secrets.put("mnemonic", mnemonic.getBytes(StandardCharsets.UTF_8));
            secrets.put("mnemonic entropy", entropy);
            secrets.put("password", password.getBytes(StandardCharsets.UTF_8));
            secrets.put("new password", (password + "2").getBytes(StandardCharsets.UTF_8));
            secrets.put("password utf-16le", password.getBytes(StandardCharsets.UTF_16LE));
            secrets.put("password utf-16be", password.getBytes(StandardCharsets.UTF_16BE));

            ks.lock();
            diskSnapshots.addAll(readAll()); // the WAL and SHM exist while the file is open
            ks.close();
            diskSnapshots.addAll(readAll());
        } finally {
            root.detachAppender(logs);
            root.setLevel(previous);
        }
        StringBuilder logText = new StringBuilder();
        for (ILoggingEvent event : logs.list) {
            logText.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                logText.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        assertThat(logs.list).as("the scenario logged something").isNotEmpty();
        diskSnapshots.add(logText.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(diskSnapshots.size()).isGreaterThan(3);

        for (Map.Entry<String, byte[]> secret : secrets.entrySet()) {
            for (byte[] needle : encodings(secret.getValue())) {
                for (byte[] haystack : diskSnapshots) {
                    assertThat(indexOf(haystack, needle)).as("%s found in plaintext", secret.getKey()).isEqualTo(-1);
                }
            }
        }
    }

    private List<byte[]> readAll() throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                out.add(Files.readAllBytes(file));
            }
        }
        assertThat(Files.exists(dir.resolve("wallet.db"))).isTrue();
        return out;
    }

    static List<byte[]> encodings(byte[] secret) {
        String hex = HexFormat.of().formatHex(secret);
        return List.of(secret, hex.getBytes(StandardCharsets.US_ASCII), hex.toUpperCase().getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().encode(secret));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] random(int n) {
        byte[] out = new byte[n];
        new SecureRandom().nextBytes(out);
        return out;
    }
}
