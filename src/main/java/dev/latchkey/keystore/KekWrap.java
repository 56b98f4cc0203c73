package dev.latchkey.keystore;

import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/** Reading, checking and (re)writing the DEK wrap of the keystore header. */
final class KekWrap {

    private KekWrap() {
    }

    /** Reads the header and checks, in order: format, KDF id, bounds (before any allocation), checksum. */
    static Header checkedHeader(Database db, KdfPolicy policy) throws KeystoreException {
        Header header = db.read(Header::read);
        if (header == null) {
            throw new KeystoreException.NotFoundException("wallet " + db.file() + " has no keystore header");
        }
        if (header.formatVersion() != Header.FORMAT_VERSION) {
            throw new KeystoreException.UnsupportedFormatException("keystore format version", header.formatVersion(), Header.FORMAT_VERSION);
        }
        if (!Argon2Kdf.KDF_ID.equals(header.kdfId())) {
            throw new KeystoreException.UnsupportedFormatException("KDF '" + header.kdfId() + "', format", header.formatVersion(), Header.FORMAT_VERSION);
        }
        // Bounds first: nothing is allocated for a file that demands 64 GiB.
        policy.check(header.memoryKib(), header.iterations(), header.parallelism());
        if (!header.checksumMatches()) {
            throw new KeystoreException.TamperedHeaderException("checksum mismatch in keystore_meta");
        }
        return header;
    }

    /** Derives the KEK and unwraps the DEK (caller zeroes it); a failed tag means a wrong password. */
    static byte[] unwrap(Header header, char[] password) throws KeystoreException {
        byte[] kek = Argon2Kdf.deriveKek(password, header.kdfParams(), header.salt());
        try {
            return Aead.open(kek, header.wrapNonce(), header.wrappedDek(), header.wrapAad());
        } catch (AEADBadTagException e) {
            throw new KeystoreException.WrongPasswordException();
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** A new header wrapping {@code key} under {@code password} with a fresh salt and nonce. */
    static Header wrap(Aead aead, byte[] key, char[] password, KdfParams params, long kekVersion, long dekVersion) {
        byte[] salt = aead.randomBytes(Argon2Kdf.SALT_BYTES);
        Header draft = Header.sealed(Argon2Kdf.KDF_ID, params, salt, kekVersion, dekVersion, new byte[12], new byte[48]);
        byte[] kek = Argon2Kdf.deriveKek(password, params, salt);
        try {
            Aead.Sealed wrapped = aead.seal(kek, key, draft.wrapAad());
            return Header.sealed(Argon2Kdf.KDF_ID, params, salt, kekVersion, dekVersion, wrapped.nonce(), wrapped.ciphertext());
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }
}
