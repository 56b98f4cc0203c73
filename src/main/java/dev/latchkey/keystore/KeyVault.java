package dev.latchkey.keystore;

import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * Owner keys, session keys and the owner's enable signatures, sealed under the DEK. Private keys leave only inside
 * {@link #withOwnerKey} (zeroed when it returns); session keys never leave: callers get a {@link SessionSigner}.
 * Every method that takes a {@code char[]} wipes it.
 */
public final class KeyVault {

    /** Code that may use an owner key for the duration of the call. */
    @FunctionalInterface
    public interface KeyUse<T> {
        T apply(KeyMaterial key) throws KeystoreException;
    }

    private final Keystore keystore;
    private final SecretRows rows;
    private final Aead aead;

    KeyVault(Keystore keystore, Database db, Aead aead, InstantSource clock) {
        this.keystore = keystore;
        this.rows = new SecretRows(keystore, db, aead, clock);
        this.aead = aead;
    }

    /** Generates a new owner key inside the vault; returns its address. */
    public SecretInfo createOwnerKey(String label) throws KeystoreException {
        return store(SecretPurpose.OWNER_KEY, newPrivateKey(), label);
    }

    /** Imports a raw hex private key (64 hex digits, optional 0x). */
    public SecretInfo importPrivateKey(char[] hex, String label) throws KeystoreException {
        try {
            return store(SecretPurpose.OWNER_KEY, Addresses.parsePrivateKeyHex(hex), label);
        } finally {
            Arrays.fill(hex, '\0');
        }
    }

    /** Imports the key at {@code path} (default m/44'/60'/0'/0/0) of a BIP-39 mnemonic; the words are not stored. */
    public SecretInfo importMnemonic(char[] mnemonic, char[] passphrase, String path, String label) throws KeystoreException {
        keystore.withDek((dek, v) -> null); // fail fast while locked, before the slow derivation
        return store(SecretPurpose.OWNER_KEY, Mnemonics.derive(mnemonic, passphrase, path == null ? Mnemonics.DEFAULT_PATH : path), label);
    }

    /** Imports an Ethereum keystore v3 JSON (scrypt or pbkdf2) and re-wraps it into this vault. */
    public SecretInfo importKeystoreV3(String json, char[] filePassword, String label) throws KeystoreException {
        keystore.withDek((dek, v) -> null);
        return store(SecretPurpose.OWNER_KEY, KeystoreV3.decrypt(json, filePassword), label);
    }

    /**
     * Exports an owner key to keystore v3 JSON after the wallet password is entered again.
     * {@code walletPassword} and {@code exportPassword} are wiped.
     */
    public String exportKeystoreV3(String address, char[] walletPassword, char[] exportPassword, V3Strength strength)
            throws KeystoreException {
        try {
            keystore.verifyPassword(walletPassword);
            char[] exportCopy = exportPassword.clone();
            return withOwnerKey(address, key -> KeystoreV3.encrypt(key.bytes(), exportCopy, strength));
        } finally {
            Arrays.fill(walletPassword, '\0');
            Arrays.fill(exportPassword, '\0');
        }
    }

    /** Lends the owner key filed under {@code address} to {@code use}; the buffer is zeroed afterwards. */
    public <T> T withOwnerKey(String address, KeyUse<T> use) throws KeystoreException {
        try (KeyMaterial key = openKey(SecretPurpose.OWNER_KEY, Addresses.checksummed(address))) {
            return use.apply(key);
        }
    }

    /** Signs a 32-byte hash with an owner key: 65 bytes r || s || v (v = 27/28), RFC 6979 deterministic. */
    public byte[] signHashWithOwner(String address, byte[] hash) throws KeystoreException {
        return withOwnerKey(address, key -> signHash(key.bytes(), hash));
    }

    public List<SecretInfo> ownerKeys() throws KeystoreException {
        return rows.list(SecretPurpose.OWNER_KEY);
    }

    /** Generates a session key inside the vault; the private key never leaves it. */
    public SessionSigner createSessionKey(String label) throws KeystoreException {
        SecretInfo info = store(SecretPurpose.SESSION_KEY, newPrivateKey(), label);
        return new SessionSigner(this, info.publicRef());
    }

    /** A signing handle for an existing session key. */
    public SessionSigner sessionSigner(String address) throws KeystoreException {
        String checksummed = Addresses.checksummed(address);
        boolean known = rows.list(SecretPurpose.SESSION_KEY).stream().anyMatch(i -> i.publicRef().equals(checksummed));
        if (!known) {
            throw new KeystoreException.NotFoundException("the vault holds no session key " + checksummed);
        }
        return new SessionSigner(this, checksummed);
    }

    /**
     * Lends the session key of {@code address} for a session bundle shared with a server (issue 16): the one path by
     * which a session key leaves this vault, sealed to the server at once (ArchUnit: only the bundle writer calls it).
     * The buffer is zeroed when {@code use} returns.
     */
    public <T> T withSessionKeyForSharing(String address, KeyUse<T> use) throws KeystoreException {
        try (KeyMaterial key = openKey(SecretPurpose.SESSION_KEY, Addresses.checksummed(address))) {
            return use.apply(key);
        }
    }

    /** Stores a session key received in a shared bundle (an agent's own store); {@code key} is wiped. */
    public SessionSigner importSessionKey(byte[] key, String label) throws KeystoreException {
        if (key == null || !Addresses.isValidPrivateKey(key)) {
            if (key != null) Arrays.fill(key, (byte) 0);
            throw new KeystoreException.InvalidInputException("not a valid secp256k1 private key");
        }
        SecretInfo info = store(SecretPurpose.SESSION_KEY, key, label);
        return new SessionSigner(this, info.publicRef());
    }

    public List<SecretInfo> sessionKeys() throws KeystoreException {
        return rows.list(SecretPurpose.SESSION_KEY);
    }

    /** Deletes a session key (after revocation); secure_delete zeroes the page. */
    public boolean deleteSessionKey(String address) throws KeystoreException {
        return rows.delete(SecretPurpose.SESSION_KEY, Addresses.checksummed(address));
    }

    /**
     * Destroys a session key whose session row stays (a revoked session keeps its history, R16): the sealed key is
     * overwritten and can never be opened again; {@link #sessionKeys} no longer lists it. False if already wiped.
     */
    public boolean wipeSessionKey(String address) throws KeystoreException {
        return rows.wipe(SecretPurpose.SESSION_KEY, Addresses.checksummed(address));
    }

    byte[] signWithSessionKey(String address, byte[] hash) throws KeystoreException {
        try (KeyMaterial key = openKey(SecretPurpose.SESSION_KEY, address)) {
            return signHash(key.bytes(), hash);
        }
    }

    /** Stores the owner's enable signature for {@code permissionId} (32 bytes), sealed like a key. */
    public SecretInfo storeEnableSignature(byte[] permissionId, byte[] signature) throws KeystoreException {
        if (permissionId.length != 32) {
            throw new KeystoreException.InvalidInputException("a permission id is 32 bytes, got " + permissionId.length);
        }
        if (signature.length == 0) {
            throw new KeystoreException.InvalidInputException("an enable signature must not be empty");
        }
        return rows.insert(SecretPurpose.ENABLE_SIG, SecretRows.hexRef(permissionId), signature, "");
    }

    public byte[] enableSignature(byte[] permissionId) throws KeystoreException {
        return rows.open(SecretPurpose.ENABLE_SIG, SecretRows.hexRef(permissionId));
    }

    private SecretInfo store(SecretPurpose purpose, byte[] key, String label) throws KeystoreException {
        try {
            if (purpose == SecretPurpose.OWNER_KEY && keystore.isUnlocked() && keystore.ownerKeysLocked()) {
                throw new KeystoreException.LockedException("the owner key locked after the idle time; enter the wallet password again");
            }
            if (purpose == SecretPurpose.OWNER_KEY) keystore.recordActivity();
            return rows.insert(purpose, Addresses.addressOf(key), key, label == null ? "" : label);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private KeyMaterial openKey(SecretPurpose purpose, String address) throws KeystoreException {
        if (purpose == SecretPurpose.OWNER_KEY) {
            if (keystore.isUnlocked() && keystore.ownerKeysLocked()) {
                throw new KeystoreException.LockedException("the owner key locked after the idle time; enter the wallet password again");
            }
            keystore.recordActivity(); // only the person uses the owner key (R13)
        }
        KeyMaterial key = new KeyMaterial(rows.open(purpose, address));
        String derived = Addresses.addressOf(key.bytes());
        if (!derived.equals(address)) {
            key.close();
            throw new KeystoreException.AddressMismatchException(address, derived);
        }
        return key;
    }

    private byte[] newPrivateKey() {
        byte[] key;
        do {
            key = aead.randomBytes(32);
        } while (!Addresses.isValidPrivateKey(key));
        return key;
    }

    static byte[] signHash(byte[] privateKey, byte[] hash) throws KeystoreException {
        if (hash == null || hash.length != 32) {
            throw new KeystoreException.InvalidInputException("only a 32-byte hash can be signed, got "
                    + (hash == null ? "null" : hash.length + " bytes"));
        }
        // Known residual: web3j's ECKeyPair holds the key as an immutable BigInteger.
        Sign.SignatureData sig = Sign.signMessage(hash, ECKeyPair.create(privateKey), false);
        byte[] out = new byte[65];
        System.arraycopy(sig.getR(), 0, out, 0, 32);
        System.arraycopy(sig.getS(), 0, out, 32, 32);
        out[64] = sig.getV()[0];
        return out;
    }

    @Override
    public String toString() {
        return "KeyVault[<redacted>]";
    }
}
