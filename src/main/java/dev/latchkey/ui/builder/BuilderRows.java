package dev.latchkey.ui.builder;

import dev.latchkey.session.policy.ParamCondition;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
        Button remove = small("Remove", a::onRemove);
        HBox head = new HBox(8, title, grow(), remove);

        TextField target = field(a.targetProperty().get(), "contract address or token symbol", 380);
        target.textProperty().bindBidirectional(a.targetProperty());
        target.setEditable(a.isTargetEditable());
        target.getStyleClass().add("monospace");
        Label targetHint = note(a.targetHintProperty(), false);
        HBox targetRow = new HBox(8, label("Contract", 80), target, targetHint);

        TextField function = field("", "0x12345678 or transfer(address to,uint256 amount)", 380);
        function.textProperty().bindBidirectional(a.functionProperty());
        function.setEditable(a.isCustom());
        Label functionHint = note(a.functionHintProperty(), false);
        HBox functionRow = new HBox(8, label("Function", 80), function, functionHint);

        TextField eth = field("", "0", 90);
        eth.textProperty().bindBidirectional(a.ethPerCallProperty());
        HBox ethRow = new HBox(8, label("ETH per call", 80), eth, note(a.ethHintProperty(), true));

        VBox rules = new VBox(4);
        a.rules().addListener((ListChangeListener<RuleRowViewModel>) c -> rules.getChildren().setAll(a.rules().stream().map(this::rule).toList()));
        rules.getChildren().setAll(a.rules().stream().map(this::rule).toList());
        Button addRule = small("Add rule", a::onAddRule);
        addRule.getStyleClass().add("add-rule");
        HBox rulesFoot = new HBox(8, addRule, note(a.rulesHintProperty(), true));
        card.getChildren().addAll(head, targetRow, functionRow, ethRow, rules, rulesFoot);
        for (Node n : List.of(targetRow, functionRow, ethRow, rulesFoot)) ((HBox) n).setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return card;
    }

    private Node rule(RuleRowViewModel r) {
        ComboBox<String> argument = new ComboBox<>(r.argumentChoices());
        argument.setEditable(true);
        argument.setPrefWidth(170);
        argument.valueProperty().bindBidirectional(r.argumentProperty());
        ComboBox<ParamCondition> condition = new ComboBox<>();
        condition.getItems().setAll(ParamCondition.values());
        condition.setConverter(SessionBuilderView.converter(RuleRowViewModel::symbol));
        condition.valueProperty().bindBidirectional(r.conditionProperty());
        condition.setPrefWidth(100);
        TextField value = field("", "value", 200);
        value.textProperty().bindBidirectional(r.valueProperty());
        TextField max = field("", "upper bound", 110);
        max.textProperty().bindBidirectional(r.maxProperty());
        SessionBuilderView.show(max, r.conditionProperty().isEqualTo(ParamCondition.IN_RANGE));
        Label unit = new Label();
        unit.textProperty().bind(r.unitProperty());
        unit.setMinWidth(60);
        unit.getStyleClass().add("text-muted");
        TextField total = field("", "total over all uses", 140);
        total.textProperty().bindBidirectional(r.totalProperty());
        Button remove = small("✕", r::onRemove);
        HBox line = new HBox(6, argument, condition, value, max, unit, total, remove);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        line.getStyleClass().add("rule-row");
        return new VBox(2, line, note(r.hintProperty(), true));
    }

    Node tokenCap(TokenCapRowViewModel c) {
        TextField token = field("", "token (USDC)", 130);
        token.textProperty().bindBidirectional(c.tokenProperty());
        TextField per = field("", "per period", 120);
        per.textProperty().bindBidirectional(c.perPeriodProperty());
        TextField total = field("", "in total", 120);
        total.textProperty().bindBidirectional(c.totalProperty());
        HBox line = new HBox(6, token, per, total, small("✕", c::onRemove), note(c.hintProperty(), true));
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
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

    private static Label label(String text, double width) {
        Label l = new Label(text);
        l.setMinWidth(width);
        return l;
    }

    private static TextField field(String text, String prompt, double width) {
        TextField f = new TextField(text);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        f.setMinWidth(Region.USE_PREF_SIZE);
        return f;
    }

    private static Button small(String text, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("small");
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
