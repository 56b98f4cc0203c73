package dev.latchkey.ui.firstrun;

import dev.latchkey.ui.common.View;
import dev.latchkey.ui.firstrun.FirstRunViewModel.KeyChoice;
import java.io.File;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** First-run screen: binds {@link FirstRunViewModel}; no logic beyond bindings and event forwarding. */
public final class FirstRunView implements View<FirstRunViewModel> {

    private final FirstRunViewModel vm;

    @FXML private StackPane root;
    @FXML private VBox form;
    @FXML private TextField directory;
    @FXML private Button browse;
    @FXML private Label directoryHint;
    @FXML private PasswordField password;
    @FXML private ProgressBar strength;
    @FXML private Label strengthLabel;
    @FXML private Label passwordHint;
    @FXML private PasswordField confirmation;
    @FXML private Label confirmationHint;
    @FXML private ToggleGroup keyGroup;
    @FXML private RadioButton generate;
    @FXML private RadioButton privateKey;
    @FXML private RadioButton mnemonic;
    @FXML private TextArea secret;
    @FXML private Label secretHint;
    @FXML private Label error;
    @FXML private Button create;
    @FXML private ProgressIndicator busy;
    @FXML private Label status;

    public FirstRunView(FirstRunViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        directory.textProperty().bindBidirectional(vm.directoryProperty());
        directoryHint.textProperty().bind(vm.directoryHintProperty());
        browse.setOnAction(e -> chooseDirectory());
        password.textProperty().bindBidirectional(vm.passwordProperty());
        strength.progressProperty().bind(vm.strengthProperty());
        strengthLabel.textProperty().bind(vm.strengthLabelProperty());
        vm.strengthProperty().addListener((obs, o, n) -> styleMeter(n.doubleValue()));
        passwordHint.textProperty().bind(vm.passwordHintProperty());
        confirmation.textProperty().bindBidirectional(vm.confirmationProperty());
        confirmationHint.textProperty().bind(vm.confirmationHintProperty());
        generate.setUserData(KeyChoice.GENERATE);
        privateKey.setUserData(KeyChoice.PRIVATE_KEY);
        mnemonic.setUserData(KeyChoice.MNEMONIC);
        keyGroup.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n != null) {
                vm.keyChoiceProperty().set((KeyChoice) n.getUserData());
            }
        });
        secret.textProperty().bindBidirectional(vm.secretProperty());
        secret.visibleProperty().bind(vm.secretNeededProperty());
        secret.managedProperty().bind(secret.visibleProperty());
        secret.promptTextProperty().bind(vm.keyChoiceProperty().map(
                c -> c == KeyChoice.MNEMONIC ? "twelve or twenty-four words separated by spaces" : "0x followed by 64 hex digits"));
        secretHint.textProperty().bind(vm.secretHintProperty());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        create.disableProperty().bind(vm.canCreateProperty().not());
        create.setOnAction(e -> vm.onCreate());
        busy.visibleProperty().bind(vm.createAction().runningProperty());
        busy.progressProperty().bind(vm.createAction().progressProperty());
        status.textProperty().bind(vm.createAction().messageProperty());
        form.disableProperty().bind(vm.createAction().runningProperty()); // the progress row stays readable
        root.sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(password::requestFocus); // the folder default is usually right
            }
        });
    }

    private void styleMeter(double value) {
        strength.getStyleClass().removeAll("weak", "fair", "good");
        strength.getStyleClass().add(value < 0.5 ? "weak" : value < 0.7 ? "fair" : "good");
    }

    private void chooseDirectory() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the Latchkey wallet");
        File chosen = chooser.showDialog(root.getScene().getWindow());
        if (chosen != null) {
            vm.directoryProperty().set(chosen.getAbsolutePath());
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public FirstRunViewModel viewModel() {
        return vm;
    }
}
