package dev.latchkey.ui.sessions;

import dev.latchkey.ui.common.View;
import dev.latchkey.ui.common.ViewFactory;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Sessions screen: binds {@link SessionsViewModel}; one {@link SessionCardView} per card. */
public final class SessionsView implements View<SessionsViewModel> {

    private final SessionsViewModel vm;
    private final ViewFactory views;

    @FXML private ScrollPane root;
    @FXML private Label summary;
    @FXML private ProgressIndicator busy;
    @FXML private Button refresh;
    @FXML private Button build;
    @FXML private Button revokeAll;
    @FXML private HBox confirmAll;
    @FXML private Button confirmRevokeAll;
    @FXML private Button cancelRevokeAll;
    @FXML private Label error;
    @FXML private VBox emptyState;
    @FXML private Button buildFirst;
    @FXML private FlowPane cards;
    @FXML private VBox shareHost;

    public SessionsView(SessionsViewModel vm, ViewFactory views) {
        this.vm = vm;
        this.views = views;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(vm.summaryProperty());
        busy.visibleProperty().bind(vm.loading().runningProperty().or(vm.revoking().runningProperty()));
        refresh.setOnAction(e -> vm.onRefresh());
        build.setOnAction(e -> vm.onBuildSession());
        buildFirst.setOnAction(e -> vm.onBuildSession());
        revokeAll.disableProperty().bind(vm.anyLiveProperty().not().or(vm.revoking().runningProperty()));
        revokeAll.setOnAction(e -> vm.onRevokeAll());
        confirmAll.visibleProperty().bind(vm.confirmingRevokeAllProperty());
        confirmAll.managedProperty().bind(confirmAll.visibleProperty());
        confirmRevokeAll.setOnAction(e -> vm.onConfirmRevokeAll());
        cancelRevokeAll.setOnAction(e -> vm.onCancelRevokeAll());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        emptyState.visibleProperty().bind(vm.emptyProperty());
        emptyState.managedProperty().bind(emptyState.visibleProperty());
        vm.sharingProperty().addListener((o, before, now) -> showShare(now));
        showShare(vm.sharingProperty().get());
        vm.cards().addListener((ListChangeListener<SessionCardViewModel>) c -> render());
        render();
    }

    private void showShare(ShareSessionViewModel form) {
        shareHost.getChildren().setAll(form == null ? java.util.List.of()
                : java.util.List.of(views.load(ShareSessionView.class, () -> new ShareSessionView(form)).root()));
        shareHost.setVisible(form != null);
        shareHost.setManaged(form != null);
        if (form != null) {
            root.setVvalue(0);
        }
    }

    private void render() {
        cards.getChildren().setAll(vm.cards().stream()
                .map(card -> views.load(SessionCardView.class, () -> new SessionCardView(card)).root()).toList());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public SessionsViewModel viewModel() {
        return vm;
    }
}
