package dev.latchkey.ui.automation;

import dev.latchkey.ui.common.View;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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

    /** A card with a one-line title and three notes; cards with a reason are taller, the list scrolls. */
    private static final double CARD_HEIGHT = 112;

    private final AutomationsViewModel vm;

    @FXML private ScrollPane root;
    @FXML private Button refresh;
    @FXML private ListView<RuleItem> ruleList;
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
        ruleList.setItems(vm.rules());
        ruleList.setCellFactory(l -> new RuleCardCell(vm));
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
        int n = vm.rules().size();
        // tall enough for a few cards, then it scrolls within itself; the list is virtual (RuleCardCell)
        ruleList.setPrefHeight(n == 0 ? 0 : Math.min(n, 5) * CARD_HEIGHT + 4);
        ruleList.setVisible(n > 0);
        ruleList.setManaged(n > 0);
        empty.setVisible(n == 0);
        empty.setManaged(n == 0);
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
