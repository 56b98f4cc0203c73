package dev.latchkey.ui.activity;

import dev.latchkey.keystore.ActivityFields;
import dev.latchkey.keystore.ActivityKind;
import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.ui.activity.ActivityPort.AutomationRef;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The automation engine's log rows ({@link ActivityKind.Family#AUTOMATION}, subject = the rule id) as activity events
 * named by the rule's label. A firing's trade is the signer's row of the same intent; the "fired" event only says that
 * it fired, so nothing is counted twice.
 */
final class AutomationRows {

    private AutomationRows() {
    }

    /** The label of the rule that fired each intent (signer subject: hex, no 0x, lower case). */
    static Map<String, String> firedBy(List<ActivityLog.Entry> log, Map<String, AutomationRef> rules) {
        Map<String, String> out = new HashMap<>();
        for (ActivityLog.Entry e : log) {
            if (e.kind() == ActivityKind.AUTOMATION_FIRED) {
                e.fields().firedIntent().ifPresent(intent -> out.put(intent, label(e.subject(), rules)));
            }
        }
        return out;
    }

    static Optional<ActivityRow> event(ActivityLog.Entry e, Map<String, AutomationRef> rules, Map<String, String> sessionLabels) {
        String label = label(e.subject(), rules);
        String name = "Automation '" + label + "'";
        ActivityFields f = e.fields();
        String reason = f.why().orElse("");
        String what = switch (e.kind()) {
            case AUTOMATION_ADDED -> name + " created (" + Optional.ofNullable(f.ruleKind()).orElse("rule").toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + ")";
            case AUTOMATION_FIRED -> name + " fired" + (f.triggerSeq().isPresent() ? " (trigger " + f.triggerSeq().getAsLong() + ")" : "");
            case AUTOMATION_SUCCEEDED -> name + " succeeded";
            case AUTOMATION_FAILED -> name + " failed";
            case AUTOMATION_SKIPPED -> name + " skipped";
            case AUTOMATION_NEEDS_ATTENTION -> name + " needs attention";
            case AUTOMATION_DONE -> name + " done";
            case AUTOMATION_PAUSED -> name + " paused";
            case AUTOMATION_RESUMED -> name + " resumed";
            case AUTOMATION_REMOVED -> name + " removed";
            default -> null;
        };
        if (what == null) {
            return Optional.empty();
        }
        if (e.kind() == ActivityKind.AUTOMATION_SUCCEEDED || e.kind() == ActivityKind.AUTOMATION_FIRED
                || e.kind() == ActivityKind.AUTOMATION_ADDED) {
            reason = "";
        }
        String session = Optional.ofNullable(rules.get(key(e.subject()))).map(AutomationRef::session).orElse("");
        return Optional.of(new ActivityRow("log-" + e.id(), e.at(), ActivityRow.Status.EVENT, what, session,
                sessionLabels.getOrDefault(session, ""), reason, Optional.empty(), Optional.empty(), OptionalLong.empty(), Map.of(),
                List.of(), label));
    }

    /** The rule's label; its short id if the rule is unknown (never empty: it marks the row as an automation's). */
    private static String label(String subject, Map<String, AutomationRef> rules) {
        AutomationRef ref = rules.get(key(subject));
        if (ref != null && !ref.label().isBlank()) {
            return ref.label();
        }
        String id = key(subject);
        return id.length() > 14 ? id.substring(0, 10) + "…" : id.isEmpty() ? "?" : id;
    }

    private static String key(String subject) {
        String s = subject == null ? "" : subject.toLowerCase(Locale.ROOT);
        return s.isEmpty() || s.startsWith("0x") ? s : "0x" + s;
    }
}
