package dev.latchkey.ui.firstrun;

import dev.latchkey.ui.common.View;
import dev.latchkey.ui.firstrun.FirstRunViewModel.KeyChoice;
import dev.latchkey.ui.firstrun.FirstRunViewModel.NetworkKind;
import dev.latchkey.ui.firstrun.FirstRunViewModel.Step;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;
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
    @FXML private Label stepLabel;
    @FXML private VBox networkStep;
    @FXML private ToggleGroup networkGroup;
    @FXML private RadioButton networkDevnet;
    @FXML private RadioButton networkPreset;
    @FXML private RadioButton networkCustom;
    @FXML private ComboBox<String> preset;
    @FXML private VBox remoteBox;
    @FXML private TextField rpcUrl;
    @FXML private Label rpcHint;
    @FXML private TextField bundlerUrl;
    @FXML private Label bundlerHint;
    @FXML private Label devnetNote;
    @FXML private Button continueButton;
    @FXML private VBox walletStep;
    @FXML private RadioButton keystoreV3;
    @FXML private HBox v3Box;
    @FXML private TextField v3File;
    @FXML private Button browseV3;
    @FXML private PasswordField v3Password;
    @FXML private Button back;
    @FXML private VBox devnetStep;
    @FXML private VBox devnetSteps;
    @FXML private Label devnetError;
    @FXML private HBox devnetFailedBox;
    @FXML private Button retryDevnet;
    @FXML private Button skipDevnet;
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
        stepLabel.textProperty().bind(vm.stepProperty().map(st -> switch (st) {
            case NETWORK -> "Step 1 of 2 · Network";
            case WALLET -> "Step 2 of 2 · Password and owner key";
            case DEVNET -> "Almost done · Local devnet";
        }));
        show(networkStep, vm.stepProperty().isEqualTo(Step.NETWORK));
        show(walletStep, vm.stepProperty().isEqualTo(Step.WALLET));
        show(devnetStep, vm.stepProperty().isEqualTo(Step.DEVNET));
        networkDevnet.setUserData(NetworkKind.DEVNET);
        networkPreset.setUserData(NetworkKind.PRESET);
        networkCustom.setUserData(NetworkKind.CUSTOM);
        networkGroup.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n != null) vm.networkKindProperty().set((NetworkKind) n.getUserData());
        });
        preset.getItems().setAll(vm.presets());
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        preset.disableProperty().bind(vm.networkKindProperty().isNotEqualTo(NetworkKind.PRESET));
        show(remoteBox, vm.networkKindProperty().isNotEqualTo(NetworkKind.DEVNET));
        show(devnetNote, vm.networkKindProperty().isEqualTo(NetworkKind.DEVNET));
        rpcUrl.textProperty().bindBidirectional(vm.rpcUrlProperty());
        rpcHint.textProperty().bind(vm.rpcHintProperty());
        bundlerUrl.textProperty().bindBidirectional(vm.bundlerUrlProperty());
        bundlerHint.textProperty().bind(vm.bundlerHintProperty());
        continueButton.disableProperty().bind(vm.networkOkProperty().not());
        continueButton.setOnAction(e -> vm.onContinue());
        back.setOnAction(e -> vm.onBackToNetwork());
        back.disableProperty().bind(vm.createAction().runningProperty());
        keystoreV3.setUserData(KeyChoice.KEYSTORE_V3);
        show(v3Box, vm.keyChoiceProperty().isEqualTo(KeyChoice.KEYSTORE_V3));
        v3File.textProperty().bindBidirectional(vm.v3FileProperty());
        v3Password.textProperty().bindBidirectional(vm.v3PasswordProperty());
        browseV3.setOnAction(e -> chooseV3());
        vm.devnetSteps().addListener((javafx.collections.ListChangeListener<String>) c -> renderSteps());
        vm.createAction().runningProperty().addListener((obs, o, n) -> renderSteps());
        devnetError.textProperty().bind(vm.errorProperty());
        show(devnetError, vm.errorProperty().isNotEmpty());
        show(devnetFailedBox, vm.devnetFailedProperty());
        retryDevnet.setOnAction(e -> vm.onStartDevnet());
        skipDevnet.setOnAction(e -> vm.onSkipDevnet());
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
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty().and(vm.stepProperty().isEqualTo(Step.WALLET)));
        error.managedProperty().bind(error.visibleProperty());
        create.disableProperty().bind(vm.canCreateProperty().not());
        create.setOnAction(e -> vm.onCreate());
        busy.visibleProperty().bind(vm.createAction().runningProperty());
        busy.progressProperty().bind(vm.createAction().progressProperty());
        status.textProperty().bind(vm.createAction().messageProperty());
        form.disableProperty().bind(vm.createAction().runningProperty()); // the progress row stays readable
        continueButton.defaultButtonProperty().bind(vm.stepProperty().isEqualTo(Step.NETWORK));
        create.defaultButtonProperty().bind(vm.stepProperty().isEqualTo(Step.WALLET));
        root.sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(continueButton::requestFocus);
            }
        });
    }

    private void renderSteps() {
        java.util.List<String> steps = vm.devnetSteps();
        boolean running = vm.createAction().isRunning();
        devnetSteps.getChildren().clear();
        for (int i = 0; i < steps.size(); i++) {
            boolean current = i == steps.size() - 1 && running;
            Label l = new Label((current ? "" : "✓  ") + steps.get(i));
            l.setWrapText(true);
            l.getStyleClass().add(current ? "step-current" : "step-done");
            if (current) {
                ProgressIndicator p = new ProgressIndicator();
                p.setPrefSize(16, 16);
                p.setMaxSize(16, 16);
                HBox line = new HBox(8, p, l);
                line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                devnetSteps.getChildren().add(line);
            } else {
                devnetSteps.getChildren().add(l);
            }
        }
    }

    private void chooseV3() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Keystore v3 file");
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            vm.v3FileProperty().set(chosen.getAbsolutePath());
        }
    }

    private static void show(javafx.scene.Node node, javafx.beans.value.ObservableValue<Boolean> visible) {
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(node.visibleProperty());
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
