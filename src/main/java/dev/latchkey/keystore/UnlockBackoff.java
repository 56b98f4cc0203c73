package dev.latchkey.keystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed-unlock back-off kept in the database, so restarting the app does not reset it: free attempts first,
 * then a doubling wait (1 s, 2 s, 4 s ... capped at one hour).
 */
record UnlockBackoff(int failures, Instant lastFailure) {

    static final int FREE_ATTEMPTS = 5;
    static final Duration MAX_WAIT = Duration.ofHours(1);

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

    static UnlockBackoff read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT failures, last_failure_at FROM unlock_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new UnlockBackoff(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)))
                    : new UnlockBackoff(0, Instant.EPOCH);
        }
    }

    static void write(Connection c, int failures, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO unlock_state (id, failures, last_failure_at)"
                + " VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET failures = excluded.failures,"
                + " last_failure_at = excluded.last_failure_at")) {
            ps.setInt(1, failures);
            ps.setLong(2, at.toEpochMilli());
            ps.executeUpdate();
        }
    }
}
