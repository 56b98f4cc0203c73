package dev.latchkey.keystore;

import java.util.Arrays;
import java.util.Locale;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.utils.Numeric;

/** BIP-39 mnemonic + BIP-32 path to a private key. The mnemonic itself is never stored. */
final class Mnemonics {

    static final String DEFAULT_PATH = "m/44'/60'/0'/0/0";

    private Mnemonics() {
    }

    /** Returns the derived 32-byte key (caller zeroes it); wipes {@code mnemonic} and {@code passphrase}. */
    static byte[] derive(char[] mnemonic, char[] passphrase, String path) throws KeystoreException {
        try {
            int[] indexes = parsePath(path);
            // Known residual: web3j's BIP-39 API takes Strings, which cannot be wiped.
            String words = String.join(" ", new String(mnemonic).trim().toLowerCase(Locale.ROOT).split("\\s+"));
            int count = words.isEmpty() ? 0 : words.split(" ").length;
            if (count % 3 != 0 || count < 12 || count > 24) {
                throw new KeystoreException.InvalidInputException("a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, got " + count);
            }
            if (!MnemonicUtils.validateMnemonic(words)) {
                throw new KeystoreException.InvalidInputException("mnemonic has an unknown word or a bad checksum (English BIP-39 list)");
            }
            byte[] seed = MnemonicUtils.generateSeed(words, new String(passphrase));
            try {
                Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
                Bip32ECKeyPair child = Bip32ECKeyPair.deriveKeyPair(master, indexes);
                return Numeric.toBytesPadded(child.getPrivateKey(), 32);
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        } finally {
            Arrays.fill(mnemonic, '\0');
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Parses {@code m/44'/60'/0'/0/0} (h or ' marks hardened). */
    static int[] parsePath(String path) throws KeystoreException.InvalidInputException {
        String p = path == null ? "" : path.trim();
        if (!p.startsWith("m/") && !p.equals("m")) {
            throw new KeystoreException.InvalidInputException("derivation path must start with m/, e.g. " + DEFAULT_PATH + ": " + path);
        }
        String[] parts = p.equals("m") ? new String[0] : p.substring(2).split("/");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean hardened = part.endsWith("'") || part.endsWith("h") || part.endsWith("H");
            String digits = hardened ? part.substring(0, part.length() - 1) : part;
            long value;
            try {
                value = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new KeystoreException.InvalidInputException("derivation path element '" + part + "' is not a number in " + path);
            }
            if (digits.startsWith("+") || value < 0 || value >= (1L << 31)) {
                throw new KeystoreException.InvalidInputException("derivation path element '" + part + "' is out of range in " + path);
            }
            out[i] = hardened ? (int) (value | Bip32ECKeyPair.HARDENED_BIT) : (int) value;
        }
        return out;
    }
}
