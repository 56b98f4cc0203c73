package dev.latchkey.keystore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.exception.CipherException;
import org.web3j.utils.Numeric;

/**
 * Ethereum keystore v3 (Web3 Secret Storage) at the edge: import and export through web3j's {@link Wallet}, with the
 * checks web3j lacks: KDF bounds before decrypting, and the decrypted key must derive the file's {@code address}.
 */
final class KeystoreV3 {

    static final long MAX_SCRYPT_MEMORY = 1L << 30;
    static final long MAX_SCRYPT_WORK = 1L << 22;
    static final long MAX_PBKDF2_ITERATIONS = 10_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeystoreV3() {
    }

    /** Returns the 32-byte private key (caller zeroes it). {@code password} is wiped. */
    static byte[] decrypt(String json, char[] password) throws KeystoreException {
        WalletFile file;
        try {
            file = JSON.readValue(json, WalletFile.class);
        } catch (JsonProcessingException e) {
            Arrays.fill(password, '\0');
            throw new KeystoreException.InvalidInputException("not a keystore v3 JSON file: " + e.getOriginalMessage());
        }
        try {
            checkShape(file);
            ECKeyPair pair;
            try {
                // Known residual: web3j takes the password as a String, which cannot be wiped.
                pair = Wallet.decrypt(new String(password), file);
            } catch (CipherException e) {
                if (String.valueOf(e.getMessage()).contains("Invalid password")) {
                    throw new KeystoreException.WrongPasswordException();
                }
                throw new KeystoreException.InvalidInputException("keystore v3 file refused: " + e.getMessage());
            }
            byte[] key = Numeric.toBytesPadded(pair.getPrivateKey(), 32);
            if (!Addresses.isValidPrivateKey(key)) {
                Arrays.fill(key, (byte) 0);
                throw new KeystoreException.InvalidInputException("keystore v3 file holds an invalid secp256k1 key");
            }
            if (file.getAddress() != null && !file.getAddress().isBlank()) {
                String claimed = Keys.toChecksumAddress(Numeric.prependHexPrefix(file.getAddress()));
                String actual = Addresses.addressOf(key);
                if (!claimed.equals(actual)) {
                    Arrays.fill(key, (byte) 0);
                    throw new KeystoreException.AddressMismatchException(claimed, actual);
                }
            }
            return key;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static void checkShape(WalletFile file) throws KeystoreException {
        if (file.getVersion() != 3) {
            throw new KeystoreException.UnsupportedFormatException("keystore file version", file.getVersion(), 3);
        }
        WalletFile.Crypto crypto = file.getCrypto();
        if (crypto == null || crypto.getKdfparams() == null) {
            throw new KeystoreException.InvalidInputException("keystore v3 file has no crypto/kdfparams section");
        }
        if (crypto.getKdfparams() instanceof WalletFile.ScryptKdfParams s) {
            long n = s.getN();
            long r = s.getR();
            long p = s.getP();
            boolean powerOfTwo = n > 1 && (n & (n - 1)) == 0;
            if (!powerOfTwo || r < 1 || p < 1 || 128 * n * r > MAX_SCRYPT_MEMORY || n * r * p > MAX_SCRYPT_WORK
                    || s.getDklen() != 32) {
                throw new KeystoreException.RejectedKdfParamsException(128 * n * r / 1024, n, p,
                        "scrypt n=" + n + ", r=" + r + ", p=" + p + ", dklen=" + s.getDklen()
                                + " is malformed or above the import limit (1 GiB, n*r*p <= 2^22)");
            }
        } else if (crypto.getKdfparams() instanceof WalletFile.Aes128CtrKdfParams k) {
            if (k.getC() < 1 || k.getC() > MAX_PBKDF2_ITERATIONS || k.getDklen() != 32) {
                throw new KeystoreException.RejectedKdfParamsException(0, k.getC(), 1,
                        "pbkdf2 c=" + k.getC() + ", dklen=" + k.getDklen() + " is outside 1.." + MAX_PBKDF2_ITERATIONS);
            }
        } else {
            throw new KeystoreException.InvalidInputException("keystore v3 file uses an unknown KDF");
        }
    }

    /** Encrypts {@code key} (not modified) to a v3 JSON string under {@code password} (wiped). */
    static String encrypt(byte[] key, char[] password, V3Strength strength) throws KeystoreException {
        try {
            ECKeyPair pair = ECKeyPair.create(key);
            WalletFile file = Wallet.create(new String(password), pair, strength.n(), strength.p());
            return JSON.writeValueAsString(file);
        } catch (CipherException | JsonProcessingException e) {
            throw new KeystoreException.InvalidInputException("cannot write keystore v3 file: " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
