package dev.latchkey.ui.unlock;

import dev.latchkey.ui.common.View;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;

/** Unlock screen: binds {@link UnlockViewModel}; the error sits right under the password field. */
public final class UnlockView implements View<UnlockViewModel> {

    private final UnlockViewModel vm;

    @FXML private StackPane root;
    @FXML private Label walletPath;
    @FXML private PasswordField password;
    @FXML private Label error;
    @FXML private Button unlock;
    @FXML private ProgressIndicator busy;
    @FXML private Label status;
    @FXML private Label running;
    @FXML private Button stopAndLock;

    public UnlockView(UnlockViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        walletPath.textProperty().bind(vm.walletPathProperty());
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.disableProperty().bind(vm.unlockAction().runningProperty());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        running.textProperty().bind(vm.runningProperty());
        stopAndLock.visibleProperty().bind(vm.awayProperty());
        stopAndLock.managedProperty().bind(stopAndLock.visibleProperty());
        stopAndLock.disableProperty().bind(vm.unlockAction().runningProperty());
        stopAndLock.setOnAction(e -> vm.onStopAndLock());
        unlock.disableProperty().bind(vm.canUnlockProperty().not());
        unlock.setOnAction(e -> vm.onUnlock());
        busy.visibleProperty().bind(vm.unlockAction().runningProperty());
        busy.progressProperty().bind(vm.unlockAction().progressProperty());
        status.textProperty().bind(vm.unlockAction().messageProperty());
        status.visibleProperty().bind(vm.unlockAction().runningProperty());
        // after a failed attempt the field is enabled again: put the cursor back where the user types
        vm.unlockAction().runningProperty().addListener((obs, was, now) -> {
            if (!now) {
                Platform.runLater(password::requestFocus);
            }
        });
        root.sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null) {
                Platform.runLater(password::requestFocus);
            }
        });
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public UnlockViewModel viewModel() {
        return vm;
    }
}
