package dev.latchkey.ui.notifications;

import dev.latchkey.ui.common.View;
import dev.latchkey.ui.notifications.NotificationsViewModel.Notification;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The notification stack over the window's top right corner; each card has a close button. */
public final class NotificationsView implements View<NotificationsViewModel> {

    private final NotificationsViewModel vm;

    @FXML private VBox root;

    public NotificationsView(NotificationsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        root.setPickOnBounds(false); // clicks between cards reach the screen underneath
        vm.items().addListener((ListChangeListener<Notification>) c -> render());
        render();
    }

    private void render() {
        root.getChildren().setAll(vm.items().stream().map(this::card).toList());
    }

    private Parent card(Notification n) {
        Label title = new Label(n.title());
        title.getStyleClass().add("notification-title");
        title.setWrapText(true);
        Label text = new Label(n.text());
        text.getStyleClass().add("notification-text");
        text.setWrapText(true);
        text.setVisible(!n.text().isEmpty());
        text.setManaged(text.isVisible());
        VBox body = new VBox(2, title, text);
        HBox.setHgrow(body, Priority.ALWAYS);
        Button close = new Button("×");
        close.getStyleClass().addAll("flat", "notification-close");
        close.setOnAction(e -> vm.dismiss(n.id()));
        HBox card = new HBox(10);
        card.setAlignment(Pos.TOP_LEFT);
        if (n.kind() == NotificationsViewModel.Kind.PROGRESS) {
            ProgressIndicator busy = new ProgressIndicator();
            busy.setPrefSize(18, 18);
            card.getChildren().add(busy);
        }
        card.getChildren().addAll(body, close);
        card.getStyleClass().addAll("notification", "notification-" + n.kind().name().toLowerCase(Locale.ROOT));
        card.setId("notification-" + n.id());
        card.setMaxWidth(Region.USE_PREF_SIZE);
        return card;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public NotificationsViewModel viewModel() {
        return vm;
    }
}
