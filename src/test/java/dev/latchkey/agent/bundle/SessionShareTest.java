package dev.latchkey.agent.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.Submission;
import dev.latchkey.wallet.WalletException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code session share} below the CLI: what the bundle holds, who can open it, and what the wallet records. */
class SessionShareTest {

    static final KdfParams CHEAP = new KdfParams(8 * 1024, 1, 1);
    static final KdfPolicy POLICY = new KdfPolicy(CHEAP, CHEAP, KdfParams.CEILING);
    static final char[] PASSPHRASE = "share-Passphrase-Harbor-77".toCharArray();
    static final Address USDC = new Address("0x" + "a0".repeat(20));
    static final NetworkProfile NET = new NetworkProfile("devnet", 31337, URI.create("http://127.0.0.1:8545"),
            new Submission.Bundler(URI.create("http://127.0.0.1:4337")), new Address("0x" + "11".repeat(20)), new Address("0x" + "22".repeat(20)),
            new Address("0x" + "33".repeat(20)), PolicyAddresses.canonical(), Optional.of(new Address("0x" + "44".repeat(20))),
            List.of(new Token("USDC", USDC, 6)), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    @TempDir Path tmp;
    Keystore wallet;
    String owner;
    SessionRecord session;
    byte[] ruleId = random(16);

    @BeforeEach
    void wallet() throws Exception {
        Files.createDirectories(tmp.resolve("wallet"));
        wallet = Keystore.create(tmp.resolve("wallet/wallet.db"), "pw".toCharArray(), CHEAP, POLICY, Clock.systemUTC());
        owner = wallet.keys().createOwnerKey("owner").publicRef();
        session = storeSession(wallet, owner);
        wallet.automations().add(ruleId, session.permissionId(), "RECURRING", "rent", "{\"kind\":\"test\"}".getBytes(StandardCharsets.UTF_8));
    }

    static SessionRecord storeSession(Keystore ks, String owner) throws KeystoreException {
        String account = "0x" + HexFormat.of().formatHex(random(20));
        ks.sessions().addAccount(new Sessions.Account(account, owner, "main"));
        String key = ks.keys().createSessionKey("session key").address();
        byte[] pid = random(32);
        ks.sessions().add(new SessionRecord(pid, account, key, random(32), random(96), random(32), 0,
                Clock.systemUTC().instant().getEpochSecond() + 86_400, SessionStatus.ENABLED, new byte[24],
                List.of(new SessionRecord.Chain(31337, NET.smartSession().checksummed(), 0, true))));
        ks.sessions().setBudget(pid, USDC.hex(), BigInteger.valueOf(500_000_000), 30);
        return ks.sessions().get(pid);
    }

    SessionShare.Result share(Recipient to, Path file) throws Exception {
        return new SessionShare(wallet, NET, Clock.systemUTC()).share(wallet.sessions().get(session.permissionId()), "rack-7", to, file);
    }

    @Test
    void theDecryptedBundleHoldsTheSessionKeyAndNoOwnerKey() throws Exception {
        Path file = tmp.resolve("share.bundle");
        share(new Recipient.Passphrase(PASSPHRASE, KdfParams.FLOOR), file);
        byte[] ownerKey = wallet.keys().withOwnerKey(owner, k -> k.bytes().clone());
        byte[] sessionKey = wallet.keys().withSessionKeyForSharing(session.sessionKeyAddress(), k -> k.bytes().clone());
        byte[] plain = BundleEnvelope.decrypt(file, PASSPHRASE.clone());
        assertThat(contains(plain, sessionKey)).as("the scan finds a key that is there").isTrue();
        for (byte[] needle : forms(ownerKey)) assertThat(contains(plain, needle)).as("owner key in the decrypted bundle").isFalse();
        byte[] onDisk = Files.readAllBytes(file);
        for (byte[] secret : List.of(ownerKey, sessionKey)) {
            for (byte[] needle : forms(secret)) assertThat(contains(onDisk, needle)).as("plaintext key in the file").isFalse();
        }
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        try (AgentBundle b = BundleEnvelope.open(file, PASSPHRASE.clone())) {
            assertThat(b.session().permissionId()).isEqualTo(session.permissionId());
            assertThat(b.session().sessionStruct()).isEqualTo(session.sessionStruct());
            assertThat(b.sessionKey()).isEqualTo(sessionKey);
            assertThat(b.server()).isEqualTo("rack-7");
            assertThat(b.rules()).singleElement().satisfies(r -> assertThat(r.ruleId()).isEqualTo(ruleId));
            assertThat(b.budget()).singleElement().satisfies(l -> assertThat(l.cap()).isEqualTo(BigInteger.valueOf(500_000_000)));
            assertThat(b.network().smartSession()).isEqualTo(NET.smartSession());
            assertThat(b.toString()).doesNotContain(HexFormat.of().formatHex(sessionKey));
        }
    }

    @Test
    void aWrongPassphraseOrAnEditedHeaderCannotOpenIt() throws Exception {
        Path file = tmp.resolve("share.bundle");
        share(new Recipient.Passphrase(PASSPHRASE, KdfParams.FLOOR), file);
        assertThatThrownBy(() -> BundleEnvelope.open(file, "share-Passphrase-Harbor-78".toCharArray()))
                .isInstanceOf(KeystoreException.WrongPasswordException.class);
        Path edited = tmp.resolve("edited.bundle");
        Files.writeString(edited, Files.readString(file).replace("\"rack-7\"", "\"rack-8\""));
        assertThatThrownBy(() -> BundleEnvelope.open(edited, PASSPHRASE.clone())).isInstanceOf(KeystoreException.WrongPasswordException.class);
    }

    @Test
    void aServerKeyBundleOpensOnlyWithThatServersKey() throws Exception {
        Path file = tmp.resolve("server.bundle");
        try (ServerKey server = ServerKey.generate(); ServerKey other = ServerKey.generate()) {
            share(ServerKey.parse(ServerKey.text(server.publicKey())), file);
            try (AgentBundle b = BundleEnvelope.open(file, server)) {
                assertThat(b.session().permissionId()).isEqualTo(session.permissionId());
            }
            assertThatThrownBy(() -> BundleEnvelope.open(file, other)).isInstanceOf(BundleException.class).hasMessageContaining("not to this agent's");
            // the header renamed to the other key: the cryptography refuses too, not only the check
            Path renamed = tmp.resolve("renamed.bundle");
            Files.writeString(renamed, Files.readString(file).replace(ServerKey.text(server.publicKey()), ServerKey.text(other.publicKey())));
            assertThatThrownBy(() -> BundleEnvelope.open(renamed, other)).isInstanceOf(BundleException.class).hasMessageContaining("does not open");
            assertThatThrownBy(() -> BundleEnvelope.open(file, PASSPHRASE.clone())).isInstanceOf(BundleException.class)
                    .hasMessageContaining("sealed to a server key");
        }
    }

    @Test
    void theWalletShowsTheShareAndPausesTheHandedOverRules() throws Exception {
        SessionShare.Result r = share(new Recipient.Passphrase(PASSPHRASE, KdfParams.FLOOR), tmp.resolve("a.bundle"));
        SessionShares.Share s = SessionShares.of(wallet.settings(), HexBytes.of(session.permissionId())).orElseThrow();
        assertThat(s.text()).isEqualTo("shared with rack-7");
        assertThat(s.agentId()).isEqualTo(r.agentId());
        assertThat(wallet.automations().get(ruleId).status()).isEqualTo(AutomationRule.Status.PAUSED);
        assertThat(wallet.automations().get(ruleId).statusReason()).isEqualTo("runs on agent rack-7");
        assertThatThrownBy(() -> share(new Recipient.Passphrase(PASSPHRASE, KdfParams.FLOOR), tmp.resolve("b.bundle")))
                .isInstanceOf(WalletException.class).hasMessageContaining("already shared with rack-7");
        assertThat(tmp.resolve("b.bundle")).doesNotExist();
    }

    @Test
    void badInputGetsAClearErrorAndWritesNothing() throws Exception {
        Path file = tmp.resolve("x.bundle");
        Recipient to = new Recipient.Passphrase(PASSPHRASE, KdfParams.FLOOR);
        assertThatThrownBy(() -> new SessionShare(wallet, NET, Clock.systemUTC()).share(session, " ", to, file))
                .isInstanceOf(WalletException.class).hasMessageContaining("--server");
        Files.writeString(file, "keep me");
        assertThatThrownBy(() -> share(to, file)).isInstanceOf(WalletException.class).hasMessageContaining("exists");
        assertThat(Files.readString(file)).isEqualTo("keep me");
        wallet.sessions().setStatus(session.permissionId(), SessionStatus.REVOKED);
        assertThatThrownBy(() -> share(to, tmp.resolve("y.bundle"))).isInstanceOf(WalletException.class).hasMessageContaining("REVOKED");
        assertThatThrownBy(() -> ServerKey.parse("ssh-ed25519 AAAA")).isInstanceOf(BundleException.class).hasMessageContaining("x25519:<64 hex digits>");
        Path junk = tmp.resolve("junk.bundle");
        Files.writeString(junk, "{\"format\":\"something-else\"}");
        assertThatThrownBy(() -> BundleEnvelope.open(junk, PASSPHRASE.clone())).isInstanceOf(BundleException.class)
                .hasMessageContaining("is not a Latchkey session bundle");
        Files.writeString(junk, "not json at all");
        assertThatThrownBy(() -> BundleEnvelope.peek(junk)).isInstanceOf(BundleException.class).hasMessageContaining("not JSON");
        assertThat(SessionShares.of(wallet.settings(), HexBytes.of(session.permissionId()))).isEmpty();
    }

    @Test
    void anAgentDirectoryImportsOneBundleOnceAndRefusesAnotherAgents() throws Exception {
        Path file = tmp.resolve("a.bundle");
        share(new Recipient.Passphrase(PASSPHRASE, KdfParams.FLOOR), file);
        Files.createDirectories(tmp.resolve("agent"));
        try (Keystore agent = Keystore.create(tmp.resolve("agent/wallet.db"), "pw".toCharArray(), CHEAP, POLICY, Clock.systemUTC());
             AgentBundle b = BundleEnvelope.open(file, PASSPHRASE.clone())) {
            assertThat(BundleImport.into(agent, b)).isTrue();
            assertThat(agent.sessions().get(session.permissionId()).status()).isEqualTo(SessionStatus.ENABLED);
            assertThat(agent.keys().sessionSigner(session.sessionKeyAddress()).address()).isEqualTo(session.sessionKeyAddress());
            assertThat(agent.keys().ownerKeys()).isEmpty();
            assertThat(agent.automations().get(ruleId).status()).isEqualTo(AutomationRule.Status.ACTIVE);
            assertThat(agent.sessions().budget(session.permissionId())).hasSize(1);
            assertThat(BundleImport.into(agent, b)).as("a restart imports nothing").isFalse();

            SessionRecord second = storeSession(wallet, owner);
            Path other = tmp.resolve("b.bundle");
            new SessionShare(wallet, NET, Clock.systemUTC()).share(second, "rack-9", new Recipient.Passphrase(PASSPHRASE, KdfParams.FLOOR), other);
            try (AgentBundle ob = BundleEnvelope.open(other, PASSPHRASE.clone())) {
                assertThatThrownBy(() -> BundleImport.into(agent, ob)).isInstanceOf(BundleException.class)
                        .hasMessageContaining("belongs to agent " + b.agentId());
            }
            assertThat(agent.sessions().all()).hasSize(1);
        }
    }

    static List<byte[]> forms(byte[] key) {
        String hex = HexFormat.of().formatHex(key);
        return List.of(key, hex.getBytes(StandardCharsets.US_ASCII), hex.toUpperCase().getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().encode(key), hex.getBytes(StandardCharsets.UTF_16LE));
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
