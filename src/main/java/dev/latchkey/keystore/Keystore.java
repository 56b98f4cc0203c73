package dev.latchkey.keystore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open wallet file: the KEK/DEK hierarchy, unlock and lock, password change and KDF upgrade, plus access to
 * the key vault and the plain tables. Every method that takes a password wipes that array before returning.
 * Locking (explicitly, by {@link AutoLock}, or by {@link #close()}) zeroes the DEK.
 */
public final class Keystore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Keystore.class);
    static final String KDF_TARGET_SETTING = "kdf.target";

    private final Database db;
    private final KdfPolicy policy;
    private final InstantSource clock;
    private final Aead aead;
    private byte[] dek;
    private long dekVersion;
    private volatile Instant lastActivity;
    /** Owner keys refused (session keys still sign) until the next unlock: the person's idle timer ran out. */
    private volatile boolean ownerKeysLocked;

    private Keystore(Database db, KdfPolicy policy, InstantSource clock) {
        this.db = db;
        this.policy = policy;
        this.clock = clock;
        this.aead = new Aead(new SecureRandom());
        this.lastActivity = clock.instant();
    }

    /** Creates a new wallet file protected by {@code password} with {@code params}, and returns it unlocked. */
    public static Keystore create(Path file, char[] password, KdfParams params, KdfPolicy policy, InstantSource clock)
            throws KeystoreException {
        try {
            policy.check(params.memoryKib(), params.iterations(), params.parallelism());
            Database db = Database.open(file, Database.SCHEMA_VERSION);
            Keystore keystore = new Keystore(db, policy, clock);
            try {
                if (db.read(Header::read) != null) {
                    throw new KeystoreException.InvalidInputException("a wallet already exists at " + file);
                }
                byte[] newDek = keystore.aead.randomBytes(Argon2Kdf.KEY_BYTES);
                keystore.writeWrapped(newDek, password, params, 1, 1, ActivityKind.WALLET_CREATED);
                keystore.dek = newDek;
                keystore.dekVersion = 1;
                if (!params.equals(policy.target())) {
                    Settings.put(db, KDF_TARGET_SETTING, Settings.encodeKdf(params)); // calibrated for this machine
                }
                LOG.info("created wallet {} with {}", file, params);
                return keystore;
            } catch (KeystoreException | RuntimeException e) {
                keystore.close();
                throw e;
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Opens an existing wallet, locked. */
    public static Keystore open(Path file, KdfPolicy policy, InstantSource clock) throws KeystoreException {
        if (!Files.isRegularFile(file)) {
            throw new KeystoreException.NotFoundException("no wallet at " + file + " (run 'latchkey wallet init')");
        }
        Database db = Database.open(file, Database.SCHEMA_VERSION);
        try {
            Header header = db.read(Header::read);
            if (header == null) {
                throw new KeystoreException.NotFoundException("wallet " + file + " was never initialised (creation did not finish)");
            }
            if (header.formatVersion() != Header.FORMAT_VERSION) {
                throw new KeystoreException.UnsupportedFormatException("keystore format version", header.formatVersion(), Header.FORMAT_VERSION);
            }
            return new Keystore(db, policy, clock);
        } catch (KeystoreException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Unlocks with {@code password}; upgrades the KDF when the stored parameters are below this wallet's target. */
    public synchronized void unlock(char[] password) throws KeystoreException {
        try {
            Header header = checkedHeader();
            byte[] unwrapped = checkPassword(header, password, "unlock");
            lockInternal();
            ownerKeysLocked = false;
            dek = unwrapped;
            dekVersion = header.dekVersion();
            lastActivity = clock.instant();
            db.transaction(c -> {
                ActivityLog.append(c, clock.instant(), ActivityKind.UNLOCKED, db.file().getFileName().toString(), "");
                return null;
            });
            KdfParams target = kdfTarget();
            if (KdfPolicy.needsUpgrade(header.kdfParams(), target)) {
                writeWrapped(dek, password, target, header.kekVersion() + 1, header.dekVersion(), ActivityKind.KDF_UPGRADED);
                LOG.info("upgraded KDF of {} from {} to {}", db.file(), header.kdfParams(), target);
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** O(1) password change: the DEK is re-wrapped under a KEK from the new password in one transaction. */
    public synchronized void changePassword(char[] oldPassword, char[] newPassword) throws KeystoreException {
        try {
            Header header = checkedHeader();
            byte[] verified = checkPassword(header, oldPassword, "change-password");
            try {
                KdfParams params = kdfTarget();
                writeWrapped(verified, newPassword, params, header.kekVersion() + 1, header.dekVersion(), ActivityKind.PASSWORD_CHANGED);
            } finally {
                Arrays.fill(verified, (byte) 0);
            }
            LOG.info("password changed for {}", db.file());
        } finally {
            Arrays.fill(oldPassword, '\0');
            Arrays.fill(newPassword, '\0');
        }
    }

    /** Re-checks a password without changing state (used before exporting a key). Wipes {@code password}. */
    public synchronized void verifyPassword(char[] password) throws KeystoreException {
        try {
            Arrays.fill(checkPassword(checkedHeader(), password, "password check"), (byte) 0);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Every password check: the back-off first (an edited counter counts as {@link UnlockBackoff#TAMPERED_FAILURES}),
     * then the unwrap; a wrong password is counted, a right one resets the count. Returns the DEK.
     */
    private byte[] checkPassword(Header header, char[] password, String purpose) throws KeystoreException {
        Instant now = clock.instant();
        UnlockBackoff stored = db.read(c -> UnlockBackoff.read(c, header));
        UnlockBackoff backoff = stored;
        if (stored.tampered()) {
            int counted = Math.max(stored.failures(), UnlockBackoff.TAMPERED_FAILURES);
            db.transaction(c -> {
                UnlockBackoff.write(c, header, counted, now);
                ActivityLog.append(c, now, ActivityKind.UNLOCK_STATE_EDITED, db.file().getFileName().toString(),
                        "the failed-attempt counter did not verify; counted as " + counted + " failures");
                return null;
            });
            LOG.warn("the failed-attempt counter of {} was edited; counted as {} failures", db.file(), counted);
            backoff = new UnlockBackoff(counted, now, false);
        }
        Duration wait = backoff.remaining(now);
        if (!wait.isZero()) {
            throw new KeystoreException.UnlockThrottledException(backoff.failures(), wait, stored.tampered());
        }
        int before = backoff.failures();
        try {
            byte[] key = unwrap(header, password);
            if (before != 0) {
                db.transaction(c -> {
                    UnlockBackoff.write(c, header, 0, now);
                    return null;
                });
            }
            return key;
        } catch (KeystoreException.WrongPasswordException e) {
            int failures = before + 1;
            db.transaction(c -> {
                UnlockBackoff.write(c, header, failures, now);
                ActivityLog.append(c, now, ActivityKind.UNLOCK_FAILED, db.file().getFileName().toString(), purpose + ", attempt " + failures);
                return null;
            });
            LOG.warn("wrong password for {} ({}; {} failed attempts)", db.file(), purpose, failures);
            throw e;
        }
    }

    /** Re-wraps {@code key} under a fresh salt; the whole header row changes in one transaction, with the counter re-keyed. */
    synchronized void writeWrapped(byte[] key, char[] password, KdfParams params, long kekVersion, long newDekVersion,
                                   ActivityKind event) throws KeystoreException {
        Header header = KekWrap.wrap(aead, key, password, params, kekVersion, newDekVersion);
        db.transaction(c -> {
            header.write(c, clock.millis());
            UnlockBackoff.write(c, header, 0, clock.instant()); // only ever after a verified password (or at creation)
            ActivityLog.append(c, clock.instant(), event, db.file().getFileName().toString(), params.toString());
            return null;
        });
    }

    private Header checkedHeader() throws KeystoreException {
        return KekWrap.checkedHeader(db, policy);
    }

    private static byte[] unwrap(Header header, char[] password) throws KeystoreException {
        return KekWrap.unwrap(header, password);
    }

    /** The KDF cost this wallet re-wraps with: its calibrated target if one was stored, else the policy default. */
    public KdfParams kdfTarget() throws KeystoreException {
        String stored = Settings.get(db, KDF_TARGET_SETTING);
        KdfParams target = stored == null ? null : Settings.parseKdf(stored);
        if (target == null || !target.atLeast(policy.floor()) || !target.atMost(policy.ceiling())) {
            return policy.target();
        }
        return target;
    }

    /** Raises (or sets) the target; the next unlock upgrades a weaker file. */
    public void setKdfTarget(KdfParams target) throws KeystoreException {
        policy.check(target.memoryKib(), target.iterations(), target.parallelism());
        Settings.put(db, KDF_TARGET_SETTING, Settings.encodeKdf(target));
    }

    /** The parameters the file is currently wrapped with. */
    public KdfParams kdfParams() throws KeystoreException {
        return checkedHeader().kdfParams();
    }

    public synchronized boolean isUnlocked() {
        return dek != null;
    }

    /** Zeroes the DEK; key buffers handed out in {@code withKey} calls are zeroed when those calls return. */
    public synchronized void lock() {
        if (dek != null) {
            lockInternal();
            try {
                db.transaction(c -> {
                    ActivityLog.append(c, clock.instant(), ActivityKind.LOCKED, db.file().getFileName().toString(), "");
                    return null;
                });
            } catch (KeystoreException e) {
                LOG.warn("could not record the lock in the activity log: {}", e.getMessage());
            }
            LOG.info("wallet {} locked", db.file());
        }
    }

    private void lockInternal() {
        if (dek != null) {
            Arrays.fill(dek, (byte) 0);
            dek = null;
        }
    }

    /**
     * Runs {@code work} with the DEK; throws {@link KeystoreException.LockedException} when locked. It does not count
     * as activity: the idle timer is the person's ({@link #recordActivity}), so unattended signing never keeps the
     * wallet open by itself.
     */
    synchronized <T> T withDek(DekWork<T> work) throws KeystoreException {
        if (dek == null) {
            throw new KeystoreException.LockedException();
        }
        return work.run(dek, dekVersion);
    }

    /** Something the person did (a key press, an owner-key use, an unlock): restarts the idle timer. */
    public void recordActivity() {
        lastActivity = clock.instant();
    }

    /**
     * The person's idle timer ran out while unattended work (the signer, automations) must go on: owner keys are
     * refused until the password is entered again; session keys keep signing within their sessions (docs/security.md).
     */
    public void lockOwnerKeys() {
        if (dek != null && !ownerKeysLocked) {
            ownerKeysLocked = true;
            try {
                db.transaction(c -> {
                    ActivityLog.append(c, clock.instant(), ActivityKind.OWNER_KEYS_LOCKED, db.file().getFileName().toString(), "idle");
                    return null;
                });
            } catch (KeystoreException e) {
                LOG.warn("could not record the owner-key lock in the activity log: {}", e.getMessage());
            }
        }
    }

    public boolean ownerKeysLocked() {
        return dek == null || ownerKeysLocked;
    }

    @FunctionalInterface
    interface DekWork<T> {
        T run(byte[] dek, long dekVersion) throws KeystoreException;
    }

    public Instant lastActivity() {
        return lastActivity;
    }

    /** Online backup (SQLite backup API) to a new file; secrets stay encrypted in the copy. */
    public void backupTo(Path target) throws KeystoreException {
        // The copy carries a marker the live file does not keep: a restored wallet knows it is one (issue 09).
        Settings.put(db, Settings.BACKUP_MARKER, clock.instant().toString());
        try {
            db.backupTo(target);
        } finally {
            Settings.remove(db, Settings.BACKUP_MARKER);
        }
        db.transaction(c -> {
            ActivityLog.append(c, clock.instant(), ActivityKind.BACKUP_WRITTEN, target.getFileName().toString(), "");
            return null;
        });
    }

    public KeyVault keys() {
        return new KeyVault(this, db, aead, clock);
    }

    public Sessions sessions() {
        return new Sessions(db, clock, new SecretRows(this, db, aead, clock));
    }

    public SignerJournal journal() {
        return new SignerJournal(db, clock);
    }

    public ActivityLog activity() {
        return new ActivityLog(db, clock);
    }

    public Settings settings() {
        return new Settings(db);
    }

    public Automations automations() {
        return new Automations(this, db, aead, clock);
    }

    public AddressBook addressBook() {
        return new AddressBook(db, clock);
    }

    public Path file() {
        return db.file();
    }

    /** Result of {@code PRAGMA integrity_check} ("ok" when healthy). */
    public String integrityCheck() throws KeystoreException {
        return db.read(c -> db.pragmaText("integrity_check"));
    }

    Database database() {
        return db;
    }

    /** Locks on JVM exit too (a shutdown hook); returns the hook so a caller may remove it after {@link #close()}. */
    public Thread lockOnExit() {
        Thread hook = new Thread(this::lock, "latchkey-lock-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Locks, then closes the file and releases the instance lock. */
    @Override
    public void close() {
        lock();
        db.close();
    }

    @Override
    public String toString() {
        return "Keystore[" + db.file() + ", " + (isUnlocked() ? "unlocked" : "locked") + "]";
    }
}
