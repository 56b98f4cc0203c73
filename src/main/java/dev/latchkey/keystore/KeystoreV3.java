package dev.latchkey.keystore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.web3j.crypto.Hash;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.crypto.exception.CipherException;
import org.web3j.utils.Numeric;

/**
 * Ethereum keystore v3 (Web3 Secret Storage) at the edge. Import parses with web3j's {@link WalletFile} and decrypts
 * here with the checks web3j lacks (KDF bounds before deriving, constant-time MAC, derived key must match the file's
 * {@code address}); export goes through web3j's {@link Wallet}.
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
            byte[] key = decryptKey(file.getCrypto(), password);
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
        if (crypto == null || crypto.getKdfparams() == null || crypto.getCipherparams() == null || crypto.getMac() == null
                || crypto.getCiphertext() == null) {
            throw new KeystoreException.InvalidInputException("keystore v3 file lacks crypto.kdfparams, cipherparams, ciphertext or mac");
        }
        if (!"aes-128-ctr".equals(crypto.getCipher())) {
            throw new KeystoreException.InvalidInputException("keystore v3 cipher must be aes-128-ctr, got " + crypto.getCipher());
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
            if (!"hmac-sha256".equals(k.getPrf())) {
                throw new KeystoreException.InvalidInputException("keystore v3 pbkdf2 prf must be hmac-sha256, got " + k.getPrf());
            }
            if (k.getC() < 1 || k.getC() > MAX_PBKDF2_ITERATIONS || k.getDklen() != 32) {
                throw new KeystoreException.RejectedKdfParamsException(0, k.getC(), 1,
                        "pbkdf2 c=" + k.getC() + ", dklen=" + k.getDklen() + " is outside 1.." + MAX_PBKDF2_ITERATIONS);
            }
        } else {
            throw new KeystoreException.InvalidInputException("keystore v3 file uses an unknown KDF");
        }
    }

    /**
     * Web3 Secret Storage decryption: DK from the KDF, MAC = keccak256(DK[16..32] || ciphertext) compared in constant
     * time, then AES-128-CTR with DK[0..16]. Done here rather than by web3j's {@code Wallet.decrypt} because that takes
     * the password as a String and its scrypt (BouncyCastle) refuses the published n=2^18, r=1 vector.
     */
    private static byte[] decryptKey(WalletFile.Crypto crypto, char[] password) throws KeystoreException {
        byte[] pw = utf8(password);
        byte[] dk = null;
        try {
            if (crypto.getKdfparams() instanceof WalletFile.ScryptKdfParams s) {
                dk = Scrypt.derive(pw, hex(s.getSalt()), s.getN(), s.getR(), s.getP(), 32);
            } else {
                WalletFile.Aes128CtrKdfParams k = (WalletFile.Aes128CtrKdfParams) crypto.getKdfparams();
                PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
                generator.init(pw, hex(k.getSalt()), k.getC());
                dk = ((KeyParameter) generator.generateDerivedParameters(256)).getKey();
            }
            byte[] ciphertext = hex(crypto.getCiphertext());
            byte[] macBody = new byte[16 + ciphertext.length];
            System.arraycopy(dk, 16, macBody, 0, 16);
            System.arraycopy(ciphertext, 0, macBody, 16, ciphertext.length);
            if (!MessageDigest.isEqual(Hash.sha3(macBody), hex(crypto.getMac()))) {
                throw new KeystoreException.WrongPasswordException();
            }
            if (ciphertext.length != 32) {
                throw new KeystoreException.InvalidInputException("keystore v3 ciphertext must be 32 bytes, got " + ciphertext.length);
            }
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dk, 0, 16, "AES"), new IvParameterSpec(hex(crypto.getCipherparams().getIv())));
            return cipher.doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new KeystoreException.InvalidInputException("keystore v3 cipher parameters are malformed: " + e.getMessage(), e);
        } finally {
            Arrays.fill(pw, (byte) 0);
            if (dk != null) {
                Arrays.fill(dk, (byte) 0);
            }
        }
    }

    private static byte[] hex(String text) throws KeystoreException.InvalidInputException {
        try {
            return Numeric.hexStringToByteArray(text);
        } catch (RuntimeException e) {
            throw new KeystoreException.InvalidInputException("keystore v3 field is not hex");
        }
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return out;
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
