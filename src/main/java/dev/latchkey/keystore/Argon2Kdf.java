package dev.latchkey.keystore;

import java.nio.CharBuffer;
import java.text.Normalizer;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Password to key-encryption key: NFKD-normalised password, Argon2id v1.3, 32-byte output. */
final class Argon2Kdf {

    static final String KDF_ID = "argon2id-v13";
    static final int SALT_BYTES = 16;
    static final int KEY_BYTES = 32;

    private Argon2Kdf() {
    }

    /**
     * Derives the KEK. The caller must already have bounds-checked {@code params}; the caller owns (and zeroes)
     * the returned array. {@code password} is not modified.
     */
    static byte[] deriveKek(char[] password, KdfParams params, byte[] salt) {
        char[] normalised = normalise(password);
        // NOT new Builder(): its default type is ARGON2_i.
        Argon2Parameters argon = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(params.memoryKib())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .withSalt(salt)
                .build();
        byte[] kek = new byte[KEY_BYTES];
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(argon);
            generator.generateBytes(normalised, kek);
            return kek;
        } finally {
            argon.clear();
            if (normalised != password) {
                Arrays.fill(normalised, '\0');
            }
        }
    }

    /**
     * EIP-2335 rule: NFKD, then drop C0, C1 and DEL, so the same password typed on another OS or keyboard unlocks.
     * Pure printable ASCII is already normal, and then no immutable String copy is made at all.
     */
    static char[] normalise(char[] password) {
        boolean plainAscii = true;
        for (char c : password) {
            if (c < 0x20 || c >= 0x7F) {
                plainAscii = false;
                break;
            }
        }
        if (plainAscii) {
            return password;
        }
        // Known residual: Normalizer returns an immutable String that cannot be wiped (docs/keystore.md).
        String nfkd = Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKD);
        char[] out = new char[nfkd.length()];
        int n = 0;
        for (int i = 0; i < nfkd.length(); i++) {
            char c = nfkd.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                continue;
            }
            out[n++] = c;
        }
        char[] result = Arrays.copyOf(out, n);
        Arrays.fill(out, '\0');
        return result;
    }
}
