package dev.latchkey.agent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.PassphraseSeal;
import dev.latchkey.keystore.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * The bundle file: a JSON header (format, server, agent id, how it is sealed) and the AES-256-GCM ciphertext of
 * {@link BundleCodec}'s plaintext, with the whole header as associated data (an edited server name or agent id fails
 * to open). Sealed to a passphrase (Argon2id, {@link PassphraseSeal}) or to a server's X25519 key: an ephemeral
 * X25519 agreement, HKDF-SHA256 over the shared secret with both public keys as salt, AES-256-GCM.
 * Files are written 0600 and never over an existing file.
 */
public final class BundleEnvelope {

    /** What the header says without any key: enough to ask for the right secret and to refuse a foreign bundle early. */
    public record Header(String server, String agentId, boolean passphrase, String serverKey) { }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] HKDF_INFO = (AgentBundle.FORMAT + " x25519 aes-256-gcm").getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FILE_BYTES = 4 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BundleEnvelope() { }

    /** Seals {@code bundle} for {@code to} and writes it to {@code file} (0600); nothing is left behind on failure. */
    public static void write(Path file, AgentBundle bundle, Recipient to) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        header.put("format", AgentBundle.FORMAT);
        header.put("server", bundle.server());
        header.put("agentId", bundle.agentId());
        byte[] plain = BundleCodec.encode(bundle);
        try {
            ObjectNode sealing = header.putObject("sealing");
            byte[] nonce;
            byte[] ciphertext;
            switch (to) {
                case Recipient.Passphrase p -> {
                    sealing.put("type", "passphrase").put("kdf", "argon2id-v13").put("memoryKib", p.kdf().memoryKib())
                            .put("iterations", p.kdf().iterations()).put("parallelism", p.kdf().parallelism());
                    PassphraseSeal.Sealed s = sealPassphrase(header, sealing, p, plain);
                    nonce = s.nonce();
                    ciphertext = s.ciphertext();
                }
                case Recipient.Server s -> {
                    try (ServerKey ephemeral = ServerKey.generate()) {
                        sealing.put("type", "x25519").put("serverKey", ServerKey.text(s.publicKey()))
                                .put("ephemeralKey", HEX.formatHex(ephemeral.publicKey()));
                        byte[] key = agree(ephemeral.privateKey(), s.publicKey(), ephemeral.publicKey(), s.publicKey());
                        nonce = new byte[12];
                        RANDOM.nextBytes(nonce);
                        try {
                            ciphertext = gcm(Cipher.ENCRYPT_MODE, key, nonce, aad(header), plain);
                        } catch (AEADBadTagException e) {
                            throw new IllegalStateException("encryption cannot fail authentication", e);
                        } finally {
                            Arrays.fill(key, (byte) 0);
                        }
                    }
                }
            }
            ObjectNode out = header.deepCopy();
            out.put("nonce", HEX.formatHex(nonce));
            out.put("ciphertext", HEX.formatHex(ciphertext));
            if (Files.exists(file)) throw new FileAlreadyExistsException(file + " exists; a bundle is never written over another file");
            PrivateFiles.writeNew(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(out));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static PassphraseSeal.Sealed sealPassphrase(ObjectNode header, ObjectNode sealing, Recipient.Passphrase p, byte[] plain) {
        // PassphraseSeal picks the salt; the AAD is the header without it, and the salt is bound by the key derivation.
        PassphraseSeal.Sealed s = PassphraseSeal.seal(p.passphrase(), p.kdf(), plain, aad(header));
        sealing.put("salt", HEX.formatHex(s.salt()));
        return s;
    }

    /** The header alone (no secret needed). */
    public static Header peek(Path file) throws IOException, BundleException {
        JsonNode n = read(file);
        JsonNode s = n.path("sealing");
        return new Header(n.path("server").asText(), n.path("agentId").asText(), "passphrase".equals(s.path("type").asText()),
                s.path("serverKey").asText(null));
    }

    /** Opens a passphrase bundle; a wrong passphrase (or an edited header) is {@code WrongPassword}. */
    public static AgentBundle open(Path file, char[] passphrase) throws IOException, BundleException, KeystoreException {
        return decodeAndCheck(read(file), decrypt(file, passphrase));
    }

    /** The decrypted plaintext of a passphrase bundle (the caller zeroes it): what a test scans for keys. */
    static byte[] decrypt(Path file, char[] passphrase) throws IOException, BundleException, KeystoreException {
        JsonNode n = read(file);
        JsonNode s = n.path("sealing");
        if (!"passphrase".equals(s.path("type").asText())) {
            throw new BundleException(file + " is sealed to a server key (" + s.path("serverKey").asText() + "), not a passphrase");
        }
        ObjectNode header = headerOf(n);
        ((ObjectNode) header.get("sealing")).remove("salt");
        try {
            KdfParams kdf = new KdfParams(s.path("memoryKib").asInt(), s.path("iterations").asInt(), s.path("parallelism").asInt());
            return PassphraseSeal.open(passphrase, new PassphraseSeal.Sealed(kdf, hex(s, "salt"), hex(n, "nonce"), hex(n, "ciphertext")),
                    aad(header), KdfPolicy.standard());
        } catch (IllegalArgumentException e) {
            throw new BundleException(file + ": unusable KDF parameters: " + e.getMessage());
        }
    }

    /** Opens a bundle sealed to {@code server}; another server's key cannot. */
    public static AgentBundle open(Path file, ServerKey server) throws IOException, BundleException {
        JsonNode n = read(file);
        JsonNode s = n.path("sealing");
        if (!"x25519".equals(s.path("type").asText())) {
            throw new BundleException(file + " is sealed to a passphrase; start the agent with --passphrase-file");
        }
        String to = s.path("serverKey").asText();
        if (!to.equals(ServerKey.text(server.publicKey()))) {
            throw new BundleException(file + " is sealed to server key " + to + ", not to this agent's " + ServerKey.text(server.publicKey()));
        }
        byte[] ephemeral = hex(s, "ephemeralKey");
        if (ephemeral.length != ServerKey.KEY_BYTES) throw new BundleException(file + ": the ephemeral key is not 32 bytes");
        byte[] key = agree(server.privateKey(), ephemeral, ephemeral, server.publicKey());
        try {
            return decodeAndCheck(n, gcm(Cipher.DECRYPT_MODE, key, hex(n, "nonce"), aad(headerOf(n)), hex(n, "ciphertext")));
        } catch (AEADBadTagException e) {
            throw new BundleException(file + " does not open with this server's key (altered, or sealed to another key)");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static AgentBundle decodeAndCheck(JsonNode n, byte[] plain) throws BundleException {
        try {
            AgentBundle b = BundleCodec.decode(plain);
            if (!b.agentId().equals(n.path("agentId").asText()) || !b.server().equals(n.path("server").asText())) {
                b.close();
                throw new BundleException("the bundle's header and contents name different agents");
            }
            return b;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static JsonNode read(Path file) throws IOException, BundleException {
        if (!Files.isRegularFile(file)) throw new BundleException("no bundle at " + file);
        if (Files.size(file) > MAX_FILE_BYTES) throw new BundleException(file + " is too large for a bundle (" + Files.size(file) + " bytes)");
        JsonNode n;
        try {
            n = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new BundleException(file + " is not a Latchkey session bundle (not JSON)");
        }
        if (n == null || !AgentBundle.FORMAT.equals(n.path("format").asText())) {
            throw new BundleException(file + " is not a Latchkey session bundle (format '" + (n == null ? "" : n.path("format").asText())
                    + "', expected " + AgentBundle.FORMAT + ")");
        }
        return n;
    }

    private static ObjectNode headerOf(JsonNode n) {
        ObjectNode h = JSON.createObjectNode();
        h.put("format", n.path("format").asText());
        h.put("server", n.path("server").asText());
        h.put("agentId", n.path("agentId").asText());
        h.set("sealing", n.path("sealing").deepCopy());
        return h;
    }

    private static byte[] aad(ObjectNode header) {
        try {
            return JSON.writeValueAsBytes(header);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hex(JsonNode n, String field) throws BundleException {
        try {
            return HEX.parseHex(n.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new BundleException("the bundle's '" + field + "' is not hex");
        }
    }

    /** HKDF-SHA256(X25519(own private, peer public), salt = ephemeral public ‖ recipient public): the same key on both sides. */
    private static byte[] agree(byte[] privateKey, byte[] peerPublic, byte[] ephemeralPublic, byte[] recipientPublic) {
        X25519Agreement x = new X25519Agreement();
        x.init(new X25519PrivateKeyParameters(privateKey, 0));
        byte[] shared = new byte[x.getAgreementSize()];
        x.calculateAgreement(new X25519PublicKeyParameters(peerPublic, 0), shared, 0);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(shared, concat(ephemeralPublic, recipientPublic), HKDF_INFO));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, 32);
        Arrays.fill(shared, (byte) 0);
        return key;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] gcm(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input) throws AEADBadTagException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad);
            return c.doFinal(input);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }
}
