package dev.latchkey.ui.activity;

import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.ui.activity.ActivityPort.AutomationRef;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The automation engine's log lines ({@code automation.*}, subject = the rule id) as activity events named by the
 * rule's label. A firing's trade is the signer's row of the same intent; the "fired" event only says that it fired,
 * so nothing is counted twice.
 */
final class AutomationRows {

    static final String PREFIX = "automation.";
    private static final Pattern INTENT = Pattern.compile("intent 0x([0-9a-fA-F]{32})");
    private static final Pattern TRIGGER = Pattern.compile("trigger (\\d+)");
    /** Log kinds whose detail is the reason, and how the row says them ("active" is a rule resumed by the owner). */
    private static final Map<String, String> STATUS_WORDS = Map.of("skipped", "skipped", "needs_attention", "needs attention",
            "done", "done", "paused", "paused", "active", "resumed", "removed", "removed");

    private AutomationRows() {
    }

    /** The label of the rule that fired each intent (signer subject: hex, no 0x, lower case). */
    static Map<String, String> firedBy(List<ActivityLog.Entry> log, Map<String, AutomationRef> rules) {
        Map<String, String> out = new HashMap<>();
        for (ActivityLog.Entry e : log) {
            if (e.kind().equals(PREFIX + "fired")) {
                Matcher m = INTENT.matcher(e.detail());
                if (m.find()) {
                    out.put(m.group(1).toLowerCase(Locale.ROOT), label(e.subject(), rules));
                }
            }
        }
        return out;
    }

    static Optional<ActivityRow> event(ActivityLog.Entry e, Map<String, AutomationRef> rules, Map<String, String> sessionLabels) {
        String label = label(e.subject(), rules);
        String name = "Automation '" + label + "'";
        String detail = e.detail() == null ? "" : e.detail();
        String what;
        String reason = "";
        String kind = e.kind().substring(PREFIX.length());
        switch (kind) {
            case "added" -> {
                String ruleKind = detail.contains(" ") ? detail.substring(0, detail.indexOf(' ')) : detail;
                what = name + " created (" + ruleKind.toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
            }
            case "fired" -> {
                Matcher t = TRIGGER.matcher(detail);
                what = name + " fired" + (t.find() ? " (trigger " + t.group(1) + ")" : "");
            }
            case "succeeded" -> what = name + " succeeded";
            case "failed" -> {
                what = name + " failed";
                reason = detail.replaceFirst("^intent 0x[0-9a-fA-F]+: ", "");
            }
            default -> {
                String words = STATUS_WORDS.get(kind);
                if (words == null) {
                    return Optional.empty();
                }
                what = name + " " + words;
                reason = detail;
            }
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
