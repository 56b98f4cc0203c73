package dev.latchkey.ui.builder;

import dev.latchkey.session.policy.ParamCondition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** View side of the builder's dynamic rows: one card per action with its rule rows, one row per token cap. */
final class BuilderRows {

    Node action(ActionRowViewModel a) {
        VBox card = new VBox(6);
        card.getStyleClass().add("action-card");
        Label title = new Label();
        title.textProperty().bind(a.titleProperty());
        title.getStyleClass().add("tile-title");
        HBox head = new HBox(8, title, grow(), small("Remove", a::onRemove));
        head.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints(90);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);

        TextField target = field("contract address or token symbol", 300);
        target.textProperty().bindBidirectional(a.targetProperty());
        target.setEditable(a.isTargetEditable());
        target.getStyleClass().add("monospace");
        grid.addRow(0, new Label("Contract"), target);
        grid.add(note(a.targetHintProperty(), false), 1, 1);

        TextField function = field("0x12345678 or transfer(address to,uint256 amount)", 300);
        function.textProperty().bindBidirectional(a.functionProperty());
        function.setEditable(a.isCustom());
        grid.addRow(2, new Label("Function"), function);
        grid.add(note(a.functionHintProperty(), false), 1, 3);

        TextField eth = field("0", 90);
        eth.textProperty().bindBidirectional(a.ethPerCallProperty());
        eth.setMaxWidth(90);
        HBox ethRow = new HBox(8, eth, note(a.ethHintProperty(), true));
        ethRow.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(4, new Label("ETH per call"), ethRow);

        Label rulesTitle = new Label("Argument rules (all must hold)");
        rulesTitle.getStyleClass().add("field-label");
        VBox rules = new VBox(4);
        a.rules().addListener((ListChangeListener<RuleRowViewModel>) c -> rules.getChildren().setAll(a.rules().stream().map(this::rule).toList()));
        rules.getChildren().setAll(a.rules().stream().map(this::rule).toList());
        Button addRule = small("Add rule", a::onAddRule);
        addRule.getStyleClass().add("add-rule");
        HBox rulesFoot = new HBox(8, addRule, note(a.rulesHintProperty(), true));
        rulesFoot.setAlignment(Pos.CENTER_LEFT);
        card.getChildren().addAll(head, grid, rulesTitle, rules, rulesFoot);
        return card;
    }

    private Node rule(RuleRowViewModel r) {
        ComboBox<String> argument = new ComboBox<>(r.argumentChoices());
        argument.setEditable(true);
        fixed(argument, 150);
        argument.valueProperty().bindBidirectional(r.argumentProperty());
        ComboBox<ParamCondition> condition = new ComboBox<>(r.conditionChoices());
        condition.setConverter(SessionBuilderView.converter(RuleRowViewModel::symbol));
        condition.valueProperty().bindBidirectional(r.conditionProperty());
        fixed(condition, 96);
        TextField value = field("value", 120);
        value.textProperty().bindBidirectional(r.valueProperty());
        HBox.setHgrow(value, Priority.ALWAYS);
        TextField max = field("upper bound", 100);
        max.textProperty().bindBidirectional(r.maxProperty());
        SessionBuilderView.show(max, r.conditionProperty().isEqualTo(ParamCondition.IN_RANGE));
        Label unit = new Label();
        unit.textProperty().bind(r.unitProperty());
        fixed(unit, 56);
        unit.getStyleClass().add("text-muted");
        TextField total = field("total (optional)", 110);
        total.textProperty().bindBidirectional(r.totalProperty());
        fixed(total, 110);
        Button remove = small("✕", r::onRemove);
        HBox line = new HBox(6, argument, condition, value, max, unit, total, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("rule-row");
        return new VBox(2, line, note(r.hintProperty(), true));
    }

    Node tokenCap(TokenCapRowViewModel c) {
        TextField token = field("token (USDC)", 110);
        token.textProperty().bindBidirectional(c.tokenProperty());
        fixed(token, 110);
        TextField per = field("per period", 110);
        per.textProperty().bindBidirectional(c.perPeriodProperty());
        fixed(per, 110);
        TextField total = field("in total", 110);
        total.textProperty().bindBidirectional(c.totalProperty());
        fixed(total, 110);
        HBox line = new HBox(6, token, per, total, small("✕", c::onRemove), note(c.hintProperty(), true));
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static Label note(javafx.beans.value.ObservableValue<String> text, boolean error) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.getStyleClass().add(error ? "field-error-note" : "field-note");
        SessionBuilderView.show(l, l.textProperty().isNotEmpty());
        return l;
    }

    private static void fixed(Region r, double width) {
        r.setPrefWidth(width);
        r.setMinWidth(width);
        r.setMaxWidth(width);
    }

    private static TextField field(String prompt, double width) {
        TextField f = new TextField();
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        f.setMinWidth(60);
        return f;
    }

    private static Button small(String text, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("small");
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
