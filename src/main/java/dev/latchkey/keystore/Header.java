package dev.latchkey.keystore;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The single {@code keystore_meta} row: KDF parameters and salt, and the DEK wrapped under the password-derived KEK.
 * The wrap's AAD binds the format version, KEK version, KDF id, parameters and salt, so an edited header fails to
 * unwrap; a plain SHA-256 checksum over the whole row tells accidental corruption apart from a wrong password.
 */
record Header(long formatVersion, String kdfId, long memoryKib, long iterations, long parallelism, byte[] salt,
              long kekVersion, long dekVersion, byte[] wrapNonce, byte[] wrappedDek, byte[] checksum) {

    static final int FORMAT_VERSION = 1;

    KdfParams kdfParams() {
        return new KdfParams((int) memoryKib, (int) iterations, (int) parallelism);
    }

    static Header sealed(String kdfId, KdfParams params, byte[] salt, long kekVersion, long dekVersion, byte[] wrapNonce,
                         byte[] wrappedDek) {
        Header draft = new Header(FORMAT_VERSION, kdfId, params.memoryKib(), params.iterations(), params.parallelism(),
                salt, kekVersion, dekVersion, wrapNonce, wrappedDek, new byte[32]);
        return new Header(draft.formatVersion, kdfId, draft.memoryKib, draft.iterations, draft.parallelism, salt,
                kekVersion, dekVersion, wrapNonce, wrappedDek, draft.computeChecksum());
    }

    /** AAD of the DEK wrap: everything that shapes the KEK. */
    byte[] wrapAad() {
        return encode(out -> {
            out.write("latchkey-dek-wrap".getBytes(StandardCharsets.US_ASCII));
            out.writeLong(formatVersion);
            out.writeLong(kekVersion);
            out.writeUTF(kdfId);
            out.writeLong(memoryKib);
            out.writeLong(iterations);
            out.writeLong(parallelism);
            out.writeInt(salt.length);
            out.write(salt);
        });
    }

    byte[] computeChecksum() {
        byte[] body = encode(out -> {
            out.write("latchkey-header".getBytes(StandardCharsets.US_ASCII));
            out.write(wrapAad());
            out.writeLong(dekVersion);
            out.write(wrapNonce);
            out.writeInt(wrappedDek.length);
            out.write(wrappedDek);
        });
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    boolean checksumMatches() {
        return MessageDigest.isEqual(checksum, computeChecksum());
    }

    /** Reads the row; null when the wallet has no header yet (creation never committed). */
    static Header read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT format_version, kdf_id, kdf_m_kib, kdf_t, kdf_p, kdf_salt,"
                + " kek_version, dek_version, wrap_nonce, wrapped_dek, header_checksum FROM keystore_meta WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            return new Header(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getBytes(6),
                    rs.getLong(7), rs.getLong(8), rs.getBytes(9), rs.getBytes(10), rs.getBytes(11));
        }
    }

    /** Inserts or replaces the row (one statement, inside the caller's transaction). */
    void write(Connection c, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO keystore_meta (id, format_version, kdf_id, kdf_m_kib,"
                + " kdf_t, kdf_p, kdf_salt, kek_version, dek_version, wrap_nonce, wrapped_dek, header_checksum, updated_at)"
                + " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " format_version = excluded.format_version, kdf_id = excluded.kdf_id, kdf_m_kib = excluded.kdf_m_kib,"
                + " kdf_t = excluded.kdf_t, kdf_p = excluded.kdf_p, kdf_salt = excluded.kdf_salt,"
                + " kek_version = excluded.kek_version, dek_version = excluded.dek_version,"
                + " wrap_nonce = excluded.wrap_nonce, wrapped_dek = excluded.wrapped_dek,"
                + " header_checksum = excluded.header_checksum, updated_at = excluded.updated_at")) {
            ps.setLong(1, formatVersion);
            ps.setString(2, kdfId);
            ps.setLong(3, memoryKib);
            ps.setLong(4, iterations);
            ps.setLong(5, parallelism);
            ps.setBytes(6, salt);
            ps.setLong(7, kekVersion);
            ps.setLong(8, dekVersion);
            ps.setBytes(9, wrapNonce);
            ps.setBytes(10, wrappedDek);
            ps.setBytes(11, checksum);
            ps.setLong(12, now);
            ps.executeUpdate();
        }
    }

    @Override
    public String toString() {
        return "Header[format=" + formatVersion + ", " + kdfId + " m=" + memoryKib + " t=" + iterations + " p="
                + parallelism + ", kek=" + kekVersion + ", dek=" + dekVersion + "]";
    }

    @FunctionalInterface
    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    static byte[] encode(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
