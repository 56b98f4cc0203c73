package dev.latchkey.keystore;

import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * The wallet's own KDF and AEAD (Argon2id v1.3 → AES-256-GCM, as the keystore header wraps its DEK) for a secret
 * that leaves the wallet file: a session bundle shared with a server, a server's agent key. The caller binds its
 * own context into {@code aad}; parameters read back from a file are bounds-checked before Argon2 runs.
 */
public final class PassphraseSeal {

    /** What a reader needs besides the passphrase; nothing here is secret. */
    public record Sealed(KdfParams params, byte[] salt, byte[] nonce, byte[] ciphertext) { }

    private static final Aead AEAD = new Aead(new java.security.SecureRandom());

    private PassphraseSeal() { }

    /** Seals {@code plaintext} under {@code passphrase} (not wiped: the caller owns it) with a fresh salt and nonce. */
    public static Sealed seal(char[] passphrase, KdfParams params, byte[] plaintext, byte[] aad) {
        byte[] salt = AEAD.randomBytes(Argon2Kdf.SALT_BYTES);
        byte[] key = Argon2Kdf.deriveKek(passphrase, params, salt);
        try {
            Aead.Sealed s = AEAD.seal(key, plaintext, aad);
            return new Sealed(params, salt, s.nonce(), s.ciphertext());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The plaintext (the caller zeroes it), or {@code WrongPassword} when the passphrase or anything sealed differs. */
    public static byte[] open(char[] passphrase, Sealed sealed, byte[] aad, KdfPolicy policy) throws KeystoreException {
        KdfParams p = sealed.params();
        policy.check(p.memoryKib(), p.iterations(), p.parallelism()); // before any memory is allocated
        if (sealed.salt().length != Argon2Kdf.SALT_BYTES) {
            throw new KeystoreException.InvalidInputException("a sealed value's salt is " + Argon2Kdf.SALT_BYTES + " bytes, got " + sealed.salt().length);
        }
        byte[] key = Argon2Kdf.deriveKek(passphrase, p, sealed.salt());
        try {
            return Aead.open(key, sealed.nonce(), sealed.ciphertext(), aad);
        } catch (AEADBadTagException e) {
            throw new KeystoreException.WrongPasswordException();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
