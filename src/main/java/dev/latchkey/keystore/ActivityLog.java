package dev.latchkey.keystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** Append-only audit trail; SQLite triggers refuse UPDATE and DELETE on the table. */
public final class ActivityLog {

    /** One entry; {@code detail} (the sentence people read) and {@code fields} never carry a secret. */
    public record Entry(long id, Instant at, ActivityKind kind, String subject, String detail, ActivityFields fields) {
        public Entry {
            fields = fields == null ? ActivityFields.NONE : fields;
        }
    }

    private static final String COLUMNS = "id, at, kind, subject, detail, user_op_hash, tx_hash, call_outcome, nonce_seq, reason,"
            + " intent_ref, trigger_seq, rule_kind, chain_id, status, session_ref, amounts";

    private final Database db;
    private final InstantSource clock;

    ActivityLog(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    public void append(ActivityKind kind, String subject, String detail) throws KeystoreException {
        append(kind, subject, detail, ActivityFields.NONE);
    }

    public void append(ActivityKind kind, String subject, String detail, ActivityFields fields) throws KeystoreException {
        if (kind == ActivityKind.OTHER) {
            throw new KeystoreException.InvalidInputException("an activity row needs a known kind");
        }
        db.transaction(c -> {
            append(c, clock.instant(), kind, subject, detail, fields);
            return null;
        });
    }

    /** Newest last. */
    public List<Entry> recent(int limit) throws KeystoreException {
        return db.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM (SELECT * FROM activity_log ORDER BY id DESC LIMIT ?) ORDER BY id")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
            }
            return out;
        });
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        String call = rs.getString(8);
        String amounts = rs.getString(17);
        ActivityFields fields = new ActivityFields(rs.getString(6), rs.getString(7), call == null ? CallOutcome.UNKNOWN : CallOutcome.valueOf(call),
                longOrNull(rs, 9), rs.getString(10), rs.getString(11), longOrNull(rs, 12), rs.getString(13), longOrNull(rs, 14),
                rs.getString(15), rs.getString(16), amounts == null ? null : Ledger.fromJson(amounts));
        return new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), ActivityKind.ofCode(rs.getString(3)), rs.getString(4),
                rs.getString(5), fields);
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static void append(Connection c, Instant at, ActivityKind kind, String subject, String detail) throws SQLException {
        append(c, at, kind, subject, detail, ActivityFields.NONE);
    }

    static void append(Connection c, Instant at, ActivityKind kind, String subject, String detail, ActivityFields fields)
            throws SQLException {
        ActivityFields f = fields == null ? ActivityFields.NONE : fields;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO activity_log (at, kind, subject, detail, user_op_hash, tx_hash,"
                + " call_outcome, nonce_seq, reason, intent_ref, trigger_seq, rule_kind, chain_id, status, session_ref, amounts)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, kind.code());
            ps.setString(3, subject);
            ps.setString(4, detail == null ? "" : detail);
            ps.setString(5, f.userOpHash());
            ps.setString(6, f.txHash());
            ps.setString(7, f.call() == CallOutcome.UNKNOWN ? null : f.call().name());
            setLong(ps, 8, f.nonceSeq());
            ps.setString(9, f.reason());
            ps.setString(10, f.intent());
            setLong(ps, 11, f.trigger());
            ps.setString(12, f.ruleKind());
            setLong(ps, 13, f.chainId());
            ps.setString(14, f.status());
            ps.setString(15, f.session());
            ps.setString(16, f.amounts().isEmpty() ? null : Ledger.toJson(f.amounts()));
            ps.executeUpdate();
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    @Override
    public String toString() {
        return "ActivityLog[" + db.file() + "]";
    }
}
