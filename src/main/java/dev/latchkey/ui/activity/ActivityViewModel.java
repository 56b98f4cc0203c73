package dev.latchkey.ui.activity;

import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.Formats;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.Reloader;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.common.ChangeFeed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Activity: every decision and operation (approved and pending, included, refused with its reason, failed) and the
 * wallet's events, newest first, with filters (status, session, text), details of the selected row (userOpHash,
 * transaction, block, gas, the timeline of decisions) and a chart of spend over time per session.
 */
public final class ActivityViewModel implements Activatable {

    /**
     * The status filter. Automations shows what the automations did: their own events and the operations they fired
     * (which the status filters show too); wallet events are the other events.
     */
    public enum Filter {
        ALL("All"), INCLUDED("Included"), PENDING("Pending"), REFUSED("Refused"), FAILED("Failed"), AUTOMATIONS("Automations"),
        EVENTS("Wallet events");

        private final String text;

        Filter(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        boolean accepts(ActivityRow r) {
            return switch (this) {
                case ALL -> true;
                case INCLUDED -> r.status() == ActivityRow.Status.INCLUDED;
                case PENDING -> r.status() == ActivityRow.Status.PENDING;
                case REFUSED -> r.status() == ActivityRow.Status.REFUSED;
                case FAILED -> r.status() == ActivityRow.Status.FAILED;
                case AUTOMATIONS -> r.isAutomation();
                case EVENTS -> r.status() == ActivityRow.Status.EVENT && !r.isAutomation();
            };
        }
    }

    /** A session to filter by; {@code id} empty = all sessions. */
    public record SessionChoice(String id, String label) {
        public static final SessionChoice ALL = new SessionChoice("", "All sessions");

        @Override
        public String toString() {
            return label;
        }
    }

    public static final int LIMIT = 2000;

    private final ActivityPort port;
    private final AsyncAction receipts;
    private final ChangeFeed changes;
    private final FxExecutor fx;
    private final ActivityRows builder;
    private final DateTimeFormatter time;
    private final Reloader<Loaded> reloader;
    private ChangeFeed.Subscription subscription;

    private final List<ActivityRow> all = new ArrayList<>();
    private final ObservableList<ActivityRow> rows = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would drop its listeners with the wrapper (weak). */
    private final ObservableList<ActivityRow> rowsReadOnly = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(this, "filter", Filter.ALL);
    private final ObservableList<SessionChoice> sessions = FXCollections.observableArrayList(SessionChoice.ALL);
    /** One read-only view, kept: a fresh wrapper per call would drop its listeners with the wrapper (weak). */
    private final ObservableList<SessionChoice> sessionsReadOnly = FXCollections.unmodifiableObservableList(sessions);
    private final ObjectProperty<SessionChoice> session = new SimpleObjectProperty<>(this, "session", SessionChoice.ALL);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObjectProperty<ActivityRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyStringWrapper receipt = new ReadOnlyStringWrapper(this, "receipt", "");
    private final ObservableList<SpendSeries> spend = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would drop its listeners with the wrapper (weak). */
    private final ObservableList<SpendSeries> spendReadOnly = FXCollections.unmodifiableObservableList(spend);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private record Loaded(List<ActivityRow> rows, List<SpendSeries> spend) {
    }

    public ActivityViewModel(ActivityPort port, AsyncAction load, AsyncAction receipts, ChangeFeed changes, FxExecutor fx, ZoneId zone) {
        this.port = Objects.requireNonNull(port);
        this.receipts = Objects.requireNonNull(receipts);
        this.changes = Objects.requireNonNull(changes);
        this.fx = Objects.requireNonNull(fx);
        this.builder = new ActivityRows(zone);
        this.time = DateTimeFormatter.ofPattern("MMM d, HH:mm:ss", Locale.ROOT).withZone(zone);
        this.reloader = new Reloader<>(load, () -> progress -> {
            ActivityPort.Snapshot s = port.load(LIMIT);
            List<ActivityRow> built = builder.rows(s);
            return new Loaded(built, SpendSeries.of(built, s.network()));
        }, this::show, failure -> error.set(UserMessages.describe(failure)));
        filter.addListener((obs, o, n) -> applyFilters());
        session.addListener((obs, o, n) -> applyFilters());
        search.addListener((obs, o, n) -> applyFilters());
        selected.addListener((obs, o, n) -> select(n));
    }

    @Override
    public void activate() {
        subscription = changes.subscribe(() -> fx.execute(reloader::request));
        reloader.request();
    }

    @Override
    public void deactivate() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    public void onRefresh() {
        reloader.request();
    }

    private void show(Loaded loaded) {
        error.set("");
        String keep = selected.get() == null ? null : selected.get().key();
        all.clear();
        all.addAll(loaded.rows());
        Map<String, SessionChoice> choices = new LinkedHashMap<>();
        choices.put("", SessionChoice.ALL);
        for (ActivityRow r : all) {
            if (!r.session().isEmpty() && !choices.containsKey(r.session())) {
                String label = r.sessionLabel().isEmpty() ? "session" : r.sessionLabel();
                choices.put(r.session(), new SessionChoice(r.session(), label + " " + Formats.shortHex(r.session())));
            }
        }
        SessionChoice current = session.get();
        sessions.setAll(choices.values());
        session.set(choices.getOrDefault(current.id(), SessionChoice.ALL));
        spend.setAll(loaded.spend());
        long ops = all.stream().filter(ActivityRow::isOperation).count();
        long automationEvents = all.stream().filter(r -> !r.isOperation() && r.isAutomation()).count();
        long walletEvents = count(ActivityRow.Status.EVENT) - automationEvents;
        summary.set(ops + (ops == 1 ? " operation: " : " operations: ") + count(ActivityRow.Status.INCLUDED) + " included, " + count(ActivityRow.Status.PENDING)
                + " pending, " + count(ActivityRow.Status.REFUSED) + " refused, " + count(ActivityRow.Status.FAILED) + " failed  ·  "
                + walletEvents + " wallet events" + (automationEvents == 0 ? "" : "  ·  " + automationEvents + " automation events"));
        applyFilters();
        if (keep != null) {
            rows.stream().filter(r -> r.key().equals(keep)).findFirst().ifPresent(selected::set);
        }
    }

    private long count(ActivityRow.Status status) {
        return all.stream().filter(r -> r.status() == status).count();
    }

    private void applyFilters() {
        String text = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        String sessionId = session.get() == null ? "" : session.get().id();
        rows.setAll(all.stream()
                .filter(r -> filter.get().accepts(r))
                .filter(r -> sessionId.isEmpty() || sessionId.equals(r.session()))
                .filter(r -> text.isEmpty() || (r.what() + " " + r.reason() + " " + r.key() + " " + r.userOpHash().orElse("") + " "
                        + r.transactionHash().orElse("")).toLowerCase(Locale.ROOT).contains(text))
                .toList());
    }

    private void select(ActivityRow r) {
        receipt.set("");
        if (r == null) {
            details.set("");
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(r.what());
        lines.add("Status: " + r.status().text() + (r.reason().isEmpty() ? "" : " — " + r.reason()));
        lines.add("When: " + time.format(r.at()));
        if (r.isOperation()) {
            lines.add("Intent: " + r.key());
        }
        if (r.isAutomation()) {
            lines.add("Automation: " + r.automation());
        }
        if (!r.session().isEmpty()) {
            lines.add("Session: " + (r.sessionLabel().isEmpty() ? "" : r.sessionLabel() + " ") + r.session());
        }
        r.nonceSeq().ifPresent(seq -> lines.add("Nonce sequence: " + seq));
        r.userOpHash().ifPresent(h -> lines.add("userOpHash: " + h));
        r.transactionHash().ifPresent(h -> lines.add("Transaction: " + h));
        if (!r.amounts().isEmpty()) {
            lines.add("Reserved: " + r.amounts().entrySet().stream().map(e -> e.getValue() + " of " + e.getKey()).toList());
        }
        if (!r.timeline().isEmpty()) {
            lines.add("Decisions:");
            r.timeline().forEach(t -> lines.add("  " + t));
        }
        details.set(String.join("\n", lines));
        if (r.transactionHash().isPresent()) {
            String tx = r.transactionHash().get();
            String op = r.userOpHash().orElse("");
            receipt.set("Reading the receipt…");
            receipts.run(progress -> port.receipt(tx, op), rc -> {
                if (selected.get() == r) {
                    receipt.set(describe(rc));
                }
            }, failure -> receipt.set("Receipt: " + UserMessages.describe(failure)));
        }
    }

    private static String describe(ActivityPort.Receipt rc) {
        StringBuilder b = new StringBuilder("Block " + rc.block() + "  ·  bundle gas used " + Formats.amount(rc.gasUsed(), 0));
        rc.userOpGasUsed().ifPresent(g -> b.append("  ·  operation gas ").append(Formats.amount(g, 0)));
        rc.userOpGasCostWei().ifPresent(c -> b.append("  ·  cost ").append(Formats.amount(c, 18, 8)).append(" ETH"));
        b.append("  ·  effective gas price ").append(Formats.amount(rc.effectiveGasPrice(), 9, 3)).append(" gwei");
        if (!rc.success()) {
            b.append("  ·  the operation's call reverted");
        }
        return b.toString();
    }

    /** The time column's text. */
    public String timeOf(ActivityRow r) {
        return time.format(r.at());
    }

    public String timeOf(Instant at) {
        return time.format(at);
    }

    public ObservableList<ActivityRow> rows() {
        return rowsReadOnly;
    }

    public ObjectProperty<Filter> filterProperty() {
        return filter;
    }

    public ObservableList<SessionChoice> sessions() {
        return sessionsReadOnly;
    }

    public ObjectProperty<SessionChoice> sessionProperty() {
        return session;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObjectProperty<ActivityRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty receiptProperty() {
        return receipt.getReadOnlyProperty();
    }

    public ObservableList<SpendSeries> spend() {
        return spendReadOnly;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public AsyncAction loading() {
        return reloader.action();
    }

}
