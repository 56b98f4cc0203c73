package dev.latchkey.ui.sessions;

import dev.latchkey.ui.common.View;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One session card: binds {@link SessionCardViewModel}; meters become a label and a bar each. */
public final class SessionCardView implements View<SessionCardViewModel> {

    private final SessionCardViewModel vm;

    @FXML private VBox root;
    @FXML private Label title;
    @FXML private Label status;
    @FXML private Label shortId;
    @FXML private Label countdown;
    @FXML private Label validity;
    @FXML private Label usesLeft;
    @FXML private VBox meters;
    @FXML private Label actions;
    @FXML private Label problem;
    @FXML private Button revoke;
    @FXML private Button renew;
    @FXML private Button share;
    @FXML private Label shared;
    @FXML private HBox confirm;
    @FXML private Button confirmRevoke;
    @FXML private Button cancelRevoke;

    public SessionCardView(SessionCardViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        root.setId("session-" + vm.id());
        title.setText(vm.title());
        status.setText(vm.status().text());
        status.getStyleClass().add("status-" + vm.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        shortId.setText(vm.shortId());
        countdown.textProperty().bind(vm.countdownProperty());
        validity.setText(vm.validity());
        usesLeft.setText(vm.usesLeft());
        for (SessionCard.Meter m : vm.meters()) {
            meters.getChildren().add(meter(m));
        }
        actions.setText("Allows " + vm.actions());
        problem.setText(vm.problem());
        problem.setVisible(!vm.problem().isEmpty());
        problem.setManaged(problem.isVisible());
        shared.setId("shared-" + vm.id());
        shared.setText(vm.sharedWith());
        shared.setVisible(!vm.sharedWith().isEmpty());
        shared.setManaged(shared.isVisible());
        share.setId("share-" + vm.id());
        share.setVisible(vm.shareable());
        share.setManaged(share.isVisible());
        share.setOnAction(e -> vm.onShare());
        renew.setId("renew-" + vm.id());
        renew.setOnAction(e -> vm.onRenew());
        revoke.setVisible(vm.revocable());
        revoke.managedProperty().bind(revoke.visibleProperty());
        revoke.disableProperty().bind(vm.confirmingProperty());
        revoke.setOnAction(e -> vm.onRevoke());
        confirm.visibleProperty().bind(vm.confirmingProperty());
        confirm.managedProperty().bind(confirm.visibleProperty());
        confirmRevoke.setOnAction(e -> vm.onConfirmRevoke());
        cancelRevoke.setOnAction(e -> vm.onCancelRevoke());
    }

    private static VBox meter(SessionCard.Meter m) {
        Label name = new Label(m.title() + " " + m.window());
        name.getStyleClass().add("meter-title");
        Label value = new Label(m.text());
        value.getStyleClass().add("meter-value");
        value.setId("meter-" + m.title().replace(' ', '-') + "-" + m.window().replace(' ', '-'));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, name, gap, value);
        head.setAlignment(Pos.CENTER_LEFT);
        ProgressBar bar = new ProgressBar(m.fraction());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add(m.fraction() >= 0.9 ? "meter-high" : m.fraction() >= 0.6 ? "meter-mid" : "meter-low");
        Label source = new Label(m.source());
        source.getStyleClass().addAll("text-muted", "meter-source");
        return new VBox(3, head, bar, source);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public SessionCardViewModel viewModel() {
        return vm;
    }
}
