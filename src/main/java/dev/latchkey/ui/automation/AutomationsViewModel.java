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
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Automations screen: the wallet's rules with status, session, last and next run; pause, resume and remove;
 * and the "New automation" form, which goes through {@link AutomationService} so that a rule its session cannot
 * cover is refused with the reason shown beside the form. Everything touching the wallet or the chain runs in
 * the background through {@link AsyncAction}.
 */
public final class AutomationsViewModel implements Activatable {

    /** Loaded together in the background. */
    private record Snapshot(TradeNetwork network, List<RuleItem> rules, List<AutomationPort.SessionChoice> sessions) { }

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
    private TradeNetwork network;

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
        for (AutomationService.RuleView v : port.service().list(false)) {
            List<AutomationEvaluation> recent = port.evaluations(v.row().ruleId(), 1);
            Optional<AutomationEvaluation> latest = recent.isEmpty() ? Optional.empty() : Optional.of(recent.getLast());
            items.add(words.item(v, latest, labels));
        }
        return new Snapshot(net, items, choices);
    }

    private void show(Snapshot s) {
        network = s.network();
        rules.setAll(s.rules());
        listError.set("");
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
    public AsyncAction action() { return action; }
}
