package dev.latchkey.ui.activity;

import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.keystore.CallOutcome;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.ui.activity.ActivityRow.Status;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the activity log (plus the signer's journal) into rows: one per signer intent, whatever number of decisions
 * it went through, and one per wallet or automation event. Newest first.
 */
public final class ActivityRows {

    /** What the trade screen logs about a click whose decision came back: its one-line description. */
    public static final String TRADE_REQUESTED = "trade.requested";
    /** A refusal put in the trade's terms (token amounts and names) by the trade screen; shown instead of the engine's words. */
    public static final String TRADE_EXPLAINED = "trade.explained";

    private static final String REVERTED = "included, but the account's call reverted";
    private static final Pattern TX = Pattern.compile("tx (0x[0-9a-fA-F]{64})");
    private static final Pattern USER_OP = Pattern.compile("userOpHash (0x[0-9a-fA-F]{64})");
    /** A signer line about a session, not an intent (budget reconciliation): its subject is the permission id. */
    private static final Pattern SESSION_SUBJECT = Pattern.compile("(?:0x)?[0-9a-fA-F]{64}");

    /** The signer's one line after a restore: about the wallet, not one operation. */
    private static final String RESTORED = "signer.restored";

    private final ZoneId zone;

    public ActivityRows(ZoneId zone) {
        this.zone = zone;
    }

    public List<ActivityRow> rows(ActivityPort.Snapshot s) {
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        Map<String, List<ActivityLog.Entry>> byIntent = new LinkedHashMap<>();
        List<ActivityRow> out = new ArrayList<>();
        for (ActivityLog.Entry e : s.log()) {
            if ((e.kind().startsWith("signer.") && !e.kind().equals(RESTORED) && !SESSION_SUBJECT.matcher(e.subject()).matches())
                    || e.kind().equals(TRADE_REQUESTED)
                    || e.kind().equals(TRADE_EXPLAINED)) {
                byIntent.computeIfAbsent(e.subject().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
            } else if (e.kind().startsWith(AutomationRows.PREFIX)) {
                AutomationRows.event(e, s.automations(), s.labels()).ifPresent(out::add);
            } else {
                event(e, s.labels()).ifPresent(out::add);
            }
        }
        Map<String, String> firedBy = AutomationRows.firedBy(s.log(), s.automations());
        byIntent.forEach((intent, entries) -> out.add(operation(intent, entries, s, clock, firedBy.getOrDefault(intent, ""))));
        out.sort(Comparator.comparing(ActivityRow::at).reversed());
        return out;
    }

    private ActivityRow operation(String intent, List<ActivityLog.Entry> entries, ActivityPort.Snapshot s, DateTimeFormatter clock,
                                  String automation) {
        Optional<JournalEntry> j = Optional.ofNullable(s.journal().get(intent));
        // what was signed, decoded from the journal's callData; else what was clicked (refusals leave no journal row)
        String what = Optional.ofNullable(s.descriptions().get(intent)).orElseGet(() -> entries.stream()
                .filter(e -> e.kind().equals(TRADE_REQUESTED)).map(ActivityLog.Entry::detail).findFirst().orElse("Operation"));
        Status status = Status.PENDING;
        String reason = "";
        Optional<String> tx = Optional.empty();
        Optional<String> userOp = j.map(JournalEntry::userOpHash).filter(h -> h != null).map(h -> "0x" + HexFormat.of().formatHex(h));
        OptionalLong seq = j.map(row -> OptionalLong.of(row.nonceSeq())).orElse(OptionalLong.empty());
        List<String> timeline = new ArrayList<>();
        for (ActivityLog.Entry e : entries) {
            if (e.kind().equals(TRADE_REQUESTED) || e.kind().equals(TRADE_EXPLAINED)) {
                continue;
            }
            String decision = e.kind().substring("signer.".length());
            timeline.add(clock.format(e.at()) + " " + decision + ": " + e.detail());
            switch (decision) {
                case "included" -> {
                    boolean reverted = e.detail().contains("call reverted");
                    status = reverted ? Status.FAILED : Status.INCLUDED;
                    reason = reverted ? REVERTED : "";
                    Optional<String> t = first(TX, e.detail());
                    if (t.isPresent()) {
                        tx = t;
                    }
                    Optional<String> u = first(USER_OP, e.detail());
                    if (u.isPresent()) {
                        userOp = u;
                    }
                }
                case "refused" -> {
                    status = Status.REFUSED;
                    reason = e.detail();
                }
                case "unconfirmed" -> reason = "not confirmed yet — waiting for the chain";
                case "failed", "conflict" -> {
                    status = Status.FAILED;
                    reason = e.detail();
                }
                default -> { } // approved, resumed: still on its way
            }
        }
        if (status == Status.REFUSED) {
            Optional<String> explained = entries.stream().filter(e -> e.kind().equals(TRADE_EXPLAINED)).map(ActivityLog.Entry::detail)
                    .reduce((a, b) -> b);
            if (explained.isPresent()) {
                reason = explained.get();
            }
        }
        if (status == Status.PENDING && j.isPresent() && j.get().state() == JournalState.FAILED) {
            status = Status.FAILED;
            reason = j.get().bundlerError() == null ? "failed" : j.get().bundlerError();
        }
        // FINAL without an "included" line (the process died between the journal commit and the log line): the journal's
        // call outcome says whether it did anything. UNKNOWN (before schema 6) shows as included, as it always did.
        if (status == Status.PENDING && j.isPresent() && j.get().state() == JournalState.FINAL) {
            boolean reverted = j.get().callOutcome() == CallOutcome.REVERTED;
            status = reverted ? Status.FAILED : Status.INCLUDED;
            reason = reverted ? REVERTED : "";
        }
        if (userOp.isEmpty() && j.isPresent() && j.get().userOpHash() != null) {
            userOp = Optional.of("0x" + HexFormat.of().formatHex(j.get().userOpHash()));
        }
        String session = j.map(row -> "0x" + HexFormat.of().formatHex(row.permissionId())).orElse("");
        Map<String, BigInteger> amounts = j.map(row -> amounts(row.reservation())).orElse(Map.of());
        if (!automation.isEmpty()) {
            what = what + " (automation '" + automation + "')";
        }
        return new ActivityRow(intent, entries.get(0).at(), status, what, session, s.labels().getOrDefault(session, session.isEmpty()
                ? "" : "session"), reason, userOp, tx, seq, amounts, timeline, automation);
    }

    private static Optional<ActivityRow> event(ActivityLog.Entry e, Map<String, String> labels) {
        String subject = e.subject() == null ? "" : e.subject();
        if (e.kind().startsWith("signer.") && !subject.isEmpty() && !subject.startsWith("0x")) {
            subject = "0x" + subject;
        }
        String session = subject.toLowerCase(Locale.ROOT);
        String label = labels.getOrDefault(session, "");
        String name = label.isEmpty() ? "Session " + shortRef(subject) : "Session " + label + " (" + shortRef(subject) + ")";
        String what = switch (e.kind()) {
            case "SESSION_ADDED" -> name + " created, awaiting approval";
            case "SESSION_APPROVED" -> name + " approved by the owner";
            case "SESSION_ENABLED" -> name + " enabled on " + e.detail();
            case "SESSION_STATUS" -> name + " is now " + e.detail().toLowerCase(Locale.ROOT).replace('_', ' ');
            case "account.created" -> "Account " + shortRef(subject) + " created (" + e.detail() + ")";
            case "account.funded" -> "Account funded: " + e.detail();
            case "account.deployed" -> "Account deployed " + e.detail();
            case "owner.signature" -> "Owner signature: " + e.detail();
            case "UNLOCK" -> "Wallet unlocked";
            case "LOCK" -> "Wallet locked";
            case "UNLOCK_FAILED" -> "Wrong password entered";
            case "BACKUP" -> "Backup written: " + subject;
            case "signer.reconciled" -> name + " budget reconciled with the chain";
            case "signer.failed" -> name + ": the signer failed";
            case "signer.mismatch" -> name + ": the wallet's records disagreed with the chain; the chain's were taken";
            case RESTORED -> "Wallet restored from a backup: reconciled from the chain";
            default -> null;
        };
        if (what == null) {
            return Optional.empty();
        }
        boolean isSigner = e.kind().startsWith("signer.");
        boolean isSession = e.kind().startsWith("SESSION_") || isSigner;
        return Optional.of(new ActivityRow("log-" + e.id(), e.at(), Status.EVENT, what, isSession ? session : "", label,
                isSigner ? e.detail() : "",
                Optional.empty(), Optional.empty(), OptionalLong.empty(), Map.of(), List.of(), ""));
    }

    private static Optional<String> first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String shortRef(String hex) {
        return hex.length() > 14 ? hex.substring(0, 10) + "…" : hex;
    }

    /** The journal's reservation, {"token":"amount",...}; tokens are addresses or GAS. */
    static Map<String, BigInteger> amounts(String json) {
        Map<String, BigInteger> out = new TreeMap<>();
        if (json == null) {
            return out;
        }
        String body = json.trim();
        if (body.length() < 2) {
            return out;
        }
        body = body.substring(1, body.length() - 1).trim();
        if (body.isEmpty()) {
            return out;
        }
        for (String pair : body.split(",")) {
            String[] kv = pair.split(":");
            out.put(kv[0].trim().replace("\"", "").toLowerCase(Locale.ROOT), new BigInteger(kv[1].trim().replace("\"", "")));
        }
        return out;
    }
}
