package dev.latchkey.keystore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain key/value settings of one wallet (nothing secret goes here). */
public final class Settings {

    public static final String AUTO_LOCK_MINUTES = "autolock.minutes";
    /**
     * Present only in a backup copy (written around the copy and removed from the live file right after): a wallet that
     * opens with it was restored, and its signer rebuilds the journal from the chain before anything runs.
     */
    public static final String BACKUP_MARKER = "backup.taken_at";

    private final Database db;

    Settings(Database db) {
        this.db = db;
    }

    public String get(String key) throws KeystoreException {
        return get(db, key);
    }

    public void put(String key, String value) throws KeystoreException {
        put(db, key, value);
    }

    public void remove(String key) throws KeystoreException {
        remove(db, key);
    }

    static void remove(Database db, String key) throws KeystoreException {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM settings WHERE key = ?")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Map<String, String> all() throws KeystoreException {
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM settings ORDER BY key");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    static String get(Database db, String key) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    static void put(Database db, String key, String value) throws KeystoreException {
        if (key == null || key.isBlank() || value == null) {
            throw new KeystoreException.InvalidInputException("a setting needs a non-blank key and a value");
        }
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    static String encodeKdf(KdfParams params) {
        return params.memoryKib() + "," + params.iterations() + "," + params.parallelism();
    }

    /** Parses "m,t,p"; null when malformed (the caller falls back to the default). */
    static KdfParams parseKdf(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            return null;
        }
        try {
            return new KdfParams(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), Integer.parseInt(parts[2].trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "Settings[" + db.file() + "]";
    }
}
