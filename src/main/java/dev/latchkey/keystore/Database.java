package dev.latchkey.keystore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite wallet file: an exclusive OS lock on a sibling {@code .lock} file (so a second instance gets a clear
 * error instead of racing), WAL with {@code synchronous=FULL}, foreign keys, secure delete, a start-up
 * {@code quick_check} and migrations keyed on {@code PRAGMA user_version}. Every access is serialised on this object.
 */
final class Database implements AutoCloseable {

    static final int SCHEMA_VERSION = 8;
    private static final String[] MIGRATIONS = {"V1__init.sql", "V2__address_book_quarantine.sql",
        "V3__session_approval.sql", "V4__automation.sql", "V5__journal_unsigned_op.sql",
        "V6__journal_call_outcome.sql", "V7__journal_released_sequences.sql",
        "V8__activity_fields.sql"};

    /** A unit of work on the connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException, KeystoreException;
    }

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Connection connection;

    private Database(Path file, FileChannel lockChannel, FileLock lock, Connection connection) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.connection = connection;
    }

    /** Opens (or creates) the file and migrates it to {@code upToVersion}. Tests pass an older version to build fixtures. */
    static Database open(Path file, int upToVersion) throws KeystoreException {
        FileChannel channel = null;
        try {
            Path absolute = file.toAbsolutePath();
            PrivateFiles.createDirectories(absolute.getParent());
            Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
            channel = PrivateFiles.posix(lockFile)
                    ? FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(PrivateFiles.FILE))
                    : FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            PrivateFiles.restrict(lockFile);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new KeystoreException.AlreadyOpenException(absolute);
            }
            // SQLite gives -wal and -shm the mode of the database file, so a 0600 wallet.db keeps all three private.
            if (!Files.exists(absolute)) PrivateFiles.createEmpty(absolute);
            for (String suffix : new String[] {"", "-wal", "-shm"}) PrivateFiles.restrict(absolute.resolveSibling(absolute.getFileName() + suffix));
            Connection connection = connect(absolute);
            Database db = new Database(absolute, channel, lock, connection);
            channel = null;
            try {
                db.quickCheck();
                db.migrate(upToVersion);
            } catch (KeystoreException | RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (IOException e) {
            throw new KeystoreException.StorageException("cannot open the lock file next to " + file + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new KeystoreException.StorageException("cannot open wallet database " + file + ": " + e.getMessage(), e);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the lock is released with the channel
                }
            }
        }
    }

    private static Connection connect(Path file) throws SQLException, KeystoreException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection connection = config.createConnection("jdbc:sqlite:" + file);
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA secure_delete = ON");
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) {
                st.execute("PRAGMA fullfsync = ON");
            }
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                String mode = rs.next() ? rs.getString(1) : "";
                if (!"wal".equalsIgnoreCase(mode)) {
                    connection.close();
                    throw new KeystoreException.StorageException("SQLite refused WAL mode (got '" + mode + "') for " + file, null);
                }
            }
        }
        return connection;
    }

    private void quickCheck() throws SQLException, KeystoreException {
        String result = pragmaText("quick_check");
        if (!"ok".equals(result)) {
            throw new KeystoreException.StorageException("wallet database " + file + " failed quick_check: " + result, null);
        }
    }

    synchronized String pragmaText(String pragma) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    synchronized int schemaVersion() throws SQLException {
        return Integer.parseInt(pragmaText("user_version"));
    }

    private void migrate(int upToVersion) throws SQLException, KeystoreException {
        int current = schemaVersion();
        if (current > SCHEMA_VERSION) {
            throw new KeystoreException.UnsupportedFormatException("wallet schema version", current, SCHEMA_VERSION);
        }
        for (int version = current + 1; version <= upToVersion; version++) {
            String script = loadScript(MIGRATIONS[version - 1]);
            int target = version;
            transaction(c -> {
                try (Statement st = c.createStatement()) {
                    for (String sql : script.split("(?m)^;;\\s*$")) {
                        if (!sql.isBlank()) {
                            st.execute(sql);
                        }
                    }
                    st.execute("PRAGMA user_version = " + target);
                }
                return null;
            });
        }
    }

    private static String loadScript(String name) {
        try (InputStream in = Database.class.getResourceAsStream("sql/" + name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    /** Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction; rolls back on any failure. */
    synchronized <T> T transaction(Work<T> work) throws KeystoreException {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | KeystoreException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new KeystoreException.StorageException("wallet database write failed: " + e.getMessage(), e);
        }
    }

    /** Runs read-only {@code work} in autocommit mode. */
    synchronized <T> T read(Work<T> work) throws KeystoreException {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new KeystoreException.StorageException("wallet database read failed: " + e.getMessage(), e);
        }
    }

    /** Online backup through SQLite's backup API: a consistent copy even while the WAL is live. */
    synchronized void backupTo(Path target) throws KeystoreException {
        String path = target.toAbsolutePath().toString();
        if (path.indexOf('"') >= 0) {
            throw new KeystoreException.InvalidInputException("backup path must not contain a double quote: " + path);
        }
        if (Files.exists(target)) {
            throw new KeystoreException.InvalidInputException("backup target already exists, refusing to overwrite: " + path);
        }
        try (Statement st = connection.createStatement()) {
            PrivateFiles.createEmpty(target.toAbsolutePath()); // 0600 before a single page is copied into it
            st.executeUpdate("backup to \"" + path + "\"");
            PrivateFiles.restrict(target.toAbsolutePath());
        } catch (IOException e) {
            throw new KeystoreException.StorageException("cannot create the directory for backup " + path + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            try {
                Files.deleteIfExists(target); // no partial backup is left behind
            } catch (IOException ignored) {
                // the message below names the path
            }
            throw new KeystoreException.StorageException("backup to " + path + " failed: " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing is best effort; SQLite recovers the WAL on next open
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the OS drops the lock with the process anyway
        }
    }
}
