package dev.latchkey.ui.approve;

import dev.latchkey.ui.common.View;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Approve screen: the decoded review as a two-column list, the digest, the password field. */
public final class ApproveView implements View<ApproveViewModel> {

    private final ApproveViewModel vm;
    private final Runnable onDone;

    @FXML private BorderPane root;
    @FXML private Button back;
    @FXML private Label title;
    @FXML private GridPane lines;
    @FXML private Label digest;
    @FXML private Label permissionId;
    @FXML private VBox unrestrictedBox;
    @FXML private Label unrestrictedText;
    @FXML private CheckBox confirmUnrestricted;
    @FXML private PasswordField password;
    @FXML private Button approve;
    @FXML private ProgressIndicator busy;
    @FXML private Label error;
    @FXML private Label result;
    @FXML private Button done;

    public ApproveView(ApproveViewModel vm, Runnable onDone) {
        this.vm = vm;
        this.onDone = onDone;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(vm.titleProperty());
        back.setOnAction(e -> vm.onBack());
        back.disableProperty().bind(vm.approvedProperty().or(vm.approveAction().runningProperty()));
        render();
        vm.lines().addListener((ListChangeListener<ApprovalReview.Line>) c -> render());
        digest.textProperty().bind(vm.digestProperty());
        permissionId.textProperty().bind(vm.permissionIdProperty().map(p -> p.isEmpty() ? "" : "permission id " + p));
        show(unrestrictedBox, vm.unrestrictedProperty());
        unrestrictedText.textProperty().bind(vm.unrestrictedTextProperty());
        confirmUnrestricted.selectedProperty().bindBidirectional(vm.confirmUnrestrictedProperty());
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.disableProperty().bind(vm.approveAction().runningProperty().or(vm.approvedProperty()));
        approve.disableProperty().bind(vm.canApproveProperty().not());
        approve.setOnAction(e -> vm.onApprove());
        busy.visibleProperty().bind(vm.approveAction().runningProperty());
        error.textProperty().bind(vm.errorProperty());
        show(error, vm.errorProperty().isNotEmpty());
        result.textProperty().bind(vm.resultProperty());
        show(result, vm.resultProperty().isNotEmpty());
        show(done, vm.approvedProperty());
        done.setOnAction(e -> onDone.run());
    }

    private void render() {
        lines.getChildren().clear();
        int row = 0;
        String previous = "";
        for (ApprovalReview.Line l : vm.lines()) {
            Label section = new Label(l.section().equals(previous) ? "" : l.section());
            previous = l.section();
            section.getStyleClass().add("review-section");
            Label text = new Label(l.text());
            text.setWrapText(true);
            text.getStyleClass().addAll("review-text", l.section().equals("Rule") ? "review-rule" : "review-main");
            if (l.danger()) text.getStyleClass().add("danger-text");
            if (l.section().equals("Rule")) text.setPadding(new javafx.geometry.Insets(0, 0, 0, 18));
            lines.addRow(row++, section, text);
        }
    }

    private static void show(javafx.scene.Node node, javafx.beans.value.ObservableValue<Boolean> visible) {
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(node.visibleProperty());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public ApproveViewModel viewModel() {
        return vm;
    }
}
