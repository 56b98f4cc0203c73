package dev.latchkey.keystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.AEADBadTagException;

/**
 * Automation rules, their firings and evaluations. Rule parameters are sealed under the DEK (AAD binds rule id,
 * session, kind and version, so a blob moved to another rule or session fails). {@link #fire} records a trigger and
 * advances the rule in ONE transaction (compare-and-set on the rule's next trigger), which is what makes each trigger
 * fire at most once across restarts; {@link #resolve} closes a firing and moves the rule in one transaction too.
 */
public final class Automations {

    /** A trigger about to be handed to the signer. */
    public record Fire(byte[] ruleId, long seq, int attempt, byte[] intentId, long block, long chainTime, byte[] callData, String reason) { }

    /** How the rule moves when a firing closes. */
    public sealed interface RuleChange {
        /** The rule goes on (recurring, auto-repay): its next trigger was already taken by {@link #fire}. */
        record Continue() implements RuleChange { }
        /** The trigger had no effect and is tried again under the next attempt number (a new intent id). */
        record Retry() implements RuleChange { }
        record Done(String reason) implements RuleChange { }
        record Attention(String reason) implements RuleChange { }
    }

    /** The closing of a PENDING firing. */
    public record Resolution(byte[] intentId, AutomationFiring.State state, String outcome, String detail, RuleChange change,
                             long block, long chainTime) { }

    private static final Set<AutomationRule.Status> LIVE = EnumSet.of(AutomationRule.Status.ACTIVE, AutomationRule.Status.PAUSED,
            AutomationRule.Status.NEEDS_ATTENTION);

    private final Keystore keystore;
    private final Database db;
    private final Aead aead;
    private final InstantSource clock;

    Automations(Keystore keystore, Database db, Aead aead, InstantSource clock) {
        this.keystore = keystore;
        this.db = db;
        this.aead = aead;
        this.clock = clock;
    }

    /** Stores a new ACTIVE rule with its sealed parameters; the session must exist. Needs the wallet unlocked. */
    public AutomationRule add(byte[] ruleId, byte[] permissionId, String kind, String label, byte[] spec) throws KeystoreException {
        if (ruleId == null || ruleId.length != 16) throw new KeystoreException.InvalidInputException("a rule id is 16 bytes");
        if (label == null || label.isBlank()) throw new KeystoreException.InvalidInputException("a rule needs a label");
        keystore.withDek((dek, dekVersion) -> {
            Aead.Sealed sealed = aead.seal(dek, spec, aad(dekVersion, ruleId, permissionId, kind, 1));
            long now = clock.millis();
            return db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO automation_rule (rule_id, permission_id, kind, label,"
                        + " dek_version, nonce, ciphertext, version, status, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 1, 'ACTIVE', ?, ?)")) {
                    ps.setBytes(1, ruleId);
                    ps.setBytes(2, permissionId);
                    ps.setString(3, kind);
                    ps.setString(4, label);
                    ps.setLong(5, dekVersion);
                    ps.setBytes(6, sealed.nonce());
                    ps.setBytes(7, sealed.ciphertext());
                    ps.setLong(8, now);
                    ps.setLong(9, now);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    throw Sessions.constraint(e, "rule " + SecretRows.hexRef(ruleId));
                }
                AutomationRows.evaluation(c, notes(dek, dekVersion), clock.millis(), ruleId, 0, 0, AutomationEvaluation.Result.CREATED, kind + " " + label);
                ActivityLog.append(c, clock.instant(), ActivityKind.AUTOMATION_ADDED, SecretRows.hexRef(ruleId), kind + " " + label,
                        ActivityFields.NONE.withRuleKind(kind));
                return null;
            });
        });
        return get(ruleId);
    }

    public AutomationRule get(byte[] ruleId) throws KeystoreException {
        List<AutomationRule> found = rules("WHERE rule_id = ?", ruleId);
        if (found.isEmpty()) throw new KeystoreException.NotFoundException("no automation rule " + SecretRows.hexRef(ruleId));
        return found.get(0);
    }

    /** Every rule, oldest first (REMOVED ones included; callers filter). */
    public List<AutomationRule> all() throws KeystoreException {
        return rules("", null);
    }

    /**
     * A mark that changes whenever a rule is added, edited or moves (count and latest update of all rules): lets the
     * engine evaluate a new or edited rule at once instead of waiting for the next block.
     */
    public String changeMark() throws KeystoreException {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COALESCE(MAX(updated_at), 0), COALESCE(SUM(version), 0)"
                    + " FROM automation_rule");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3) : "";
            }
        });
    }

    /** The decrypted parameters of {@code rule} at its current version. Needs the wallet unlocked. */
    public byte[] spec(byte[] ruleId) throws KeystoreException {
        record Sealed(byte[] permissionId, String kind, long version, long dekVersion, byte[] nonce, byte[] ciphertext) { }
        Sealed s = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT permission_id, kind, version, dek_version, nonce, ciphertext"
                    + " FROM automation_rule WHERE rule_id = ?")) {
                ps.setBytes(1, ruleId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Sealed(rs.getBytes(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getBytes(5), rs.getBytes(6)) : null;
                }
            }
        });
        if (s == null) throw new KeystoreException.NotFoundException("no automation rule " + SecretRows.hexRef(ruleId));
        return keystore.withDek((dek, dekVersion) -> {
            try {
                return Aead.open(dek, s.nonce(), s.ciphertext(), aad(s.dekVersion(), ruleId, s.permissionId(), s.kind(), s.version()));
            } catch (AEADBadTagException e) {
                throw new KeystoreException.TamperedRecordException(SecretRows.hexRef(ruleId), SecretPurpose.AUTOMATION_RULE.name(), SecretRows.hexRef(ruleId));
            }
        });
    }

    /**
     * The decrypted parameters of every rule at its current version, by rule id (hex, lower case): one read and one
     * key use for the whole list (the Automations screen shows a thousand rules at once). Needs the wallet unlocked.
     */
    public Map<String, byte[]> specs() throws KeystoreException {
        record Sealed(byte[] ruleId, byte[] permissionId, String kind, long version, long dekVersion, byte[] nonce, byte[] ciphertext) { }
        List<Sealed> all = db.read(c -> {
            List<Sealed> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rule_id, permission_id, kind, version, dek_version, nonce, ciphertext"
                    + " FROM automation_rule");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Sealed(rs.getBytes(1), rs.getBytes(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getBytes(6), rs.getBytes(7)));
                }
            }
            return out;
        });
        return keystore.withDek((dek, dekVersion) -> {
            Map<String, byte[]> out = new HashMap<>();
            for (Sealed s : all) {
                try {
                    out.put(HexFormat.of().formatHex(s.ruleId()), Aead.open(dek, s.nonce(), s.ciphertext(),
                            aad(s.dekVersion(), s.ruleId(), s.permissionId(), s.kind(), s.version())));
                } catch (AEADBadTagException e) {
                    throw new KeystoreException.TamperedRecordException(SecretRows.hexRef(s.ruleId()), SecretPurpose.AUTOMATION_RULE.name(),
                            SecretRows.hexRef(s.ruleId()));
                }
            }
            return out;
        });
    }

    /** Replaces the parameters (version + 1) of a live rule with no firing in flight; {@code expectedVersion} guards lost updates. */
    public AutomationRule edit(byte[] ruleId, long expectedVersion, byte[] spec, String label) throws KeystoreException {
        AutomationRule rule = get(ruleId);
        if (!LIVE.contains(rule.status())) {
            throw new KeystoreException.InvalidInputException("rule " + SecretRows.hexRef(ruleId) + " is " + rule.status() + " and cannot be edited");
        }
        long next = expectedVersion + 1;
        keystore.withDek((dek, dekVersion) -> {
            Aead.Sealed sealed = aead.seal(dek, spec, aad(dekVersion, ruleId, rule.permissionId(), rule.kind(), next));
            return db.transaction(c -> {
                if (AutomationRows.hasPending(c, ruleId)) {
                    throw new KeystoreException.JournalConflictException("rule " + SecretRows.hexRef(ruleId) + " has a firing in flight; edit it when that has ended");
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE automation_rule SET dek_version = ?, nonce = ?, ciphertext = ?,"
                        + " version = ?, label = ?, updated_at = ? WHERE rule_id = ? AND version = ?")) {
                    ps.setLong(1, dekVersion);
                    ps.setBytes(2, sealed.nonce());
                    ps.setBytes(3, sealed.ciphertext());
                    ps.setLong(4, next);
                    ps.setString(5, label == null || label.isBlank() ? rule.label() : label);
                    ps.setLong(6, clock.millis());
                    ps.setBytes(7, ruleId);
                    ps.setLong(8, expectedVersion);
                    if (ps.executeUpdate() != 1) {
                        throw new KeystoreException.JournalConflictException("rule " + SecretRows.hexRef(ruleId) + " changed since version " + expectedVersion);
                    }
                }
                AutomationRows.evaluation(c, notes(dek, dekVersion), clock.millis(), ruleId, 0, 0, AutomationEvaluation.Result.EDITED, "version " + next);
                return null;
            });
        });
        return get(ruleId);
    }

    /**
     * Moves the rule's status if it is currently one of {@code from} (compare-and-set) and records why.
     * Returns false when the rule was in another status.
     */
    public boolean setStatus(byte[] ruleId, Set<AutomationRule.Status> from, AutomationRule.Status to, String reason,
                             AutomationEvaluation.Result result, long block, long chainTime) throws KeystoreException {
        return keystore.withDek((dek, dekVersion) -> db.transaction(c -> {
            AutomationRule rule = AutomationRows.readRule(c, ruleId);
            if (rule == null) throw new KeystoreException.NotFoundException("no automation rule " + SecretRows.hexRef(ruleId));
            if (!from.contains(rule.status())) return false;
            SealedNotes n = notes(dek, dekVersion);
            AutomationRows.updateStatus(c, n, clock.millis(), ruleId, to, reason);
            AutomationRows.evaluation(c, n, clock.millis(), ruleId, block, chainTime, result, reason);
            String shown = PublicWords.status(to, reason);
            ActivityLog.append(c, clock.instant(), ActivityKind.ofRuleStatus(to), SecretRows.hexRef(ruleId), shown, ActivityFields.because(shown));
            return true;
        }));
    }

    /**
     * Records trigger ({@code seq}, {@code attempt}) as PENDING and advances the rule to {@code seq + 1}, in one
     * transaction, only if the rule is ACTIVE, expects exactly this trigger and has no firing in flight.
     */
    public AutomationFiring fire(Fire f) throws KeystoreException {
        if (f.intentId() == null || f.intentId().length != 16) throw new KeystoreException.InvalidInputException("an intent id is 16 bytes");
        keystore.withDek((dek, dekVersion) -> db.transaction(c -> {
            SealedNotes n = notes(dek, dekVersion);
            AutomationRule rule = AutomationRows.readRule(c, f.ruleId());
            if (rule == null) throw new KeystoreException.NotFoundException("no automation rule " + SecretRows.hexRef(f.ruleId()));
            if (rule.status() != AutomationRule.Status.ACTIVE || rule.nextSeq() != f.seq() || rule.nextAttempt() != f.attempt()
                    || AutomationRows.hasPending(c, f.ruleId())) {
                throw new KeystoreException.JournalConflictException("rule " + SecretRows.hexRef(f.ruleId()) + " is " + rule.status() + " at trigger "
                        + rule.nextSeq() + "/" + rule.nextAttempt() + ", not " + f.seq() + "/" + f.attempt() + " (or a firing is in flight)");
            }
            long now = clock.millis();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO automation_firing (" + AutomationRows.FIRING_COLUMNS.replace("updated_at", "created_at, updated_at")
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', '', '', ?, ?)")) {
                ps.setBytes(1, f.intentId());
                ps.setBytes(2, f.ruleId());
                ps.setLong(3, f.seq());
                ps.setInt(4, f.attempt());
                ps.setLong(5, f.block());
                ps.setLong(6, f.chainTime());
                ps.setBytes(7, n.bytes(f.ruleId(), SealedNotes.Column.FIRING_CALLDATA, f.callData()));
                ps.setLong(8, now);
                ps.setLong(9, now);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw Sessions.constraint(e, "firing " + SecretRows.hexRef(f.intentId()));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE automation_rule SET next_seq = ?, next_attempt = 0, updated_at = ?"
                    + " WHERE rule_id = ?")) {
                ps.setLong(1, f.seq() + 1);
                ps.setLong(2, now);
                ps.setBytes(3, f.ruleId());
                ps.executeUpdate();
            }
            AutomationRows.evaluation(c, n, clock.millis(), f.ruleId(), f.block(), f.chainTime(), AutomationEvaluation.Result.FIRED,
                    "trigger " + f.seq() + " attempt " + f.attempt() + ", intent " + SecretRows.hexRef(f.intentId()) + ": " + f.reason());
            ActivityLog.append(c, clock.instant(), ActivityKind.AUTOMATION_FIRED, SecretRows.hexRef(f.ruleId()), "intent " + SecretRows.hexRef(f.intentId()) + " trigger " + f.seq(),
                    ActivityFields.fired(SecretRows.hexRef(f.intentId()), f.seq()));
            return null;
        }));
        return firing(f.intentId());
    }

    /** Closes a PENDING firing and moves its rule; false if the firing was already closed. */
    public boolean resolve(Resolution r) throws KeystoreException {
        if (r.state() == AutomationFiring.State.PENDING) throw new KeystoreException.InvalidInputException("a resolution must close the firing");
        return keystore.withDek((dek, dekVersion) -> db.transaction(c -> {
            SealedNotes n = notes(dek, dekVersion);
            AutomationFiring f = AutomationRows.readFiring(c, r.intentId());
            if (f == null) throw new KeystoreException.NotFoundException("no firing " + SecretRows.hexRef(r.intentId()));
            try (PreparedStatement ps = c.prepareStatement("UPDATE automation_firing SET state = ?, outcome = ?, detail = ?, updated_at = ?"
                    + " WHERE intent_id = ? AND state = 'PENDING'")) {
                ps.setString(1, r.state().name());
                ps.setString(2, r.outcome());
                ps.setString(3, n.text(f.ruleId(), SealedNotes.Column.FIRING_DETAIL, r.detail()));
                ps.setLong(4, clock.millis());
                ps.setBytes(5, r.intentId());
                if (ps.executeUpdate() != 1) return false;
            }
            boolean ok = r.state() == AutomationFiring.State.SUCCEEDED;
            AutomationRows.evaluation(c, n, clock.millis(), f.ruleId(), r.block(), r.chainTime(), ok ? AutomationEvaluation.Result.SUCCEEDED : AutomationEvaluation.Result.FAILED,
                    "trigger " + f.seq() + " attempt " + f.attempt() + ": " + r.outcome() + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"));
            switch (r.change()) {
                case RuleChange.Continue k -> { }
                case RuleChange.Retry k -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE automation_rule SET next_seq = ?, next_attempt = ?, updated_at = ?"
                            + " WHERE rule_id = ? AND next_seq = ?")) {
                        ps.setLong(1, f.seq());
                        ps.setInt(2, f.attempt() + 1);
                        ps.setLong(3, clock.millis());
                        ps.setBytes(4, f.ruleId());
                        ps.setLong(5, f.seq() + 1);
                        if (ps.executeUpdate() != 1) throw new KeystoreException.JournalConflictException("rule moved past trigger " + f.seq());
                    }
                }
                case RuleChange.Done d -> {
                    AutomationRows.updateStatus(c, n, clock.millis(), f.ruleId(), AutomationRule.Status.DONE, d.reason());
                    AutomationRows.evaluation(c, n, clock.millis(), f.ruleId(), r.block(), r.chainTime(), AutomationEvaluation.Result.DONE, d.reason());
                }
                case RuleChange.Attention a -> {
                    AutomationRows.updateStatus(c, n, clock.millis(), f.ruleId(), AutomationRule.Status.NEEDS_ATTENTION, a.reason());
                    AutomationRows.evaluation(c, n, clock.millis(), f.ruleId(), r.block(), r.chainTime(), AutomationEvaluation.Result.ATTENTION, a.reason());
                }
            }
            ActivityLog.append(c, clock.instant(), ok ? ActivityKind.AUTOMATION_SUCCEEDED : ActivityKind.AUTOMATION_FAILED, SecretRows.hexRef(f.ruleId()),
                    "intent " + SecretRows.hexRef(r.intentId()) + ": " + r.outcome(), ActivityFields.because(r.outcome()).withIntent(SecretRows.hexRef(r.intentId())));
            // The status move a closed firing causes is a decision of its own (as the engine's own moves are).
            switch (r.change()) {
                case RuleChange.Done d -> {
                    String shown = PublicWords.status(AutomationRule.Status.DONE, d.reason());
                    ActivityLog.append(c, clock.instant(), ActivityKind.AUTOMATION_DONE, SecretRows.hexRef(f.ruleId()), shown, ActivityFields.because(shown));
                }
                case RuleChange.Attention a -> {
                    String shown = PublicWords.status(AutomationRule.Status.NEEDS_ATTENTION, a.reason());
                    ActivityLog.append(c, clock.instant(), ActivityKind.AUTOMATION_NEEDS_ATTENTION, SecretRows.hexRef(f.ruleId()), shown,
                            ActivityFields.because(shown));
                }
                default -> { }
            }
            return true;
        }));
    }

    /** A firing with its call data and detail opened. Needs the wallet unlocked (so do {@link #pending} and {@link #firings}). */
    public AutomationFiring firing(byte[] intentId) throws KeystoreException {
        AutomationFiring f = db.read(c -> AutomationRows.readFiring(c, intentId));
        if (f == null) throw new KeystoreException.NotFoundException("no firing " + SecretRows.hexRef(intentId));
        return keystore.withDek((dek, dekVersion) -> AutomationRows.opened(notes(dek, dekVersion), f));
    }

    /** Firings still waiting for the signer's outcome, oldest first: what the engine drives on after a restart. */
    public List<AutomationFiring> pending() throws KeystoreException {
        return firings("WHERE state = 'PENDING'", null);
    }

    public List<AutomationFiring> firings(byte[] ruleId) throws KeystoreException {
        return firings("WHERE rule_id = ?", ruleId);
    }

    /** Every firing of every rule, oldest first (one read for the rule list). */
    public List<AutomationFiring> allFirings() throws KeystoreException {
        return firings("", null);
    }

    /** Appends evaluations in one transaction. */
    public void record(List<AutomationEvaluation.New> rows) throws KeystoreException {
        if (rows.isEmpty()) return;
        keystore.withDek((dek, dekVersion) -> db.transaction(c -> {
            SealedNotes sealer = notes(dek, dekVersion);
            for (AutomationEvaluation.New n : rows) {
                AutomationRows.evaluation(c, sealer, clock.millis(), n.ruleId(), n.block(), n.chainTime(), n.result(), n.reason());
                // A skip is a decision too: `signer run` prints it from the activity log (the engine records a rule's
                // skip once per change of reason, so this does not grow every block).
                if (n.result() == AutomationEvaluation.Result.SKIPPED) {
                    String shown = PublicWords.skip(n.reason());
                    ActivityLog.append(c, clock.instant(), ActivityKind.AUTOMATION_SKIPPED, SecretRows.hexRef(n.ruleId()), shown,
                            ActivityFields.because(shown));
                }
            }
            return null;
        }));
    }

    /** The newest {@code limit} evaluations of a rule, oldest first. */
    public List<AutomationEvaluation> evaluations(byte[] ruleId, int limit) throws KeystoreException {
        return keystore.withDek((dek, dekVersion) -> db.read(c -> {
            SealedNotes n = notes(dek, dekVersion);
            List<AutomationEvaluation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, rule_id, block, chain_time, result, reason, at FROM (SELECT * FROM"
                    + " automation_evaluation WHERE rule_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id")) {
                ps.setBytes(1, ruleId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AutomationEvaluation(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getLong(4),
                                AutomationEvaluation.Result.valueOf(rs.getString(5)), n.openText(ruleId, SealedNotes.Column.EVALUATION_REASON, rs.getString(6)),
                                Instant.ofEpochMilli(rs.getLong(7))));
                    }
                }
            }
            return out;
        }));
    }

    /** Each rule's newest evaluation, by rule id (hex, lower case); rules never evaluated are absent. One read. */
    public Map<String, AutomationEvaluation> latestEvaluations() throws KeystoreException {
        return db.read(c -> {
            Map<String, AutomationEvaluation> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT e.id, e.rule_id, e.block, e.chain_time, e.result, e.reason, e.at"
                    + " FROM automation_evaluation e JOIN (SELECT MAX(id) AS id FROM automation_evaluation GROUP BY rule_id) m ON e.id = m.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(HexFormat.of().formatHex(rs.getBytes(2)), new AutomationEvaluation(rs.getLong(1), rs.getBytes(2), rs.getLong(3),
                            rs.getLong(4), AutomationEvaluation.Result.valueOf(rs.getString(5)), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))));
                }
            }
            return out;
        });
    }

    private static byte[] aad(long dekVersion, byte[] ruleId, byte[] permissionId, String kind, long version) {
        String ref = SecretRows.hexRef(ruleId) + "/" + SecretRows.hexRef(permissionId) + "/" + kind + "/v" + version;
        return SecretRows.aad(dekVersion, ruleId, SecretPurpose.AUTOMATION_RULE, ref);
    }

    private SealedNotes notes(byte[] dek, long dekVersion) {
        return new SealedNotes(aead, dek, dekVersion);
    }

    /** Rules with their status reason opened while unlocked; locked, the reason reads "" (kind, label and status stay readable). */
    private List<AutomationRule> rules(String where, byte[] arg) throws KeystoreException {
        List<AutomationRule> raw = db.read(c -> {
            List<AutomationRule> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + AutomationRows.RULE_COLUMNS + " FROM automation_rule " + where + " ORDER BY created_at, rule_id")) {
                if (arg != null) ps.setBytes(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(AutomationRows.rule(rs));
                }
            }
            return out;
        });
        if (!keystore.isUnlocked()) return raw.stream().map(r -> r.withStatusReason("")).toList();
        try {
            return keystore.withDek((dek, dekVersion) -> {
                SealedNotes n = notes(dek, dekVersion);
                List<AutomationRule> out = new ArrayList<>();
                for (AutomationRule r : raw) {
                    String reason;
                    try {
                        reason = n.openText(r.ruleId(), SealedNotes.Column.STATUS_REASON, r.statusReason());
                    } catch (KeystoreException.TamperedRecordException e) {
                        reason = "the stored reason was altered and is not shown"; // one bad row must not stop the list or the engine
                    }
                    out.add(r.withStatusReason(reason));
                }
                return out;
            });
        } catch (KeystoreException.LockedException e) {
            return raw.stream().map(r -> r.withStatusReason("")).toList();
        }
    }

    private List<AutomationFiring> firings(String where, byte[] arg) throws KeystoreException {
        List<AutomationFiring> raw = db.read(c -> {
            List<AutomationFiring> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + AutomationRows.FIRING_COLUMNS + " FROM automation_firing " + where + " ORDER BY created_at, seq, attempt")) {
                if (arg != null) ps.setBytes(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(AutomationRows.firingRow(rs));
                }
            }
            return out;
        });
        return keystore.withDek((dek, dekVersion) -> {
            SealedNotes n = notes(dek, dekVersion);
            List<AutomationFiring> out = new ArrayList<>();
            for (AutomationFiring f : raw) out.add(AutomationRows.opened(n, f));
            return out;
        });
    }


    @Override
    public String toString() {
        return "Automations[" + db.file() + "]";
    }
}
