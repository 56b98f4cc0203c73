package dev.latchkey.keystore;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Every failure of the keystore a caller can act on, as a closed set so a switch over it is exhaustive.
 * Messages name what is wrong and never contain a secret.
 */
public abstract sealed class KeystoreException extends Exception {

    private KeystoreException(String message, Throwable cause) {
        super(message, cause);
    }

    private KeystoreException(String message) {
        super(message);
    }

    /** The password did not unwrap the data key. A deliberately re-checksummed header also ends here, by design. */
    public static final class WrongPasswordException extends KeystoreException {
        public WrongPasswordException() {
            super("wrong password");
        }
    }

    /** The header row (KDF parameters, salt, wrapped key) does not match its checksum: corrupted or edited. */
    public static final class TamperedHeaderException extends KeystoreException {
        public TamperedHeaderException(String detail) {
            super("keystore header is corrupted or was modified: " + detail);
        }
    }

    /** One secret row failed authentication. The rest of the vault stays usable; this row is quarantined. */
    public static final class TamperedRecordException extends KeystoreException {
        private final String uuid;

        public TamperedRecordException(String uuid, String purpose, String publicRef) {
            super("secret record " + uuid + " (" + purpose + " " + publicRef + ") is corrupted or was modified");
            this.uuid = uuid;
        }

        public String uuid() {
            return uuid;
        }
    }

    /** A row carries the ciphertext of another row (blobs swapped between rows). */
    public static final class SwappedRecordException extends KeystoreException {
        private final String uuid;
        private final String belongsTo;

        public SwappedRecordException(String uuid, String belongsTo) {
            super("secret record " + uuid + " holds the ciphertext of record " + belongsTo + " (rows were swapped)");
            this.uuid = uuid;
            this.belongsTo = belongsTo;
        }

        public String uuid() {
            return uuid;
        }

        public String belongsTo() {
            return belongsTo;
        }
    }

    /** A decrypted key does not derive the address it is filed under (or that its keystore file claims). */
    public static final class AddressMismatchException extends KeystoreException {
        public AddressMismatchException(String expected, String actual) {
            super("decrypted key derives address " + actual + " but the record says " + expected);
        }
    }

    /** Written by a newer (or unknown) version of Latchkey. */
    public static final class UnsupportedFormatException extends KeystoreException {
        public UnsupportedFormatException(String what, long found, long supported) {
            super("unsupported " + what + " " + found + " (this build reads up to " + supported + ")");
        }
    }

    /** KDF parameters outside the accepted bounds; refused before any memory is allocated. */
    public static final class RejectedKdfParamsException extends KeystoreException {
        public RejectedKdfParamsException(long memoryKib, long iterations, long parallelism, String reason) {
            super("refused KDF parameters m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism + ": " + reason);
        }
    }

    /** Another process (or another window of this one) has the wallet open. */
    public static final class AlreadyOpenException extends KeystoreException {
        public AlreadyOpenException(Path file) {
            super("wallet " + file + " is already open in another Latchkey instance; close it first");
        }
    }

    /** Too many wrong passwords; the wait survives restarts. */
    public static final class UnlockThrottledException extends KeystoreException {
        private final Duration retryAfter;

        public UnlockThrottledException(int failures, Duration retryAfter) {
            this(failures, retryAfter, false);
        }

        /** {@code edited}: the stored counter did not verify and was counted as failures (docs/keystore.md). */
        public UnlockThrottledException(int failures, Duration retryAfter, boolean edited) {
            super(failures + " failed password attempts" + (edited ? " (the stored attempt counter had been edited)" : "")
                    + "; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** A reservation would exceed a session's spend or usage cap; nothing was reserved. */
    public static final class BudgetExceededException extends KeystoreException {
        public BudgetExceededException(String detail) {
            super("budget exceeded: " + detail);
        }
    }

    /** A journal row is not in the state the caller expected (or the move is not allowed). */
    public static final class JournalConflictException extends KeystoreException {
        public JournalConflictException(String detail) {
            super(detail);
        }
    }

    /** The operation needs the vault unlocked. */
    public static final class LockedException extends KeystoreException {
        public LockedException() {
            super("the wallet is locked; unlock it first");
        }

        public LockedException(String message) {
            super(message);
        }
    }

    /** Bad user input: a malformed key, mnemonic, path, keystore file or address. */
    public static final class InvalidInputException extends KeystoreException {
        public InvalidInputException(String message) {
            super(message);
        }

        public InvalidInputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Missing wallet, missing record, or a wallet that already exists where a new one was asked for. */
    public static final class NotFoundException extends KeystoreException {
        public NotFoundException(String message) {
            super(message);
        }
    }

    /** The database file failed its integrity check or an I/O operation failed. */
    public static final class StorageException extends KeystoreException {
        public StorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
