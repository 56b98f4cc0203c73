package dev.latchkey.keystore;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Accounts, sessions (with their chains) and the local spend/usage ledger. Plain records in and out. */
public final class Sessions {

    /** A smart account the wallet controls through one of its owner keys. */
    public record Account(String address, String ownerAddress, String label) {
    }

    private static final BigInteger UINT256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private final Database db;
    private final InstantSource clock;
    private final SecretRows secrets;

    Sessions(Database db, InstantSource clock, SecretRows secrets) {
        this.db = db;
        this.clock = clock;
        this.secrets = secrets;
    }

    public void addAccount(Account account) throws KeystoreException {
        String address = Addresses.checksummed(account.address());
        String owner = Addresses.checksummed(account.ownerAddress());
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO account (address, owner_address, label, created_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (address) DO UPDATE SET label = excluded.label")) {
                ps.setString(1, address);
                ps.setString(2, owner);
                ps.setString(3, account.label());
                ps.setLong(4, clock.millis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<Account> accounts() throws KeystoreException {
        return db.read(c -> {
            List<Account> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT address, owner_address, label FROM account ORDER BY created_at");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Account(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    /** Stores a session whose session key is already in the vault; the account must be registered. */
    public void add(SessionRecord s) throws KeystoreException {
        requireLength("permission id", s.permissionId(), 32);
        requireLength("salt", s.salt(), 32);
        requireLength("session digest", s.sessionDigest(), 32);
        requireLength("nonce key base", s.nonceKeyBase(), 24);
        if (s.sessionStruct().length == 0) {
            throw new KeystoreException.InvalidInputException("session bytes must not be empty");
        }
        if (s.validUntil() <= s.validAfter()) {
            throw new KeystoreException.InvalidInputException("session validUntil must be after validAfter");
        }
        if (s.chains().isEmpty()) {
            throw new KeystoreException.InvalidInputException("a session needs at least one chain");
        }
        String account = Addresses.checksummed(s.account());
        String key = Addresses.checksummed(s.sessionKeyAddress());
        db.transaction(c -> {
            byte[] keyUuid;
            try (PreparedStatement ps = c.prepareStatement("SELECT uuid FROM secret WHERE purpose = 'SESSION_KEY' AND public_ref = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new KeystoreException.NotFoundException("the vault holds no session key " + key);
                    }
                    keyUuid = rs.getBytes(1);
                }
            }
            long now = clock.millis();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO session (permission_id, account, session_key_uuid, salt,"
                    + " session_struct, session_digest, valid_after, valid_until, status, nonce_key_base, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setBytes(1, s.permissionId());
                ps.setString(2, account);
                ps.setBytes(3, keyUuid);
                ps.setBytes(4, s.salt());
                ps.setBytes(5, s.sessionStruct());
                ps.setBytes(6, s.sessionDigest());
                ps.setLong(7, s.validAfter());
                ps.setLong(8, s.validUntil());
                ps.setString(9, s.status().name());
                ps.setBytes(10, s.nonceKeyBase());
                ps.setLong(11, now);
                ps.setLong(12, now);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw constraint(e, "session " + SecretRows.hexRef(s.permissionId()));
            }
            for (SessionRecord.Chain chain : s.chains()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_chain (permission_id, chain_id, smart_session,"
                        + " enable_nonce) VALUES (?, ?, ?, ?)")) {
                    ps.setBytes(1, s.permissionId());
                    ps.setLong(2, chain.chainId());
                    ps.setString(3, Addresses.checksummed(chain.smartSession()));
                    ps.setLong(4, chain.enableNonce());
                    ps.executeUpdate();
                }
            }
            ActivityLog.append(c, clock.instant(), ActivityKind.SESSION_ADDED, SecretRows.hexRef(s.permissionId()), s.status().name(),
                    ActivityFields.NONE.withStatus(s.status().name()));
            return null;
        });
    }

    public SessionRecord get(byte[] permissionId) throws KeystoreException {
        List<SessionRecord> found = query("WHERE s.permission_id = ?", permissionId);
        if (found.isEmpty()) {
            throw new KeystoreException.NotFoundException("no session " + SecretRows.hexRef(permissionId));
        }
        return found.get(0);
    }

    public List<SessionRecord> all() throws KeystoreException {
        return query("", null);
    }

    public void setStatus(byte[] permissionId, SessionStatus status) throws KeystoreException {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE session SET status = ?, updated_at = ? WHERE permission_id = ?")) {
                ps.setString(1, status.name());
                ps.setLong(2, clock.millis());
                ps.setBytes(3, permissionId);
                if (ps.executeUpdate() == 0) {
                    throw new KeystoreException.NotFoundException("no session " + SecretRows.hexRef(permissionId));
                }
            }
            ActivityLog.append(c, clock.instant(), ActivityKind.SESSION_STATUS, SecretRows.hexRef(permissionId), status.name(),
                    ActivityFields.NONE.withStatus(status.name()));
            return null;
        });
    }

    /**
     * Stores the owner's one approval of a session: {@code permissionEnableSig} (the owner's signature over the enable
     * digest, already in the account's ERC-1271 format), sealed like a key (purpose {@code ENABLE_SIG}, security.md
     * I-1). The status stays {@code PENDING_ENABLE}: the signer's first operation on each chain enables the session.
     * A new approval replaces the old one (e.g. after {@code revokeEnableSignature} bumped SmartSession's nonce).
     * Needs the vault unlocked.
     */
    public void approve(byte[] permissionId, byte[] permissionEnableSig) throws KeystoreException {
        requireLength("permission id", permissionId, 32);
        if (permissionEnableSig == null || permissionEnableSig.length == 0) {
            throw new KeystoreException.InvalidInputException("an enable signature must not be empty");
        }
        SessionStatus status = get(permissionId).status();
        if (status != SessionStatus.PENDING_ENABLE && status != SessionStatus.ENABLED) {
            throw new KeystoreException.InvalidInputException("session " + SecretRows.hexRef(permissionId) + " is " + status
                    + " and cannot be approved");
        }
        if (!secrets.unlocked()) {
            throw new KeystoreException.LockedException();
        }
        String ref = SecretRows.hexRef(permissionId);
        // Cleared first: a crash between the steps leaves the session unapproved, never pointing at a missing secret.
        setApprovedAt(permissionId, null, null);
        secrets.delete(SecretPurpose.ENABLE_SIG, ref);
        secrets.insert(SecretPurpose.ENABLE_SIG, ref, permissionEnableSig, "");
        setApprovedAt(permissionId, clock.millis(), ActivityKind.SESSION_APPROVED);
    }

    /** The owner's stored enable signature, if the session was approved. Needs the vault unlocked. */
    public Optional<byte[]> approval(byte[] permissionId) throws KeystoreException {
        if (!get(permissionId).approved()) {
            return Optional.empty();
        }
        return Optional.of(secrets.open(SecretPurpose.ENABLE_SIG, SecretRows.hexRef(permissionId)));
    }

    /**
     * Records that SmartSession reports the permission enabled on {@code chainId} (after the first operation's
     * inclusion): the chain entry is marked and a {@code PENDING_ENABLE} session becomes {@code ENABLED}, in one
     * transaction.
     */
    public void markEnabled(byte[] permissionId, long chainId) throws KeystoreException {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE session_chain SET enabled_at = ? WHERE permission_id = ?"
                    + " AND chain_id = ? AND enabled_at IS NULL")) {
                ps.setLong(1, clock.millis());
                ps.setBytes(2, permissionId);
                ps.setLong(3, chainId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE session SET status = 'ENABLED', updated_at = ?"
                    + " WHERE permission_id = ? AND status = 'PENDING_ENABLE'")) {
                ps.setLong(1, clock.millis());
                ps.setBytes(2, permissionId);
                ps.executeUpdate();
            }
            ActivityLog.append(c, clock.instant(), ActivityKind.SESSION_ENABLED, SecretRows.hexRef(permissionId), "chain " + chainId,
                    ActivityFields.NONE.withChainId(chainId));
            return null;
        });
    }

    private void setApprovedAt(byte[] permissionId, Long at, ActivityKind activity) throws KeystoreException {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE session SET approved_at = ?, updated_at = ? WHERE permission_id = ?")) {
                if (at == null) {
                    ps.setNull(1, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(1, at);
                }
                ps.setLong(2, clock.millis());
                ps.setBytes(3, permissionId);
                if (ps.executeUpdate() == 0) {
                    throw new KeystoreException.NotFoundException("no session " + SecretRows.hexRef(permissionId));
                }
            }
            if (activity != null) {
                ActivityLog.append(c, clock.instant(), activity, SecretRows.hexRef(permissionId), "");
            }
            return null;
        });
    }

    /** Sets (or replaces) the cap of one ledger line; pending and final amounts are kept. */
    public void setBudget(byte[] permissionId, String token, BigInteger capTotal, long usesCap) throws KeystoreException {
        checkAmount("cap", capTotal);
        if (usesCap < 0) {
            throw new KeystoreException.InvalidInputException("a usage cap must not be negative");
        }
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO budget (permission_id, token, cap_total, reserved,"
                    + " spent_final, uses_cap, uses_reserved, uses_final) VALUES (?, ?, ?, '0', '0', ?, 0, 0)"
                    + " ON CONFLICT (permission_id, token) DO UPDATE SET cap_total = excluded.cap_total, uses_cap = excluded.uses_cap")) {
                ps.setBytes(1, permissionId);
                ps.setString(2, token);
                ps.setString(3, capTotal.toString());
                ps.setLong(4, usesCap);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The chain is the truth: sets {@code spent_final} of the given ledger lines (lines that do not exist are
     * skipped) and, when {@code usesFinal} is given, {@code uses_final} of every line of the session, and appends
     * one {@code signer.reconciled} activity row with {@code detail} (both values), in one transaction. Caps and
     * reservations are kept.
     */
    public void reconcile(byte[] permissionId, java.util.Map<String, BigInteger> spentFinal, java.util.OptionalLong usesFinal,
                          String detail) throws KeystoreException {
        for (BigInteger v : spentFinal.values()) {
            checkAmount("spent", v);
        }
        db.transaction(c -> {
            for (var e : spentFinal.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE budget SET spent_final = ? WHERE permission_id = ? AND token = ?")) {
                    ps.setString(1, e.getValue().toString());
                    ps.setBytes(2, permissionId);
                    ps.setString(3, e.getKey());
                    ps.executeUpdate();
                }
            }
            if (usesFinal.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE budget SET uses_final = ? WHERE permission_id = ?")) {
                    ps.setLong(1, usesFinal.getAsLong());
                    ps.setBytes(2, permissionId);
                    ps.executeUpdate();
                }
            }
            ActivityLog.append(c, clock.instant(), ActivityKind.SIGNER_RECONCILED, SecretRows.hexRef(permissionId), detail,
                    ActivityFields.aboutSession(SecretRows.hexRef(permissionId), detail));
            return null;
        });
    }

    public List<BudgetEntry> budget(byte[] permissionId) throws KeystoreException {
        return db.read(c -> Ledger.lines(c, permissionId));
    }

    static void checkAmount(String what, BigInteger amount) throws KeystoreException.InvalidInputException {
        if (amount == null || amount.signum() < 0 || amount.compareTo(UINT256_MAX) > 0) {
            throw new KeystoreException.InvalidInputException(what + " must be a uint256 (0 .. 2^256-1), got " + amount);
        }
    }

    private static void requireLength(String what, byte[] value, int length) throws KeystoreException.InvalidInputException {
        if (value == null || value.length != length) {
            throw new KeystoreException.InvalidInputException(what + " must be " + length + " bytes, got "
                    + (value == null ? "none" : value.length));
        }
    }

    static KeystoreException constraint(SQLException e, String what) throws SQLException {
        String message = String.valueOf(e.getMessage());
        if (message.contains("UNIQUE") || message.contains("PRIMARY KEY")) {
            return new KeystoreException.InvalidInputException(what + " clashes with an existing row (" + message + ")");
        }
        if (message.contains("FOREIGN KEY")) {
            return new KeystoreException.InvalidInputException(what + " refers to something unknown (register the account first)");
        }
        throw e;
    }

    private List<SessionRecord> query(String where, byte[] arg) throws KeystoreException {
        return db.read(c -> {
            List<SessionRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.permission_id, s.account, k.public_ref, s.salt, s.session_struct,"
                    + " s.session_digest, s.valid_after, s.valid_until, s.status, s.nonce_key_base, s.approved_at FROM session s"
                    + " JOIN secret k ON k.uuid = s.session_key_uuid " + where + " ORDER BY s.created_at")) {
                if (arg != null) {
                    ps.setBytes(1, arg);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SessionRecord(rs.getBytes(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5),
                                rs.getBytes(6), rs.getLong(7), rs.getLong(8), SessionStatus.valueOf(rs.getString(9)),
                                rs.getBytes(10), chains(c, rs.getBytes(1)), rs.getObject(11) != null));
                    }
                }
            }
            return out;
        });
    }

    private static List<SessionRecord.Chain> chains(Connection c, byte[] permissionId) throws SQLException {
        List<SessionRecord.Chain> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT chain_id, smart_session, enable_nonce, enabled_at FROM session_chain"
                + " WHERE permission_id = ? ORDER BY chain_id")) {
            ps.setBytes(1, permissionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SessionRecord.Chain(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4) != null));
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "Sessions[" + db.file() + "]";
    }
}
