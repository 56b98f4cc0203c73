package dev.latchkey.ui.automation;

import dev.latchkey.ui.common.View;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds the Automations screen: the rule list with its buttons, and the form of the chosen kind (new or edited rule). */
public final class AutomationsView implements View<AutomationsViewModel> {

    private final AutomationsViewModel vm;

    @FXML private ScrollPane root;
    @FXML private Button refresh;
    @FXML private VBox ruleList;
    @FXML private Label empty;
    @FXML private Label listError;
    @FXML private Label message;
    @FXML private ComboBox<RuleForm.Kind> kind;
    @FXML private ComboBox<AutomationPort.SessionChoice> session;
    @FXML private TextField label;
    @FXML private GridPane form;
    @FXML private Label tokens;
    @FXML private Label formTitle;
    @FXML private Button create;
    @FXML private Button cancelEdit;
    @FXML private Label formError;

    public AutomationsView(AutomationsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        refresh.setOnAction(e -> vm.refresh());
        refresh.disableProperty().bind(vm.action().runningProperty());
        kind.getItems().setAll(RuleForm.Kind.values());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.valueProperty().addListener((o, a, k) -> buildForm(k));
        session.setItems(vm.sessions());
        session.valueProperty().bindBidirectional(vm.sessionProperty());
        session.setConverter(new StringConverter<>() {
            @Override
            public String toString(AutomationPort.SessionChoice c) {
                return c == null ? "" : c.label() + " · 0x" + java.util.HexFormat.of().formatHex(c.permissionId()).substring(0, 8);
            }

            @Override
            public AutomationPort.SessionChoice fromString(String s) {
                return null;
            }
        });
        label.textProperty().bindBidirectional(vm.labelProperty());
        create.setOnAction(e -> vm.onSubmit());
        create.textProperty().bind(vm.submitTextProperty());
        create.disableProperty().bind(vm.action().runningProperty());
        formTitle.textProperty().bind(vm.formTitleProperty());
        cancelEdit.setOnAction(e -> vm.onCancelEdit());
        cancelEdit.visibleProperty().bind(vm.editingProperty());
        cancelEdit.managedProperty().bind(vm.editingProperty());
        cancelEdit.disableProperty().bind(vm.action().runningProperty());
        // an edited rule keeps its kind and session
        kind.disableProperty().bind(vm.editingProperty());
        session.disableProperty().bind(vm.editingProperty());
        show(formError, vm.formErrorProperty());
        show(listError, vm.listErrorProperty());
        show(message, vm.messageProperty());
        vm.rules().addListener((javafx.collections.ListChangeListener<RuleItem>) c -> buildRules());
        vm.sessions().addListener((javafx.collections.ListChangeListener<AutomationPort.SessionChoice>) c ->
                tokens.setText(vm.tokenSymbols().isEmpty() ? "" : "Tokens on this network: " + String.join(", ", vm.tokenSymbols())));
        buildForm(kind.getValue());
        buildRules();
    }

    private static void show(Label target, javafx.beans.value.ObservableStringValue text) {
        target.textProperty().bind(text);
        target.visibleProperty().bind(target.textProperty().isNotEmpty());
        target.managedProperty().bind(target.visibleProperty());
    }

    private void buildForm(RuleForm.Kind k) {
        form.getChildren().clear();
        int row = 0;
        for (RuleForm.Field f : k.fields()) {
            TextField input = new TextField();
            input.setPromptText(f.hint());
            input.textProperty().bindBidirectional(vm.field(f));
            Label name = new Label(f.label());
            name.setMinWidth(Region.USE_PREF_SIZE);
            form.addRow(row++, name, input);
            GridPane.setHgrow(input, Priority.ALWAYS);
        }
    }

    private void buildRules() {
        ruleList.getChildren().clear();
        for (RuleItem item : vm.rules()) {
            Label title = new Label(item.title());
            title.getStyleClass().add("rule-title");
            title.setWrapText(true);
            Label status = new Label(item.status());
            status.getStyleClass().addAll("rule-status", "rule-status-" + item.status().replace(' ', '-'));
            status.setMinWidth(Region.USE_PREF_SIZE);
            title.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(title, Priority.ALWAYS);
            Button pause = button("Pause", item.canPause(), () -> vm.onPause(item));
            Button resume = button("Resume", item.canResume(), () -> vm.onResume(item));
            Button edit = button("Edit", item.canEdit(), () -> vm.onEdit(item));
            Button remove = button("Remove", true, () -> vm.onRemove(item));
            HBox head = new HBox(8, status, title, pause, resume, edit, remove);
            head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            VBox card = new VBox(3, head, note("Session: " + item.session() + " · rule " + item.shortId()),
                    note("Last run: " + item.lastRun()), note("Next run: " + item.nextRun()));
            if (!item.reason().isEmpty()) {
                Label reason = new Label(item.reason());
                reason.setWrapText(true);
                reason.getStyleClass().add(item.status().equals("needs attention") ? "field-error-note" : "field-note");
                card.getChildren().add(reason);
            }
            card.getStyleClass().add("rule-card");
            ruleList.getChildren().add(card);
        }
        empty.setVisible(vm.rules().isEmpty());
        empty.setManaged(vm.rules().isEmpty());
    }

    private Button button(String text, boolean shown, Runnable run) {
        Button b = new Button(text);
        b.setVisible(shown);
        b.setManaged(shown);
        b.setOnAction(e -> run.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.disableProperty().bind(vm.action().runningProperty());
        return b;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("field-note");
        return l;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public AutomationsViewModel viewModel() {
        return vm;
    }
}
