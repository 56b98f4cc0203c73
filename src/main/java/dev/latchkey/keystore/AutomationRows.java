package dev.latchkey.keystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Row mapping and small queries of the automation tables (shared by {@link Automations}). */
final class AutomationRows {

    static final String RULE_COLUMNS = "rule_id, permission_id, kind, label, version, status, status_reason, next_seq,"
            + " next_attempt, created_at, updated_at";
    static final String FIRING_COLUMNS = "intent_id, rule_id, seq, attempt, block, chain_time, calldata, state, outcome,"
            + " detail, updated_at";

    static boolean hasPending(Connection c, byte[] ruleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM automation_firing WHERE rule_id = ? AND state = 'PENDING'")) {
            ps.setBytes(1, ruleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static AutomationRule readRule(Connection c, byte[] ruleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RULE_COLUMNS + " FROM automation_rule WHERE rule_id = ?")) {
            ps.setBytes(1, ruleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rule(rs) : null;
            }
        }
    }

    static AutomationRule rule(ResultSet rs) throws SQLException {
        return new AutomationRule(rs.getBytes(1), rs.getBytes(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                AutomationRule.Status.valueOf(rs.getString(6)), rs.getString(7), rs.getLong(8), rs.getInt(9),
                Instant.ofEpochMilli(rs.getLong(10)), Instant.ofEpochMilli(rs.getLong(11)));
    }

    static AutomationFiring readFiring(Connection c, byte[] intentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FIRING_COLUMNS + " FROM automation_firing WHERE intent_id = ?")) {
            ps.setBytes(1, intentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? firingRow(rs) : null;
            }
        }
    }

    static AutomationFiring firingRow(ResultSet rs) throws SQLException {
        return new AutomationFiring(rs.getBytes(1), rs.getBytes(2), rs.getLong(3), rs.getInt(4), rs.getLong(5), rs.getLong(6),
                rs.getBytes(7), AutomationFiring.State.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10),
                Instant.ofEpochMilli(rs.getLong(11)));
    }

    static void updateStatus(Connection c, SealedNotes n, long now, byte[] ruleId, AutomationRule.Status to, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE automation_rule SET status = ?, status_reason = ?, updated_at = ? WHERE rule_id = ?")) {
            ps.setString(1, to.name());
            ps.setString(2, n.text(ruleId, SealedNotes.Column.STATUS_REASON, reason == null ? "" : reason));
            ps.setLong(3, now);
            ps.setBytes(4, ruleId);
            ps.executeUpdate();
        }
    }

    static void evaluation(Connection c, SealedNotes n, long now, byte[] ruleId, long block, long chainTime, AutomationEvaluation.Result result,
                            String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO automation_evaluation (rule_id, block, chain_time, result, reason, at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setBytes(1, ruleId);
            ps.setLong(2, block);
            ps.setLong(3, chainTime);
            ps.setString(4, result.name());
            ps.setString(5, n.text(ruleId, SealedNotes.Column.EVALUATION_REASON, reason));
            ps.setLong(6, now);
            ps.executeUpdate();
        }
    }

    static AutomationFiring opened(SealedNotes n, AutomationFiring f) throws KeystoreException {
        return new AutomationFiring(f.intentId(), f.ruleId(), f.seq(), f.attempt(), f.block(), f.chainTime(),
                n.openBytes(f.ruleId(), SealedNotes.Column.FIRING_CALLDATA, f.callData()), f.state(), f.outcome(),
                n.openText(f.ruleId(), SealedNotes.Column.FIRING_DETAIL, f.detail()), f.updatedAt());
    }

    private AutomationRows() { }
}
