package dev.latchkey.keystore;

import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The background signer's write-ahead journal. {@link #reserve} takes the nonce and the budget in one transaction;
 * every later move is a compare-and-set on the state, checked against {@link JournalState#canMoveTo}.
 */
public final class SignerJournal {

    /** What the signer intends to send, before anything is signed. */
    public record Intent(byte[] intentId, byte[] permissionId, long chainId, String sender, byte[] nonceKey, long nonceSeq,
                         byte[] callData, Map<String, BigInteger> amounts) {
    }

    private static final String COLUMNS = "intent_id, permission_id, chain_id, sender, nonce_key, nonce_seq, calldata,"
            + " reservation, user_op_hash, state, bundler_error, included_block, included_block_hash, updated_at, call_succeeded";

    /** Rows that still hold their nonce sequence (FAILED / CANCELLED released it; V7's unique index uses the same test). */
    private static final String HOLDS_SEQUENCE = "state NOT IN ('FAILED', 'CANCELLED')";

    private final Database db;
    private final InstantSource clock;

    SignerJournal(Database db, InstantSource clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Inserts the intent as RESERVED and reserves its amounts plus one use; all or nothing. */
    public JournalEntry reserve(Intent intent) throws KeystoreException {
        return reserve(intent, null, null, null);
    }

    /**
     * {@link #reserve(Intent)} that also stores {@code unsignedOperation} (what will be signed, for identical re-signing
     * after a crash) and appends an activity row {@code activityKind} (subject: the intent id in hex), in the same
     * transaction: one commit on the signer's trade path instead of three.
     */
    public JournalEntry reserve(Intent intent, String unsignedOperation, ActivityKind activityKind, String activityDetail)
            throws KeystoreException {
        if (intent.intentId().length != 16 || intent.nonceKey().length != 24 || intent.nonceSeq() < 0) {
            throw new KeystoreException.InvalidInputException("intent id must be 16 bytes, nonce key 24 bytes, sequence >= 0");
        }
        String sender = Addresses.checksummed(intent.sender());
        String reservation = Ledger.toJson(intent.amounts());
        db.transaction(c -> {
            Ledger.reserve(c, intent.permissionId(), intent.amounts());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO userop_journal (intent_id, permission_id, chain_id, sender,"
                    + " nonce_key, nonce_seq, calldata, reservation, state, created_at, updated_at, unsigned_op)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RESERVED', ?, ?, ?)")) {
                ps.setBytes(1, intent.intentId());
                ps.setBytes(2, intent.permissionId());
                ps.setLong(3, intent.chainId());
                ps.setString(4, sender);
                ps.setBytes(5, intent.nonceKey());
                ps.setLong(6, intent.nonceSeq());
                ps.setBytes(7, intent.callData());
                ps.setString(8, reservation);
                ps.setLong(9, clock.millis());
                ps.setLong(10, clock.millis());
                ps.setString(11, unsignedOperation);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw Sessions.constraint(e, "intent " + SecretRows.hexRef(intent.intentId()) + " (nonce " + intent.nonceSeq() + ")");
            }
            if (activityKind != null) {
                ActivityLog.append(c, clock.instant(), activityKind, java.util.HexFormat.of().formatHex(intent.intentId()),
                        activityDetail == null ? "" : activityDetail, ActivityFields.NONE.withAmounts(intent.amounts()));
            }
            return null;
        });
        return get(intent.intentId());
    }

    /** An operation the chain shows landed that the journal did not hold (a restored backup, another copy of the wallet). */
    public record Landed(byte[] intentId, byte[] permissionId, long chainId, String sender, byte[] nonceKey, long nonceSeq,
                         byte[] callData, Map<String, BigInteger> amounts, byte[] userOpHash, CallOutcome outcome,
                         long includedBlock, Instant landedAt) {
    }

    /**
     * Writes {@code landed} as a FINAL row (created at the time it landed, so the daily caps count it in its own day),
     * adds its amounts and one use to the ledger as spent, and appends the activity row, in one transaction. Returns
     * false and writes nothing when the intent id or the sequence is already journaled.
     */
    public boolean recordLanded(Landed landed, ActivityKind activityKind, String activityDetail) throws KeystoreException {
        if (landed.intentId().length != 16 || landed.nonceKey().length != 24 || landed.nonceSeq() < 0
                || landed.outcome() == CallOutcome.UNKNOWN) {
            throw new KeystoreException.InvalidInputException("intent id 16 bytes, nonce key 24 bytes, sequence >= 0, a known outcome");
        }
        String sender = Addresses.checksummed(landed.sender());
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM userop_journal WHERE intent_id = ? OR (sender = ?"
                    + " AND nonce_key = ? AND nonce_seq = ? AND " + HOLDS_SEQUENCE + ")")) {
                ps.setBytes(1, landed.intentId());
                ps.setString(2, sender);
                ps.setBytes(3, landed.nonceKey());
                ps.setLong(4, landed.nonceSeq());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getInt(1) > 0) return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO userop_journal (intent_id, permission_id, chain_id, sender,"
                    + " nonce_key, nonce_seq, calldata, reservation, user_op_hash, state, included_block, created_at, updated_at,"
                    + " call_succeeded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'FINAL', ?, ?, ?, ?)")) {
                ps.setBytes(1, landed.intentId());
                ps.setBytes(2, landed.permissionId());
                ps.setLong(3, landed.chainId());
                ps.setString(4, sender);
                ps.setBytes(5, landed.nonceKey());
                ps.setLong(6, landed.nonceSeq());
                ps.setBytes(7, landed.callData());
                ps.setString(8, Ledger.toJson(landed.amounts()));
                ps.setBytes(9, landed.userOpHash());
                ps.setLong(10, landed.includedBlock());
                ps.setLong(11, landed.landedAt().toEpochMilli());
                ps.setLong(12, clock.millis());
                ps.setInt(13, landed.outcome() == CallOutcome.SUCCEEDED ? 1 : 0);
                ps.executeUpdate();
            }
            Ledger.spentOnChain(c, landed.permissionId(), landed.amounts());
            ActivityLog.append(c, clock.instant(), activityKind, java.util.HexFormat.of().formatHex(landed.intentId()),
                    activityDetail == null ? "" : activityDetail, ActivityFields.included("0x" + java.util.HexFormat.of()
                            .formatHex(landed.userOpHash()), landed.nonceSeq(), null, landed.outcome()).withAmounts(landed.amounts())
                            .withReason(activityDetail));
            return true;
        });
    }

    /**
     * A fee bump: the row's operation is replaced by {@code unsignedOperation} (same sender, nonce and callData, higher
     * fees) hashing to {@code newHash}, in one transaction with its activity row, and only while the row is still in
     * {@code state} with {@code expectedHash} — so a row that landed or moved meanwhile is never re-pointed.
     */
    public JournalEntry replaceOperation(byte[] intentId, JournalState state, byte[] expectedHash, byte[] newHash,
                                         String unsignedOperation, ActivityKind activityKind, String activityDetail)
            throws KeystoreException {
        if (state != JournalState.SUBMITTED && state != JournalState.UNKNOWN) {
            throw new KeystoreException.JournalConflictException("only a sent operation that is not included can be"
                    + " replaced, not one in state " + state);
        }
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE userop_journal SET user_op_hash = ?, unsigned_op = ?,"
                    + " updated_at = ? WHERE intent_id = ? AND state = ? AND user_op_hash = ?")) {
                ps.setBytes(1, newHash);
                ps.setString(2, unsignedOperation);
                ps.setLong(3, clock.millis());
                ps.setBytes(4, intentId);
                ps.setString(5, state.name());
                ps.setBytes(6, expectedHash);
                if (ps.executeUpdate() != 1) {
                    throw new KeystoreException.JournalConflictException("intent " + SecretRows.hexRef(intentId)
                            + " moved on before its fee bump was recorded");
                }
            }
            ActivityLog.append(c, clock.instant(), activityKind, java.util.HexFormat.of().formatHex(intentId), activityDetail,
                    ActivityFields.NONE.withReason(activityDetail));
            return null;
        });
        return get(intentId);
    }

    /** RESERVED -> SIGNED, recording the userOpHash. */
    public JournalEntry markSigned(byte[] intentId, byte[] userOpHash) throws KeystoreException {
        return move(intentId, JournalState.RESERVED, JournalState.SIGNED, userOpHash, null, null, null);
    }

    /** Any legal move; FINAL settles the reservation, FAILED/CANCELLED release it. The call outcome is left as it is. */
    public JournalEntry move(byte[] intentId, JournalState from, JournalState to, byte[] userOpHash, String bundlerError,
                             Long includedBlock, byte[] includedBlockHash) throws KeystoreException {
        return update(intentId, from, to, userOpHash, bundlerError, includedBlock, includedBlockHash, CallOutcome.UNKNOWN);
    }

    /**
     * {@code from} → {@code to} with the receipt's call outcome, in the same transaction: to INCLUDED (the outcome
     * replaces any earlier one, e.g. from before a reorg), or to FINAL (from INCLUDED, or from CONFLICT when
     * reconciliation finds the receipt), where an outcome already recorded is kept.
     */
    public JournalEntry recordInclusion(byte[] intentId, JournalState from, JournalState to, CallOutcome outcome)
            throws KeystoreException {
        if (to != JournalState.INCLUDED && to != JournalState.FINAL) {
            throw new KeystoreException.InvalidInputException("a call outcome is recorded only on a move to INCLUDED or FINAL, not " + to);
        }
        if (outcome == CallOutcome.UNKNOWN) {
            throw new KeystoreException.InvalidInputException("recordInclusion needs the receipt's outcome; use move() without one");
        }
        return update(intentId, from, to, null, null, null, null, outcome);
    }

    /** {@link #recordInclusion} of an operation that landed under {@code landedHash}: a fee-bumped row's earlier hash. */
    public JournalEntry recordInclusion(byte[] intentId, JournalState from, JournalState to, CallOutcome outcome,
                                        byte[] landedHash) throws KeystoreException {
        if (to != JournalState.INCLUDED || outcome == CallOutcome.UNKNOWN || landedHash == null) {
            throw new KeystoreException.InvalidInputException("an earlier hash lands as INCLUDED with the receipt's outcome");
        }
        return update(intentId, from, to, landedHash, null, null, null, outcome);
    }

    private JournalEntry update(byte[] intentId, JournalState from, JournalState to, byte[] userOpHash, String bundlerError,
                                Long includedBlock, byte[] includedBlockHash, CallOutcome outcome) throws KeystoreException {
        if (!from.canMoveTo(to)) {
            throw new KeystoreException.JournalConflictException("journal move " + from + " -> " + to + " is not allowed");
        }
        // UNKNOWN never overwrites; a fresh inclusion does (a reorg may land the operation again with another result).
        String call = outcome == CallOutcome.UNKNOWN ? "" : to == JournalState.INCLUDED ? ", call_succeeded = ?"
                : ", call_succeeded = COALESCE(call_succeeded, ?)";
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE userop_journal SET state = ?,"
                    + " user_op_hash = COALESCE(?, user_op_hash), bundler_error = COALESCE(?, bundler_error),"
                    + " included_block = ?, included_block_hash = ?, updated_at = ?" + call + " WHERE intent_id = ? AND state = ?")) {
                int i = 1;
                ps.setString(i++, to.name());
                ps.setBytes(i++, userOpHash);
                ps.setString(i++, bundlerError);
                if (includedBlock == null) {
                    ps.setNull(i++, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(i++, includedBlock);
                }
                ps.setBytes(i++, includedBlockHash);
                ps.setLong(i++, clock.millis());
                if (!call.isEmpty()) {
                    ps.setInt(i++, outcome == CallOutcome.SUCCEEDED ? 1 : 0);
                }
                ps.setBytes(i++, intentId);
                ps.setString(i, from.name());
                if (ps.executeUpdate() != 1) {
                    throw new KeystoreException.JournalConflictException("intent " + SecretRows.hexRef(intentId) + " is not in state " + from);
                }
            }
            if (to == JournalState.FINAL || to == JournalState.FAILED || to == JournalState.CANCELLED) {
                JournalEntry entry = readOne(c, intentId);
                Ledger.settle(c, entry.permissionId(), Ledger.fromJson(entry.reservation()), to == JournalState.FINAL);
            }
            return null;
        });
        return get(intentId);
    }

    public JournalEntry get(byte[] intentId) throws KeystoreException {
        JournalEntry entry = db.read(c -> readOne(c, intentId));
        if (entry == null) {
            throw new KeystoreException.NotFoundException("no journal entry " + SecretRows.hexRef(intentId));
        }
        return entry;
    }

    /** Non-terminal entries, oldest first: what the signer must drive forward after a restart. */
    public List<JournalEntry> open() throws KeystoreException {
        return db.read(c -> {
            List<JournalEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM userop_journal"
                    + " WHERE state NOT IN ('FINAL','FAILED','CANCELLED','CONFLICT') ORDER BY created_at, nonce_seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
            return out;
        });
    }

    /** The unsigned operation stored with the reservation, if any. */
    public java.util.Optional<String> unsignedOperation(byte[] intentId) throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT unsigned_op FROM userop_journal WHERE intent_id = ?")) {
                ps.setBytes(1, intentId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.ofNullable(rs.getString(1)) : java.util.Optional.<String>empty();
                }
            }
        });
    }

    /**
     * The rows of the given intents that have one (refused intents never reach the journal), in one read of at most
     * {@value #MAX_BATCH} ids: the activity screen explains up to two thousand log lines at once.
     */
    public List<JournalEntry> get(java.util.Collection<byte[]> intentIds) throws KeystoreException {
        if (intentIds.size() > MAX_BATCH) {
            throw new KeystoreException.InvalidInputException("at most " + MAX_BATCH + " intents per read, got " + intentIds.size());
        }
        if (intentIds.isEmpty()) return List.of();
        return db.read(c -> {
            List<JournalEntry> out = new ArrayList<>();
            String marks = String.join(",", java.util.Collections.nCopies(intentIds.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM userop_journal WHERE intent_id IN (" + marks + ")")) {
                int i = 1;
                for (byte[] id : intentIds) ps.setBytes(i++, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Ids per batched read: under SQLite's default limit of bound parameters (32,766 since 3.32). */
    public static final int MAX_BATCH = 5_000;

    /** Every row of one session, in sequence order: what reconciliation compares with the chain's operations. */
    public List<JournalEntry> all(byte[] permissionId) throws KeystoreException {
        return db.read(c -> {
            List<JournalEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM userop_journal"
                    + " WHERE permission_id = ? ORDER BY nonce_seq, created_at")) {
                ps.setBytes(1, permissionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Rows of one session in {@code state}, oldest first (e.g. CONFLICT rows for reconciliation). */
    public List<JournalEntry> inState(byte[] permissionId, JournalState state) throws KeystoreException {
        return db.read(c -> {
            List<JournalEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM userop_journal"
                    + " WHERE permission_id = ? AND state = ? ORDER BY created_at, nonce_seq")) {
                ps.setBytes(1, permissionId);
                ps.setString(2, state.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Sum of {@code token} reserved or spent by journal rows created at or after {@code since} and not released
     * (FAILED / CANCELLED): what the signer's daily soft caps count.
     */
    public BigInteger amountSince(String token, Instant since) throws KeystoreException {
        return db.read(c -> {
            BigInteger sum = BigInteger.ZERO;
            try (PreparedStatement ps = c.prepareStatement("SELECT reservation FROM userop_journal"
                    + " WHERE created_at >= ? AND state NOT IN ('FAILED','CANCELLED')")) {
                ps.setLong(1, since.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sum = sum.add(Ledger.fromJson(rs.getString(1)).getOrDefault(token, BigInteger.ZERO));
                    }
                }
            }
            return sum;
        });
    }

    /** Rows of (sender, nonce key) holding a sequence in [{@code from}, {@code toExclusive}): not FAILED / CANCELLED. */
    public int heldSequences(String sender, byte[] nonceKey, long from, long toExclusive) throws KeystoreException {
        String checksummed = Addresses.checksummed(sender);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM userop_journal WHERE sender = ? AND nonce_key = ?"
                    + " AND nonce_seq >= ? AND nonce_seq < ? AND " + HOLDS_SEQUENCE)) {
                ps.setString(1, checksummed);
                ps.setBytes(2, nonceKey);
                ps.setLong(3, from);
                ps.setLong(4, toExclusive);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** Highest sequence journaled for (sender, nonce key) and not released by a FAILED / CANCELLED row, or -1. */
    public long lastSequence(String sender, byte[] nonceKey) throws KeystoreException {
        String checksummed = Addresses.checksummed(sender);
        return db.read(c -> {
            // FAILED / CANCELLED rows released their sequence (the chain proved it unused): the next operation takes it.
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(nonce_seq), -1) FROM userop_journal"
                    + " WHERE sender = ? AND nonce_key = ? AND " + HOLDS_SEQUENCE)) {
                ps.setString(1, checksummed);
                ps.setBytes(2, nonceKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }
        });
    }

    private static JournalEntry readOne(java.sql.Connection c, byte[] intentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM userop_journal WHERE intent_id = ?")) {
            ps.setBytes(1, intentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? entry(rs) : null;
            }
        }
    }

    private static JournalEntry entry(ResultSet rs) throws SQLException {
        long block = rs.getLong(12);
        Long includedBlock = rs.wasNull() ? null : block;
        int call = rs.getInt(15);
        CallOutcome outcome = CallOutcome.ofColumn(rs.wasNull() ? null : call);
        return new JournalEntry(rs.getBytes(1), rs.getBytes(2), rs.getLong(3), rs.getString(4), rs.getBytes(5), rs.getLong(6),
                rs.getBytes(7), rs.getString(8), rs.getBytes(9), JournalState.valueOf(rs.getString(10)), rs.getString(11),
                includedBlock, rs.getBytes(13), Instant.ofEpochMilli(rs.getLong(14)), outcome);
    }

    @Override
    public String toString() {
        return "SignerJournal[" + db.file() + "]";
    }
}
