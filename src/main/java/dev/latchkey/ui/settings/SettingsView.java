package dev.latchkey.ui.settings;

import dev.latchkey.ui.common.View;
import dev.latchkey.ui.settings.SettingsViewModel.Submission;
import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Settings screen: binds {@link SettingsViewModel}; file choosers are the only thing it does itself. */
public final class SettingsView implements View<SettingsViewModel> {

    private final SettingsViewModel vm;

    @FXML private ScrollPane root;
    @FXML private Label network;
    @FXML private VBox addresses;
    @FXML private Label submission;
    @FXML private VBox networks;
    @FXML private CheckBox dark;
    @FXML private TextField autoLockMinutes;
    @FXML private Label autoLockHint;
    @FXML private TextField softEth;
    @FXML private TextField softCalls;
    @FXML private TextField softValidity;
    @FXML private TextArea softTokens;
    @FXML private CheckBox softCustom;
    @FXML private Label softHint;
    @FXML private TextField backupFile;
    @FXML private Button chooseBackup;
    @FXML private Button backup;
    @FXML private TextField exportFile;
    @FXML private Button chooseExport;
    @FXML private PasswordField walletPassword;
    @FXML private PasswordField exportPassword;
    @FXML private Button export;
    @FXML private ProgressIndicator busy;
    @FXML private Label status;

    public SettingsView(SettingsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        network.textProperty().bind(vm.networkProperty());
        vm.addresses().addListener((ListChangeListener<String>) c -> addresses.getChildren().setAll(
                vm.addresses().stream().map(a -> {
                    Label l = new Label(a);
                    l.setWrapText(true);
                    return l;
                }).toList()));
        submission.textProperty().bind(vm.submissionProperty().map(s -> s == Submission.BUNDLER
                ? "Through the network's ERC-4337 bundler (set by the network: it has a bundler URL)."
                : "Direct: a funded key sends handleOps (set by the network: it has no bundler URL)."));
        vm.networks().ifPresent(n -> networks.getChildren().add(new dev.latchkey.ui.network.NetworksView(n).root()));
        dark.selectedProperty().bindBidirectional(vm.darkProperty());
        autoLockMinutes.textProperty().bindBidirectional(vm.autoLockMinutesProperty());
        autoLockHint.textProperty().bind(vm.autoLockHintProperty());
        softEth.textProperty().bindBidirectional(vm.softEthProperty());
        softCalls.textProperty().bindBidirectional(vm.softCallsProperty());
        softValidity.textProperty().bindBidirectional(vm.softValidityProperty());
        softTokens.textProperty().bindBidirectional(vm.softTokensProperty());
        softCustom.selectedProperty().bindBidirectional(vm.softCustomProperty());
        softHint.textProperty().bind(vm.softHintProperty());
        backupFile.textProperty().bindBidirectional(vm.backupFileProperty());
        exportFile.textProperty().bindBidirectional(vm.exportFileProperty());
        walletPassword.textProperty().bindBidirectional(vm.walletPasswordProperty());
        exportPassword.textProperty().bindBidirectional(vm.exportPasswordProperty());
        chooseBackup.setOnAction(e -> choose("Back up the wallet to", "latchkey-backup.db", vm.backupFileProperty()));
        chooseExport.setOnAction(e -> choose("Export the owner key to", "owner-keystore.json", vm.exportFileProperty()));
        backup.setOnAction(e -> vm.onBackup());
        export.setOnAction(e -> vm.onExport());
        backup.disableProperty().bind(vm.workAction().runningProperty());
        export.disableProperty().bind(vm.workAction().runningProperty());
        busy.visibleProperty().bind(vm.workAction().runningProperty());
        status.textProperty().bind(vm.statusProperty());
    }

    private void choose(String title, String name, javafx.beans.property.StringProperty target) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) target.set(f.getAbsolutePath());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public SettingsViewModel viewModel() {
        return vm;
    }
}
