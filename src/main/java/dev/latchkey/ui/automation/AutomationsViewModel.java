package dev.latchkey.ui.automation;

import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.UserMessages;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Automations screen: the wallet's rules with status, session, last and next run; pause, resume, edit and
 * remove; and the form, which creates a rule or (after "Edit") saves a rule's new parameters. Both go through
 * {@link AutomationService}, so what the session cannot cover is refused with the reason shown beside the form and
 * nothing is stored. Everything touching the wallet or the chain runs in the background through {@link AsyncAction}.
 */
public final class AutomationsViewModel implements Activatable {

    /** Loaded together in the background. */
    private record Snapshot(TradeNetwork network, List<RuleItem> rules, List<AutomationPort.SessionChoice> sessions) { }

    /** The rule the form is editing, with the parameters it was opened with. */
    private record Editing(RuleItem item, RuleSpec spec) { }

    /** A rule read afresh for "Edit". */
    private record Opened(TradeNetwork network, byte[] permissionId, String label, RuleSpec spec) { }

    private static final String NEW_TITLE = "New automation";
    private static final String CREATE = "Create automation";

    private final AutomationPort port;
    private final AsyncAction action;
    private final ZoneId zone;
    private final ObservableList<RuleItem> rules = FXCollections.observableArrayList();
    private final ObservableList<AutomationPort.SessionChoice> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<AutomationPort.SessionChoice> session = new SimpleObjectProperty<>(this, "session");
    private final ObjectProperty<RuleForm.Kind> kind = new SimpleObjectProperty<>(this, "kind", RuleForm.Kind.LIMIT_ORDER);
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final Map<RuleForm.Field, StringProperty> fields = new EnumMap<>(RuleForm.Field.class);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper listError = new ReadOnlyStringWrapper(this, "listError", "");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing", false);
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper(this, "formTitle", NEW_TITLE);
    private final ReadOnlyStringWrapper submitText = new ReadOnlyStringWrapper(this, "submitText", CREATE);
    private TradeNetwork network;
    private Editing edited;

    public AutomationsViewModel(AutomationPort port, AsyncAction action, ZoneId zone) {
        this.port = Objects.requireNonNull(port);
        this.action = Objects.requireNonNull(action);
        this.zone = Objects.requireNonNull(zone);
        for (RuleForm.Field f : RuleForm.Field.values()) {
            fields.put(f, new SimpleStringProperty(this, f.name(), ""));
        }
        kind.addListener((o, a, b) -> formError.set(""));
    }

    @Override
    public void activate() {
        refresh();
    }

    @Override
    public void deactivate() {
        // nothing subscribed outside this object
    }

    /** Reloads the rules and the sessions a rule can use. */
    public void refresh() {
        action.run(progress -> load(), this::show, failure -> listError.set(UserMessages.describe(failure)));
    }

    /** The form's button: creates a rule, or saves the edited one. */
    public void onSubmit() {
        if (edited == null) onCreate();
        else onSave();
    }

    /** Creates the rule of the form; a refusal (or a field that does not parse) is shown beside the form. */
    public void onCreate() {
        AutomationPort.SessionChoice chosen = session.get();
        if (chosen == null) {
            formError.set(sessions.isEmpty() ? "No approved session yet: build and approve one under Sessions first."
                    : "Pick the session the rule runs under.");
            return;
        }
        RuleForm.Kind k = kind.get();
        Map<RuleForm.Field, String> values = new EnumMap<>(RuleForm.Field.class);
        k.fields().forEach(f -> values.put(f, fields.get(f).get()));
        String name = label.get().isBlank() ? k.title() : label.get().trim();
        formError.set("");
        message.set("");
        action.run(progress -> {
            long now = port.chainTime();
            RuleSpec spec = RuleForm.spec(k, values, port.network(), now);
            port.service().add(chosen.permissionId(), name, spec, now);
            return load();
        }, snapshot -> {
            show(snapshot);
            k.fields().forEach(f -> fields.get(f).set(""));
            label.set("");
            message.set("Created \"" + name + "\". It runs while the wallet is unlocked and the signer is on.");
        }, failure -> formError.set(refusal(failure)));
    }

    /**
     * Opens the form on {@code item}'s current parameters (read afresh). Its kind and session cannot change: the
     * rule keeps its id, session, status and the triggers it already fired.
     */
    public void onEdit(RuleItem item) {
        message.set("");
        listError.set("");
        action.run(progress -> {
            TradeNetwork net = port.network();
            for (AutomationService.RuleView v : port.service().list(false)) {
                if (java.util.Arrays.equals(v.row().ruleId(), item.ruleId())) {
                    return new Opened(net, v.row().permissionId(), v.row().label(), v.spec());
                }
            }
            throw new IllegalStateException(item.title() + " is no longer listed; refresh the list");
        }, opened -> {
            RuleForm.Prefill prefill = RuleForm.prefill(opened.spec(), opened.network());
            kind.set(prefill.kind());
            clearFields();
            prefill.values().forEach((f, v) -> fields.get(f).set(v));
            label.set(opened.label());
            sessions.stream().filter(c -> java.util.Arrays.equals(c.permissionId(), opened.permissionId())).findFirst().ifPresent(session::set);
            formError.set("");
            setEditing(new Editing(item, opened.spec()));
        }, failure -> listError.set(UserMessages.describe(failure)));
    }

    /** Leaves the edit without saving; the form goes back to "New automation", empty. */
    public void onCancelEdit() {
        setEditing(null);
        clearFields();
        label.set("");
        formError.set("");
    }

    /**
     * Saves the form over the edited rule after re-checking it against the rule's session. A refusal is shown in
     * the form and nothing changes (the typed values stay, to be corrected); success refreshes the list.
     */
    public void onSave() {
        Editing e = edited;
        if (e == null) return;
        RuleForm.Kind k = kind.get();
        Map<RuleForm.Field, String> values = new EnumMap<>(RuleForm.Field.class);
        k.fields().forEach(f -> values.put(f, fields.get(f).get()));
        String name = label.get().isBlank() ? null : label.get().trim();
        formError.set("");
        message.set("");
        action.run(progress -> {
            long now = port.chainTime();
            RuleSpec spec = RuleForm.spec(k, values, port.network(), now, e.spec());
            port.service().edit(e.item().ruleId(), name, spec, now);
            return load();
        }, snapshot -> {
            show(snapshot);
            onCancelEdit();
            RuleItem saved = snapshot.rules().stream().filter(r -> java.util.Arrays.equals(r.ruleId(), e.item().ruleId())).findFirst()
                    .orElse(e.item());
            message.set("Saved " + saved.title() + "." + (saved.canResume() ? " It is still " + saved.status() + ": resume it to run it." : ""));
        }, failure -> formError.set(failure instanceof AutomationService.RuleRefusedException r
                ? "Not saved: " + r.getMessage() + ". The rule is unchanged; keep it within the session's limits, or remove it and"
                        + " create it under a session that allows it."
                : "Not saved: " + UserMessages.describe(failure)));
    }

    private void setEditing(Editing e) {
        edited = e;
        editing.set(e != null);
        formTitle.set(e == null ? NEW_TITLE : "Edit " + e.item().title());
        submitText.set(e == null ? CREATE : "Save changes");
    }

    private void clearFields() {
        fields.values().forEach(p -> p.set(""));
    }

    public void onPause(RuleItem item) {
        change(item, "Paused", s -> s.pause(item.ruleId()));
    }

    public void onResume(RuleItem item) {
        change(item, "Resumed", s -> s.resume(item.ruleId(), port.chainTime()));
    }

    public void onRemove(RuleItem item) {
        change(item, "Removed", s -> s.remove(item.ruleId()));
    }

    @FunctionalInterface
    private interface Change {
        boolean apply(AutomationService service) throws Exception;
    }

    private record Changed(boolean changed, Snapshot snapshot) { }

    private void change(RuleItem item, String done, Change change) {
        message.set("");
        listError.set("");
        action.run(progress -> {
            boolean changed = change.apply(port.service());
            return new Changed(changed, load());
        }, result -> {
            show(result.snapshot());
            message.set(result.changed() ? done + " " + item.title() + "."
                    : item.title() + " was not changed: its status moved meanwhile.");
        }, failure -> listError.set(refusal(failure)));
    }

    private Snapshot load() throws Exception {
        TradeNetwork net = port.network();
        List<AutomationPort.SessionChoice> choices = port.sessions();
        Map<String, String> labels = new java.util.HashMap<>();
        choices.forEach(c -> labels.put(HexFormat.of().formatHex(c.permissionId()), c.label()));
        RuleDescriptions words = new RuleDescriptions(net, zone);
        List<RuleItem> items = new ArrayList<>();
        Map<String, AutomationEvaluation> latest = port.latestEvaluations();
        for (AutomationService.RuleView v : port.service().list(false)) {
            items.add(words.item(v, Optional.ofNullable(latest.get(HexFormat.of().formatHex(v.row().ruleId()))), labels));
        }
        return new Snapshot(net, items, choices);
    }

    private void show(Snapshot s) {
        network = s.network();
        rules.setAll(s.rules());
        listError.set("");
        if (edited != null && s.rules().stream().noneMatch(r -> r.canEdit() && java.util.Arrays.equals(r.ruleId(), edited.item().ruleId()))) {
            onCancelEdit(); // the rule was removed or finished meanwhile
        }
        AutomationPort.SessionChoice previous = session.get();
        sessions.setAll(s.sessions());
        session.set(s.sessions().stream().filter(c -> previous != null && java.util.Arrays.equals(c.permissionId(), previous.permissionId()))
                .findFirst().orElse(s.sessions().isEmpty() ? null : s.sessions().getFirst()));
    }

    private static String refusal(Throwable failure) {
        if (failure instanceof AutomationService.RuleRefusedException r) return "Refused: " + r.getMessage() + ".";
        return UserMessages.describe(failure);
    }

    /** The network's token symbols once loaded (for the form's hints). */
    public List<String> tokenSymbols() {
        return network == null ? List.of() : network.tokens().stream().map(t -> t.symbol()).toList();
    }

    public ObservableList<RuleItem> rules() { return rules; }
    public ObservableList<AutomationPort.SessionChoice> sessions() { return sessions; }
    public ObjectProperty<AutomationPort.SessionChoice> sessionProperty() { return session; }
    public ObjectProperty<RuleForm.Kind> kindProperty() { return kind; }
    public StringProperty labelProperty() { return label; }
    public StringProperty field(RuleForm.Field f) { return fields.get(f); }
    public ReadOnlyStringProperty formErrorProperty() { return formError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty listErrorProperty() { return listError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty editingProperty() { return editing.getReadOnlyProperty(); }
    public ReadOnlyStringProperty formTitleProperty() { return formTitle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty submitTextProperty() { return submitText.getReadOnlyProperty(); }
    public AsyncAction action() { return action; }
}
