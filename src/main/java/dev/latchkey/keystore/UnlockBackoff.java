package dev.latchkey.keystore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Failed password checks, kept in the database so that restarting the app does not reset them: free attempts
 * first, then a doubling wait (1 s, 2 s, 4 s ... capped at one hour). Every password check counts — unlock,
 * change-password and the re-entry before an export.
 *
 * <p>The row is authenticated: an HMAC over (failures, last failure, header checksum) sits in the {@code settings}
 * row {@value #MAC_SETTING}, keyed from the AAD-bound header. A plain UPDATE or DELETE of the counter, or a row
 * copied from another wallet or header, no longer verifies; the wallet then counts as {@link #TAMPERED_FAILURES}
 * failed attempts from the moment it noticed, and logs it. The key has to be usable while the wallet is locked, so
 * it is not secret: whoever reimplements the derivation, or restores an older copy of the whole file, can still
 * reset the counter (docs/keystore.md). The back-off slows guessing through the app; a copied file faces Argon2id.
 */
record UnlockBackoff(int failures, Instant lastFailure, boolean tampered) {

    static final int FREE_ATTEMPTS = 5;
    static final Duration MAX_WAIT = Duration.ofHours(1);
    static final String MAC_SETTING = "unlock.mac";
    /** What an edited counter counts as: past the free attempts, a 32 s wait. */
    static final int TAMPERED_FAILURES = FREE_ATTEMPTS + 5;

    Duration waitAfterLastFailure() {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int exponent = Math.min(failures - FREE_ATTEMPTS, 12);
        Duration wait = Duration.ofSeconds(1L << exponent);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** Time left before the next attempt is allowed, zero when allowed now. */
    Duration remaining(Instant now) {
        Duration left = Duration.between(now, lastFailure.plus(waitAfterLastFailure()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The counter as stored, {@code tampered} when its MAC does not verify for {@code header}. */
    static UnlockBackoff read(Connection c, Header header) throws SQLException {
        Integer failures = null;
        long at = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT failures, last_failure_at FROM unlock_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                failures = rs.getInt(1);
                at = rs.getLong(2);
            }
        }
        String stored = storedMac(c);
        if (failures == null && stored == null) return new UnlockBackoff(0, Instant.EPOCH, false); // never written
        boolean ok = failures != null && stored != null && failures >= 0
                && MessageDigest.isEqual(HexFormat.of().formatHex(mac(header, failures, at)).getBytes(StandardCharsets.US_ASCII),
                        stored.getBytes(StandardCharsets.US_ASCII));
        return new UnlockBackoff(failures == null ? 0 : Math.max(0, failures), Instant.ofEpochMilli(at), !ok);
    }

    static void write(Connection c, Header header, int failures, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO unlock_state (id, failures, last_failure_at)"
                + " VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET failures = excluded.failures,"
                + " last_failure_at = excluded.last_failure_at")) {
            ps.setInt(1, failures);
            ps.setLong(2, at.toEpochMilli());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, MAC_SETTING);
            ps.setString(2, HexFormat.of().formatHex(mac(header, failures, at.toEpochMilli())));
            ps.executeUpdate();
        }
    }

    private static String storedMac(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            ps.setString(1, MAC_SETTING);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static byte[] mac(Header header, int failures, long atMillis) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(concat("latchkey-unlock-backoff-key".getBytes(StandardCharsets.US_ASCII),
                    header.computeChecksum()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update("latchkey-unlock-backoff".getBytes(StandardCharsets.US_ASCII));
            mac.update(ByteBuffer.allocate(12).putInt(failures).putLong(atMillis).array());
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
