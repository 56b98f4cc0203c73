package dev.latchkey.ui.activity;

import dev.latchkey.keystore.ActivityFields;
import dev.latchkey.keystore.ActivityKind;
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

/**
 * Turns the activity log (plus the signer's journal) into rows: one per signer intent, whatever number of decisions
 * it went through, and one per wallet or automation event. Newest first.
 */
public final class ActivityRows {

    private static final String REVERTED = "included, but the account's call reverted";

    private final ZoneId zone;

    public ActivityRows(ZoneId zone) {
        this.zone = zone;
    }

    public List<ActivityRow> rows(ActivityPort.Snapshot s) {
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        Map<String, List<ActivityLog.Entry>> byIntent = new LinkedHashMap<>();
        List<ActivityRow> out = new ArrayList<>();
        for (ActivityLog.Entry e : s.log()) {
            if (aboutAnIntent(e)) {
                byIntent.computeIfAbsent(e.subject().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
            } else if (e.kind().family() == ActivityKind.Family.AUTOMATION) {
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

    /** The signer's rows about one intent and the trade screen's about the same click; not those about a session or the wallet. */
    private static boolean aboutAnIntent(ActivityLog.Entry e) {
        return switch (e.kind().family()) {
            case SIGNER -> e.kind() != ActivityKind.SIGNER_RESTORED && e.fields().aboutSession().isEmpty();
            case TRADE -> true;
            default -> false;
        };
    }

    private ActivityRow operation(String intent, List<ActivityLog.Entry> entries, ActivityPort.Snapshot s, DateTimeFormatter clock,
                                  String automation) {
        Optional<JournalEntry> j = Optional.ofNullable(s.journal().get(intent));
        // what was signed, decoded from the journal's callData; else what was clicked (refusals leave no journal row)
        String what = Optional.ofNullable(s.descriptions().get(intent)).orElseGet(() -> entries.stream()
                .filter(e -> e.kind() == ActivityKind.TRADE_REQUESTED).map(ActivityLog.Entry::detail).findFirst().orElse("Operation"));
        Status status = Status.PENDING;
        String reason = "";
        Optional<String> tx = Optional.empty();
        Optional<String> userOp = j.map(JournalEntry::userOpHash).filter(h -> h != null).map(h -> "0x" + HexFormat.of().formatHex(h));
        OptionalLong seq = j.map(row -> OptionalLong.of(row.nonceSeq())).orElse(OptionalLong.empty());
        List<String> timeline = new ArrayList<>();
        for (ActivityLog.Entry e : entries) {
            if (e.kind().family() == ActivityKind.Family.TRADE) {
                continue;
            }
            String decision = e.kind().code().substring("signer.".length());
            timeline.add(clock.format(e.at()) + " " + decision + ": " + e.detail());
            ActivityFields f = e.fields();
            switch (e.kind()) {
                case SIGNER_INCLUDED -> {
                    boolean reverted = f.call() == CallOutcome.REVERTED;
                    status = reverted ? Status.FAILED : Status.INCLUDED;
                    reason = reverted ? REVERTED : "";
                    if (f.tx().isPresent()) {
                        tx = f.tx();
                    }
                    if (f.userOp().isPresent()) {
                        userOp = f.userOp();
                    }
                }
                case SIGNER_REFUSED -> {
                    status = Status.REFUSED;
                    reason = f.why().orElse(e.detail());
                }
                case SIGNER_UNCONFIRMED -> reason = "not confirmed yet — waiting for the chain";
                case SIGNER_FAILED, SIGNER_CONFLICT -> {
                    status = Status.FAILED;
                    reason = f.why().orElse(e.detail());
                }
                default -> { } // approved, resumed: still on its way
            }
        }
        if (status == Status.REFUSED) {
            Optional<String> explained = entries.stream().filter(e -> e.kind() == ActivityKind.TRADE_EXPLAINED)
                    .map(e -> e.fields().why().orElse(e.detail())).reduce((a, b) -> b);
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
        Map<String, BigInteger> amounts = j.map(JournalEntry::amounts).orElse(Map.of());
        if (!automation.isEmpty()) {
            what = what + " (automation '" + automation + "')";
        }
        return new ActivityRow(intent, entries.get(0).at(), status, what, session, s.labels().getOrDefault(session, session.isEmpty()
                ? "" : "session"), reason, userOp, tx, seq, amounts, timeline, automation);
    }

    private static Optional<ActivityRow> event(ActivityLog.Entry e, Map<String, String> labels) {
        String subject = e.fields().aboutSession().orElse(e.subject() == null ? "" : e.subject());
        String session = subject.toLowerCase(Locale.ROOT);
        String label = labels.getOrDefault(session, "");
        String name = label.isEmpty() ? "Session " + shortRef(subject) : "Session " + label + " (" + shortRef(subject) + ")";
        ActivityFields f = e.fields();
        String what = switch (e.kind()) {
            case SESSION_ADDED -> name + " created, awaiting approval";
            case SESSION_APPROVED -> name + " approved by the owner";
            case SESSION_ENABLED -> name + " enabled on " + (f.chainId() == null ? e.detail() : "chain " + f.chainId());
            case SESSION_STATUS -> name + " is now " + Optional.ofNullable(f.status()).orElse(e.detail()).toLowerCase(Locale.ROOT)
                    .replace('_', ' ');
            case ACCOUNT_CREATED -> "Account " + shortRef(subject) + " created (" + e.detail() + ")";
            case ACCOUNT_FUNDED -> "Account funded: " + e.detail();
            case ACCOUNT_DEPLOYED -> "Account deployed " + e.detail();
            case OWNER_SIGNATURE -> "Owner signature: " + e.detail();
            case UNLOCKED -> "Wallet unlocked";
            case LOCKED -> "Wallet locked";
            case UNLOCK_FAILED -> "Wrong password entered";
            case BACKUP_WRITTEN -> "Backup written: " + subject;
            case SIGNER_RECONCILED -> name + " budget reconciled with the chain";
            case SIGNER_FAILED -> name + ": the signer failed";
            case SIGNER_MISMATCH -> name + ": the wallet's records disagreed with the chain; the chain's were taken";
            case SIGNER_RESTORED -> "Wallet restored from a backup: reconciled from the chain";
            default -> null;
        };
        if (what == null) {
            return Optional.empty();
        }
        boolean isSigner = e.kind().family() == ActivityKind.Family.SIGNER;
        boolean isSession = e.kind().family() == ActivityKind.Family.SESSION || isSigner;
        return Optional.of(new ActivityRow("log-" + e.id(), e.at(), Status.EVENT, what, isSession ? session : "", label,
                isSigner ? f.why().orElse(e.detail()) : "",
                Optional.empty(), Optional.empty(), OptionalLong.empty(), Map.of(), List.of(), ""));
    }

    private static String shortRef(String hex) {
        return hex.length() > 14 ? hex.substring(0, 10) + "…" : hex;
    }
}
