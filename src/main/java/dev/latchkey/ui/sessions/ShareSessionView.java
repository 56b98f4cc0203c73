package dev.latchkey.ui.sessions;

import dev.latchkey.ui.common.View;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** "Share with a server…": binds {@link ShareSessionViewModel}; the file chooser is the only scene-side step. */
public final class ShareSessionView implements View<ShareSessionViewModel> {

    private final ShareSessionViewModel vm;

    @FXML private VBox root;
    @FXML private Label title;
    @FXML private Label warning;
    @FXML private Label automations;
    @FXML private Label refusal;
    @FXML private GridPane form;
    @FXML private TextField server;
    @FXML private Label serverError;
    @FXML private RadioButton sealPassphrase;
    @FXML private RadioButton sealServerKey;
    @FXML private Label passphraseLabel;
    @FXML private PasswordField passphrase;
    @FXML private Label passphraseError;
    @FXML private Label confirmationLabel;
    @FXML private PasswordField confirmation;
    @FXML private Label confirmationError;
    @FXML private Label serverKeyLabel;
    @FXML private TextField serverKey;
    @FXML private Label serverKeyError;
    @FXML private TextField file;
    @FXML private Button chooseFile;
    @FXML private Label fileError;
    @FXML private PasswordField password;
    @FXML private Label error;
    @FXML private Label result;
    @FXML private Button share;
    @FXML private Button close;
    @FXML private ProgressIndicator busy;

    public ShareSessionView(ShareSessionViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        title.setText(vm.title());
        warning.setText(vm.warning());
        automations.textProperty().bind(vm.automationsProperty());
        text(refusal, vm.refusalProperty());
        server.textProperty().bindBidirectional(vm.serverProperty());
        text(serverError, vm.serverErrorProperty());
        sealPassphrase.setSelected(vm.sealingProperty().get() == ShareSessionViewModel.Sealing.PASSPHRASE);
        sealServerKey.setSelected(!sealPassphrase.isSelected());
        sealPassphrase.setOnAction(e -> vm.sealingProperty().set(ShareSessionViewModel.Sealing.PASSPHRASE));
        sealServerKey.setOnAction(e -> vm.sealingProperty().set(ShareSessionViewModel.Sealing.SERVER_KEY));
        BooleanBinding toPassphrase = vm.sealingProperty().isEqualTo(ShareSessionViewModel.Sealing.PASSPHRASE);
        for (Node n : new Node[] {passphraseLabel, passphrase, confirmationLabel, confirmation}) {
            shown(n, toPassphrase);
        }
        for (Node n : new Node[] {serverKeyLabel, serverKey}) {
            shown(n, toPassphrase.not());
        }
        passphrase.textProperty().bindBidirectional(vm.passphraseProperty());
        text(passphraseError, vm.passphraseErrorProperty());
        confirmation.textProperty().bindBidirectional(vm.confirmationProperty());
        text(confirmationError, vm.confirmationErrorProperty());
        serverKey.textProperty().bindBidirectional(vm.serverKeyProperty());
        text(serverKeyError, vm.serverKeyErrorProperty());
        file.textProperty().bindBidirectional(vm.fileProperty());
        text(fileError, vm.fileErrorProperty());
        chooseFile.setOnAction(e -> choose());
        password.textProperty().bindBidirectional(vm.passwordProperty());
        text(error, vm.errorProperty());
        text(result, vm.resultProperty());
        shown(form, vm.doneProperty().not());
        shown(share, vm.doneProperty().not());
        share.disableProperty().bind(vm.canShareProperty().not());
        share.setOnAction(e -> vm.onShare());
        share.setDefaultButton(true);
        close.textProperty().bind(javafx.beans.binding.Bindings.when(vm.doneProperty()).then("Done").otherwise("Cancel"));
        close.setOnAction(e -> vm.onClose());
        busy.visibleProperty().bind(vm.sharing().runningProperty());
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Where to write the bundle");
        Path current = Path.of(vm.fileProperty().get().isBlank() ? System.getProperty("user.home") : vm.fileProperty().get()).toAbsolutePath();
        File dir = current.getParent() == null ? null : current.getParent().toFile();
        if (dir != null && dir.isDirectory()) {
            chooser.setInitialDirectory(dir);
        }
        chooser.setInitialFileName(current.getFileName() == null ? "session.bundle" : current.getFileName().toString());
        File picked = chooser.showSaveDialog(root.getScene().getWindow());
        if (picked != null) {
            vm.fileProperty().set(picked.getAbsolutePath());
        }
    }

    private static void text(Label label, ObservableStringValue value) {
        label.textProperty().bind(value);
        shown(label, javafx.beans.binding.Bindings.isNotEmpty(value));
    }

    private static void shown(Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public ShareSessionViewModel viewModel() {
        return vm;
    }
}
