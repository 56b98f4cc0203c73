package dev.latchkey.keystore;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ledger arithmetic inside the caller's transaction. All amounts are BigInteger; no long arithmetic on money. */
final class Ledger {

    private Ledger() {
    }

    static List<BudgetEntry> lines(Connection c, byte[] permissionId) throws SQLException {
        List<BudgetEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT token, cap_total, reserved, spent_final, uses_cap, uses_reserved,"
                + " uses_final FROM budget WHERE permission_id = ? ORDER BY token")) {
            ps.setBytes(1, permissionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BudgetEntry(permissionId, rs.getString(1), new BigInteger(rs.getString(2)),
                            new BigInteger(rs.getString(3)), new BigInteger(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                }
            }
        }
        return out;
    }

    /** Reserves {@code amounts} and one use on every line of the session; all or nothing. */
    static void reserve(Connection c, byte[] permissionId, Map<String, BigInteger> amounts) throws SQLException, KeystoreException {
        List<BudgetEntry> lines = lines(c, permissionId);
        for (Map.Entry<String, BigInteger> amount : amounts.entrySet()) {
            Sessions.checkAmount("amount for " + amount.getKey(), amount.getValue());
            if (lines.stream().noneMatch(l -> l.token().equals(amount.getKey()))) {
                throw new KeystoreException.BudgetExceededException("session has no budget for token " + amount.getKey());
            }
        }
        for (BudgetEntry line : lines) {
            BigInteger amount = amounts.getOrDefault(line.token(), BigInteger.ZERO);
            if (amount.compareTo(line.available()) > 0) {
                throw new KeystoreException.BudgetExceededException(line.token() + " needs " + amount + " but " + line.available() + " is left");
            }
            if (line.usesLeft() < 1) {
                throw new KeystoreException.BudgetExceededException(line.token() + " has no uses left (cap " + line.usesCap() + ")");
            }
            update(c, line, line.reserved().add(amount), line.spentFinal(), line.usesReserved() + 1, line.usesFinal());
        }
    }

    /**
     * Adds what an operation the chain shows landed spent, without a reservation and without the cap check: the chain
     * already took it (a journal rebuilt from the chain after a restore). Tokens without a line are not the ledger's.
     */
    static void spentOnChain(Connection c, byte[] permissionId, Map<String, BigInteger> amounts) throws SQLException {
        for (BudgetEntry line : lines(c, permissionId)) {
            BigInteger amount = amounts.getOrDefault(line.token(), BigInteger.ZERO);
            update(c, line, line.reserved(), line.spentFinal().add(amount), line.usesReserved(), line.usesFinal() + 1);
        }
    }

    /** Moves a reservation to final ({@code settle}) or back to available (release). */
    static void settle(Connection c, byte[] permissionId, Map<String, BigInteger> amounts, boolean spent) throws SQLException {
        for (BudgetEntry line : lines(c, permissionId)) {
            BigInteger amount = amounts.getOrDefault(line.token(), BigInteger.ZERO).min(line.reserved());
            BigInteger reserved = line.reserved().subtract(amount);
            BigInteger finalSpent = spent ? line.spentFinal().add(amount) : line.spentFinal();
            long usesReserved = Math.max(0, line.usesReserved() - 1);
            long usesFinal = spent ? line.usesFinal() + 1 : line.usesFinal();
            update(c, line, reserved, finalSpent, usesReserved, usesFinal);
        }
    }

    private static void update(Connection c, BudgetEntry line, BigInteger reserved, BigInteger spentFinal, long usesReserved,
                               long usesFinal) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE budget SET reserved = ?, spent_final = ?, uses_reserved = ?,"
                + " uses_final = ? WHERE permission_id = ? AND token = ?")) {
            ps.setString(1, reserved.toString());
            ps.setString(2, spentFinal.toString());
            ps.setLong(3, usesReserved);
            ps.setLong(4, usesFinal);
            ps.setBytes(5, line.permissionId());
            ps.setString(6, line.token());
            ps.executeUpdate();
        }
    }

    /** Encodes reserved amounts as a small JSON object {"token":"decimal",...}. Tokens are addresses or GAS. */
    static String toJson(Map<String, BigInteger> amounts) {
        StringBuilder out = new StringBuilder("{");
        amounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(e.getKey().replace("\"", "")).append("\":\"").append(e.getValue()).append('"');
        });
        return out.append('}').toString();
    }

    static Map<String, BigInteger> fromJson(String json) {
        Map<String, BigInteger> out = new java.util.TreeMap<>();
        String body = json.trim();
        body = body.substring(1, body.length() - 1).trim();
        if (body.isEmpty()) {
            return out;
        }
        for (String pair : body.split(",")) {
            String[] kv = pair.split(":");
            out.put(kv[0].trim().replace("\"", ""), new BigInteger(kv[1].trim().replace("\"", "")));
        }
        return out;
    }
}
