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

    private AutomationRows() { }
}
