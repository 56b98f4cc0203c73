package dev.latchkey.keystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** Append-only audit trail; SQLite triggers refuse UPDATE and DELETE on the table. */
public final class ActivityLog {

    /** One entry; {@code detail} never carries a secret. */
    public record Entry(long id, Instant at, String kind, String subject, String detail) {
    }

    private final Database db;
    private final InstantSource clock;

    ActivityLog(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    public void append(String kind, String subject, String detail) throws KeystoreException {
        db.transaction(c -> {
            append(c, clock.instant(), kind, subject, detail);
            return null;
        });
    }

    /** Newest last. */
    public List<Entry> recent(int limit) throws KeystoreException {
        return db.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, at, kind, subject, detail FROM (SELECT * FROM activity_log ORDER BY id DESC LIMIT ?) ORDER BY id")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    static void append(Connection c, Instant at, String kind, String subject, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO activity_log (at, kind, subject, detail) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, kind);
            ps.setString(3, subject);
            ps.setString(4, detail);
            ps.executeUpdate();
        }
    }

    @Override
    public String toString() {
        return "ActivityLog[" + db.file() + "]";
    }
}
