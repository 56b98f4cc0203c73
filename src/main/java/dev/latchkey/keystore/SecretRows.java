package dev.latchkey.keystore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.AEADBadTagException;

/**
 * Sealed rows of the {@code secret} table. Each row is AES-256-GCM under the DEK with a fresh nonce; the AAD binds
 * format version, DEK version, row UUID, purpose and public reference, so edits and swaps fail authentication.
 */
final class SecretRows {

    private record Row(byte[] uuid, SecretPurpose purpose, String publicRef, long dekVersion, byte[] nonce,
                       byte[] ciphertext, boolean quarantined) {
        String uuidText() {
            return uuidText(uuid);
        }

        static String uuidText(byte[] uuid) {
            ByteBuffer b = ByteBuffer.wrap(uuid);
            return new UUID(b.getLong(), b.getLong()).toString();
        }
    }

    private static final String COLUMNS = "uuid, purpose, public_ref, dek_version, nonce, ciphertext, quarantined";

    private final Keystore keystore;
    private final Database db;
    private final Aead aead;
    private final InstantSource clock;

    SecretRows(Keystore keystore, Database db, Aead aead, InstantSource clock) {
        this.keystore = keystore;
        this.db = db;
        this.aead = aead;
        this.clock = clock;
    }

    static byte[] aad(long dekVersion, byte[] uuid, SecretPurpose purpose, String publicRef) {
        return Header.encode(out -> {
            out.write("latchkey-rec".getBytes(StandardCharsets.US_ASCII));
            out.writeLong(Header.FORMAT_VERSION);
            out.writeLong(dekVersion);
            out.write(uuid);
            out.writeUTF(purpose.name());
            out.writeUTF(publicRef);
        });
    }

    /** Seals {@code plaintext} (not modified) into a new row. */
    SecretInfo insert(SecretPurpose purpose, String publicRef, byte[] plaintext, String label) throws KeystoreException {
        return keystore.withDek((dek, dekVersion) -> {
            byte[] uuid = aead.randomBytes(16);
            Aead.Sealed sealed = aead.seal(dek, plaintext, aad(dekVersion, uuid, purpose, publicRef));
            Instant now = clock.instant();
            db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO secret (uuid, purpose, public_ref, dek_version,"
                        + " nonce, ciphertext, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setBytes(1, uuid);
                    ps.setString(2, purpose.name());
                    ps.setString(3, publicRef);
                    ps.setLong(4, dekVersion);
                    ps.setBytes(5, sealed.nonce());
                    ps.setBytes(6, sealed.ciphertext());
                    ps.setString(7, label);
                    ps.setLong(8, now.toEpochMilli());
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                        throw new KeystoreException.InvalidInputException("the vault already holds a " + purpose + " for " + publicRef);
                    }
                    throw e;
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE keystore_meta SET dek_encryptions = dek_encryptions + 1")) {
                    ps.executeUpdate();
                }
                ActivityLog.append(c, now, ActivityKind.SECRET_ADDED, publicRef, purpose.name());
                return null;
            });
            return new SecretInfo(Row.uuidText(uuid), purpose, publicRef, label, now, false);
        });
    }

    /** Opens the row filed under (purpose, publicRef); the caller zeroes the result. */
    byte[] open(SecretPurpose purpose, String publicRef) throws KeystoreException {
        Row row = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM secret WHERE purpose = ? AND public_ref = ?")) {
                ps.setString(1, purpose.name());
                ps.setString(2, publicRef);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? row(rs) : null;
                }
            }
        });
        if (row == null) {
            throw new KeystoreException.NotFoundException("the vault holds no " + purpose + " for " + publicRef);
        }
        if (row.ciphertext().length == 0) {
            throw new KeystoreException.NotFoundException("the " + purpose + " for " + publicRef + " was wiped");
        }
        return open(row);
    }

    /**
     * The AEAD decides, not the {@code quarantined} column: that flag sits outside the AAD, so a plain UPDATE could set
     * it (and lock the owner out of a good key) or clear it. A row that authenticates is returned and its flag
     * cleared ({@code SECRET_RELEASED}); one that does not is quarantined and refused.
     */
    private byte[] open(Row row) throws KeystoreException {
        return keystore.withDek((dek, dekVersion) -> {
            try {
                byte[] plain = Aead.open(dek, row.nonce(), row.ciphertext(), aad(row.dekVersion(), row.uuid(), row.purpose(), row.publicRef()));
                if (row.quarantined()) release(row);
                return plain;
            } catch (AEADBadTagException e) {
                String owner = findRealOwner(dek, row);
                quarantine(row);
                if (owner != null) {
                    throw new KeystoreException.SwappedRecordException(row.uuidText(), owner);
                }
                throw new KeystoreException.TamperedRecordException(row.uuidText(), row.purpose().name(), row.publicRef());
            }
        });
    }

    /** Which other row's AAD this ciphertext authenticates under, if any (rows whose blobs were swapped). */
    private String findRealOwner(byte[] dek, Row broken) throws KeystoreException {
        for (Row other : all()) {
            if (Arrays.equals(other.uuid(), broken.uuid())) {
                continue;
            }
            try {
                byte[] plain = Aead.open(dek, broken.nonce(), broken.ciphertext(),
                        aad(other.dekVersion(), other.uuid(), other.purpose(), other.publicRef()));
                Arrays.fill(plain, (byte) 0);
                return other.uuidText();
            } catch (AEADBadTagException ignored) {
                // not this one
            }
        }
        return null;
    }

    private void release(Row row) throws KeystoreException {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE secret SET quarantined = 0 WHERE uuid = ?")) {
                ps.setBytes(1, row.uuid());
                ps.executeUpdate();
            }
            ActivityLog.append(c, clock.instant(), ActivityKind.SECRET_RELEASED, row.publicRef(), row.uuidText() + " authenticates again");
            return null;
        });
    }

    private void quarantine(Row row) throws KeystoreException {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE secret SET quarantined = 1 WHERE uuid = ?")) {
                ps.setBytes(1, row.uuid());
                ps.executeUpdate();
            }
            ActivityLog.append(c, clock.instant(), ActivityKind.SECRET_QUARANTINED, row.publicRef(), row.uuidText());
            return null;
        });
    }

    List<SecretInfo> list(SecretPurpose purpose) throws KeystoreException {
        return db.read(c -> {
            List<SecretInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT uuid, public_ref, label, created_at, quarantined FROM secret"
                    + " WHERE purpose = ? AND length(ciphertext) > 0 ORDER BY created_at, public_ref")) {
                ps.setString(1, purpose.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SecretInfo(Row.uuidText(rs.getBytes(1)), purpose, rs.getString(2), rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5) != 0));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Destroys a row's secret but keeps the row (a tombstone, for rows other tables still reference): nonce and
     * ciphertext are overwritten in one transaction ({@code secure_delete} zeroes the old cell), then the WAL is
     * checkpointed and truncated so no old page keeps the ciphertext. Returns false if there was nothing to wipe.
     */
    boolean wipe(SecretPurpose purpose, String publicRef) throws KeystoreException {
        boolean wiped = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE secret SET nonce = zeroblob(12), ciphertext = x''"
                    + " WHERE purpose = ? AND public_ref = ? AND length(ciphertext) > 0")) {
                ps.setString(1, purpose.name());
                ps.setString(2, publicRef);
                boolean done = ps.executeUpdate() > 0;
                if (done) {
                    ActivityLog.append(c, clock.instant(), ActivityKind.SECRET_WIPED, publicRef, purpose.name());
                }
                return done;
            }
        });
        db.read(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
        return wiped;
    }

    /** Deletes a row; {@code secure_delete} zeroes the freed page. */
    /** Whether rows can be sealed and opened now (the vault is unlocked). */
    boolean unlocked() {
        return keystore.isUnlocked();
    }

    boolean delete(SecretPurpose purpose, String publicRef) throws KeystoreException {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM secret WHERE purpose = ? AND public_ref = ?")) {
                ps.setString(1, purpose.name());
                ps.setString(2, publicRef);
                boolean deleted = ps.executeUpdate() > 0;
                if (deleted) {
                    ActivityLog.append(c, clock.instant(), ActivityKind.SECRET_DELETED, publicRef, purpose.name());
                }
                return deleted;
            }
        });
    }

    private List<Row> all() throws KeystoreException {
        return db.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM secret"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getBytes(1), SecretPurpose.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4),
                rs.getBytes(5), rs.getBytes(6), rs.getInt(7) != 0);
    }

    static String hexRef(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "SecretRows[" + db.file() + "]";
    }
}
