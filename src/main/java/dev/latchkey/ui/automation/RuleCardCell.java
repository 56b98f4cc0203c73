package dev.latchkey.ui.automation;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One rule's card in the Automations list. The list is virtual: a thousand rules make a dozen cells, each built once
 * and refilled as it scrolls (a card per rule in a plain box took seconds to lay out, docs/benchmarks.md).
 */
final class RuleCardCell extends ListCell<RuleItem> {

    private final AutomationsViewModel vm;
    private final Label status = new Label();
    private final Label title = new Label();
    private final Label session = note();
    private final Label lastRun = note();
    private final Label nextRun = note();
    private final Label reason = note();
    private final Button pause;
    private final Button resume;
    private final Button edit;
    private final Button remove;
    private final VBox card;

    RuleCardCell(AutomationsViewModel vm) {
        this.vm = vm;
        pause = button("Pause", () -> vm.onPause(getItem()));
        resume = button("Resume", () -> vm.onResume(getItem()));
        edit = button("Edit", () -> vm.onEdit(getItem()));
        remove = button("Remove", () -> vm.onRemove(getItem()));
        title.getStyleClass().add("rule-title");
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        status.setMinWidth(Region.USE_PREF_SIZE);
        HBox head = new HBox(8, status, title, pause, resume, edit, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        card = new VBox(3, head, session, lastRun, nextRun, reason);
        card.getStyleClass().add("rule-card");
        card.setMinWidth(0);
        card.setPrefWidth(1);
        getStyleClass().add("rule-cell");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(RuleItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        title.setText(item.title());
        status.setText(item.status());
        status.getStyleClass().setAll("label", "rule-status", "rule-status-" + item.status().replace(' ', '-'));
        session.setText("Session: " + item.session() + " · rule " + item.shortId());
        lastRun.setText("Last run: " + item.lastRun());
        nextRun.setText("Next run: " + item.nextRun());
        shown(pause, item.canPause());
        shown(resume, item.canResume());
        shown(edit, item.canEdit());
        reason.setText(item.reason());
        shown(reason, !item.reason().isEmpty());
        reason.getStyleClass().setAll("label", item.status().equals("needs attention") ? "field-error-note" : "field-note");
        setGraphic(card);
    }

    private Button button(String text, Runnable run) {
        Button b = new Button(text);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> {
            if (getItem() != null) run.run();
        });
        b.disableProperty().bind(vm.action().runningProperty());
        return b;
    }

    private static void shown(javafx.scene.Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }

    private static Label note() {
        Label l = new Label();
        l.setWrapText(true);
        l.getStyleClass().add("field-note");
        return l;
    }
}
