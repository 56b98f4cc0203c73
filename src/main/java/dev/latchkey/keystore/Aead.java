package dev.latchkey.keystore;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM with a fresh random 96-bit nonce per encryption and a 128-bit tag. */
final class Aead {

    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;

    /** A nonce and {@code ciphertext || tag}; neither is secret. */
    record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    private final SecureRandom random;

    Aead(SecureRandom random) {
        this.random = random;
    }

    Sealed seal(byte[] key, byte[] plaintext, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** Returns the plaintext (caller zeroes it), or throws {@link AEADBadTagException} when anything was altered. */
    static byte[] open(byte[] key, byte[] nonce, byte[] ciphertext, byte[] aad) throws AEADBadTagException {
        if (nonce.length != NONCE_BYTES || ciphertext.length < TAG_BITS / 8) {
            throw new AEADBadTagException("malformed sealed value");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }
}
