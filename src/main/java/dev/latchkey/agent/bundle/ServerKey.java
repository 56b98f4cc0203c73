package dev.latchkey.agent.bundle;

import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.PassphraseSeal;
import dev.latchkey.keystore.PrivateFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;

/**
 * A server's X25519 key pair (BouncyCastle): the private key lives in the agent's data directory sealed under the
 * agent password ({@link PassphraseSeal}, file 0600); the public key is what the owner shares to
 * ({@code x25519:<64 hex>}). {@link #close} zeroes the private key.
 */
public final class ServerKey implements AutoCloseable {

    static final int KEY_BYTES = 32;
    public static final String FILE = "agent-key.json";
    private static final String PREFIX = "x25519:";
    private static final byte[] AAD = "latchkey-agent-x25519/1".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] privateKey;
    private final byte[] publicKey;

    private ServerKey(byte[] privateKey) {
        this.privateKey = privateKey;
        this.publicKey = new X25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
    }

    public static ServerKey generate() {
        byte[] k = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return new ServerKey(k);
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    byte[] privateKey() {
        return privateKey;
    }

    /** {@code x25519:<64 hex digits>}. */
    public static String text(byte[] publicKey) {
        return PREFIX + HexFormat.of().formatHex(publicKey);
    }

    /** Reads {@code x25519:<64 hex>} (what keygen prints) with a clear error otherwise. */
    public static Recipient.Server parse(String text) throws BundleException {
        String t = text == null ? "" : text.trim();
        if (!t.startsWith(PREFIX) || t.length() != PREFIX.length() + 2 * KEY_BYTES) {
            throw new BundleException("a server key looks like x25519:<64 hex digits> (what 'latchkey agent keygen' prints), got '"
                    + (t.length() > 80 ? t.substring(0, 80) + "…" : t) + "'");
        }
        try {
            return new Recipient.Server(HexFormat.of().parseHex(t.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            throw new BundleException("the server key is not hex: " + t);
        }
    }

    /** Writes the sealed private key to {@code dir}/agent-key.json (0600, never over an existing one). */
    public void save(Path dir, char[] password, KdfParams kdf) throws IOException {
        PassphraseSeal.Sealed s = PassphraseSeal.seal(password, kdf, privateKey, AAD);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "latchkey-agent-x25519/1");
        out.put("publicKey", text(publicKey));
        out.put("memoryKib", kdf.memoryKib());
        out.put("iterations", kdf.iterations());
        out.put("parallelism", kdf.parallelism());
        out.put("salt", HexFormat.of().formatHex(s.salt()));
        out.put("nonce", HexFormat.of().formatHex(s.nonce()));
        out.put("ciphertext", HexFormat.of().formatHex(s.ciphertext()));
        PrivateFiles.createDirectories(dir);
        PrivateFiles.writeNew(dir.resolve(FILE), JSON.writeValueAsBytes(out));
    }

    /** Opens {@code dir}/agent-key.json with the agent password. */
    public static ServerKey load(Path dir, char[] password) throws IOException, KeystoreException, BundleException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new BundleException("no server key in " + dir + "; create one with 'latchkey agent keygen --data " + dir + "'");
        }
        JsonNode n = JSON.readTree(Files.readAllBytes(file));
        try {
            HexFormat hex = HexFormat.of();
            PassphraseSeal.Sealed s = new PassphraseSeal.Sealed(new KdfParams(n.path("memoryKib").asInt(), n.path("iterations").asInt(),
                    n.path("parallelism").asInt()), hex.parseHex(n.path("salt").asText()), hex.parseHex(n.path("nonce").asText()),
                    hex.parseHex(n.path("ciphertext").asText()));
            byte[] key = PassphraseSeal.open(password, s, AAD, KdfPolicy.standard());
            if (key.length != KEY_BYTES) {
                Arrays.fill(key, (byte) 0);
                throw new BundleException(file + " does not hold an X25519 key");
            }
            return new ServerKey(key);
        } catch (IllegalArgumentException e) {
            throw new BundleException(file + " is not a server key file Latchkey wrote: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        Arrays.fill(privateKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "ServerKey[" + text(publicKey) + ", private <redacted>]";
    }
}
