package dev.latchkey.keystore;

import java.math.BigInteger;
import java.util.Arrays;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.WalletUtils;
import org.web3j.utils.Numeric;

/** Address and private-key checks shared by the vault and its importers. */
final class Addresses {

    private static final BigInteger CURVE_ORDER = Sign.CURVE_PARAMS.getN();

    private Addresses() {
    }

    /** EIP-55 form of {@code address}; refuses malformed input and a mixed-case address with a bad checksum. */
    static String checksummed(String address) throws KeystoreException.InvalidInputException {
        if (address == null || !WalletUtils.isValidAddress(address) || !address.startsWith("0x")) {
            throw new KeystoreException.InvalidInputException("not an address (want 0x + 40 hex digits): " + address);
        }
        String checksummed = Keys.toChecksumAddress(address);
        String body = address.substring(2);
        boolean mixed = !body.equals(body.toLowerCase()) && !body.equals(body.toUpperCase());
        if (mixed && !checksummed.equals(address)) {
            throw new KeystoreException.InvalidInputException("address has a bad EIP-55 checksum: " + address);
        }
        return checksummed;
    }

    /** Checksummed address of a 32-byte private key. (web3j works on a BigInteger copy that cannot be wiped.) */
    static String addressOf(byte[] privateKey) {
        BigInteger publicKey = Sign.publicKeyFromPrivate(new BigInteger(1, privateKey));
        return Keys.toChecksumAddress(Keys.getAddress(publicKey));
    }

    static boolean isValidPrivateKey(byte[] key) {
        if (key.length != 32) {
            return false;
        }
        BigInteger k = new BigInteger(1, key);
        return k.signum() > 0 && k.compareTo(CURVE_ORDER) < 0;
    }

    /** Parses 64 hex digits (optional 0x, surrounding whitespace ignored) without making a String. */
    static byte[] parsePrivateKeyHex(char[] text) throws KeystoreException.InvalidInputException {
        int start = 0;
        int end = text.length;
        while (start < end && Character.isWhitespace(text[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(text[end - 1])) {
            end--;
        }
        if (end - start >= 2 && text[start] == '0' && (text[start + 1] == 'x' || text[start + 1] == 'X')) {
            start += 2;
        }
        if (end - start != 64) {
            throw new KeystoreException.InvalidInputException("a private key is 64 hex digits (32 bytes), got " + (end - start) + " characters");
        }
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) {
            int hi = Character.digit(text[start + 2 * i], 16);
            int lo = Character.digit(text[start + 2 * i + 1], 16);
            if (hi < 0 || lo < 0) {
                Arrays.fill(key, (byte) 0);
                throw new KeystoreException.InvalidInputException("a private key may contain only hex digits 0-9 a-f");
            }
            key[i] = (byte) ((hi << 4) | lo);
        }
        if (!isValidPrivateKey(key)) {
            Arrays.fill(key, (byte) 0);
            throw new KeystoreException.InvalidInputException("private key is zero or not below the secp256k1 group order");
        }
        return key;
    }

    static String hex(byte[] bytes) {
        return Numeric.toHexString(bytes);
    }
}
