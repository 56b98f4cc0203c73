package dev.latchkey.ui.automation;

import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a stored rule, its firings and latest evaluation into the words of one list row. */
final class RuleDescriptions {

    private final TradeNetwork network;
    private final DateTimeFormatter time;

    RuleDescriptions(TradeNetwork network, ZoneId zone) {
        this.network = network;
        this.time = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(zone);
    }

    RuleItem item(AutomationService.RuleView v, Optional<AutomationEvaluation> latest, Map<String, String> sessionLabels) {
        AutomationRule row = v.row();
        String pid = HexFormat.of().formatHex(row.permissionId());
        String status = switch (row.status()) {
            case ACTIVE -> "active";
            case PAUSED -> "paused";
            case NEEDS_ATTENTION -> "needs attention";
            case DONE -> "done";
            case REMOVED -> "removed";
        };
        boolean active = row.status() == AutomationRule.Status.ACTIVE;
        String reason = active || row.statusReason() == null ? "" : row.statusReason();
        String session = sessionLabels.getOrDefault(pid, "session") + " · 0x" + pid.substring(0, 8);
        return new RuleItem(row.ruleId(), HexFormat.of().formatHex(row.ruleId()).substring(0, 8), title(v.spec()), status, reason, session,
                lastRun(v.firings(), latest), active ? nextRun(v.spec(), row) : "—", active,
                row.status() == AutomationRule.Status.PAUSED || row.status() == AutomationRule.Status.NEEDS_ATTENTION,
                active || row.status() == AutomationRule.Status.PAUSED || row.status() == AutomationRule.Status.NEEDS_ATTENTION);
    }

    String title(RuleSpec spec) {
        return switch (spec) {
            case RuleSpec.LimitOrder l -> "Limit " + l.side().name().toLowerCase(Locale.ROOT) + " " + amount(l.amount(), l.sold()) + " "
                    + l.sold() + (l.side() == RuleSpec.Side.BUY ? " for " + l.base() : " for " + l.quote()) + " at " + price(l.price())
                    + " " + l.quote() + "/" + l.base();
            case RuleSpec.StopOrder s -> "Stop: sell " + amount(s.amount(), s.base()) + " " + s.base()
                    + (s.stopLoss() == null ? "" : ", stop-loss " + price(s.stopLoss()))
                    + (s.takeProfit() == null ? "" : ", take-profit " + price(s.takeProfit())) + " " + s.quote();
            case RuleSpec.RecurringPayment r -> (r.mode() == RuleSpec.Mode.SEND ? "Pay " + amount(r.amount(), r.token()) + " " + r.token()
                    + " to " + r.recipient().checksummed().substring(0, 10) + "…" : "Buy " + r.toToken() + " with " + amount(r.amount(), r.token())
                    + " " + r.token()) + " every " + period(r.periodSeconds()) + " (" + (r.totalPayments() == Long.MAX_VALUE ? "until "
                    + time.format(Instant.ofEpochSecond(r.end())) : r.totalPayments() + " payments") + ")";
            case RuleSpec.AutoRepay a -> "Auto-repay " + a.asset() + " debt below health " + price(a.threshold()) + " (back to "
                    + price(a.target()) + ", at most " + amount(a.maxPerRepay(), a.asset()) + " each)";
        };
    }

    private String lastRun(List<AutomationFiring> firings, Optional<AutomationEvaluation> latest) {
        Optional<AutomationFiring> last = firings.stream().max(Comparator.comparing(AutomationFiring::updatedAt));
        if (last.isPresent()) {
            AutomationFiring f = last.get();
            String state = switch (f.state()) {
                case PENDING -> "sent, waiting for inclusion";
                case SUCCEEDED -> "succeeded";
                case FAILED -> "failed" + (f.detail() == null || f.detail().isBlank() ? "" : ": " + f.detail());
            };
            return time.format(f.updatedAt()) + " — " + state;
        }
        return latest.filter(e -> e.block() > 0).map(e -> "not fired; checked " + time.format(e.at()) + ": " + e.reason()).orElse("never");
    }

    private String nextRun(RuleSpec spec, AutomationRule row) {
        return switch (spec) {
            case RuleSpec.LimitOrder l -> "when " + l.base() + (l.side() == RuleSpec.Side.BUY ? " ≤ " : " ≥ ") + price(l.price()) + " " + l.quote();
            case RuleSpec.StopOrder s -> "when " + s.base() + (s.stopLoss() == null ? "" : " ≤ " + price(s.stopLoss()))
                    + (s.stopLoss() != null && s.takeProfit() != null ? " or" : "")
                    + (s.takeProfit() == null ? "" : " ≥ " + price(s.takeProfit())) + " " + s.quote();
            case RuleSpec.RecurringPayment r -> row.nextSeq() >= r.totalPayments() ? "no payment left"
                    : "payment " + (row.nextSeq() + 1) + " due " + time.format(Instant.ofEpochSecond(r.dueAt(row.nextSeq()))) + " (chain time)";
            case RuleSpec.AutoRepay a -> "when the health factor falls below " + price(a.threshold());
        };
    }

    private String amount(BigInteger raw, String symbol) {
        int decimals = network.tokens().stream().filter(t -> t.symbol().equalsIgnoreCase(symbol)).findFirst().map(t -> t.decimals()).orElse(0);
        return String.format(Locale.ENGLISH, "%,f", new BigDecimal(raw).movePointLeft(decimals)).replaceAll("\\.?0+$", "");
    }

    private static String price(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString();
    }

    private static String period(long seconds) {
        if (seconds % 86_400 == 0) return seconds == 86_400 ? "day" : seconds / 86_400 + " days";
        if (seconds % 3600 == 0) return seconds == 3600 ? "hour" : seconds / 3600 + " hours";
        return seconds + " s";
    }
}
