package dev.latchkey.ui.section;

import dev.latchkey.ui.common.View;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A section placeholder: title, what is coming, and the section's one working command if any. */
public final class SectionView implements View<SectionViewModel> {

    private final SectionViewModel vm;

    @FXML private VBox root;
    @FXML private Label sectionTitle;
    @FXML private Label sectionDescription;
    @FXML private Label sectionArrival;
    @FXML private Button command;
    @FXML private Label message;

    public SectionView(SectionViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        sectionTitle.setText(vm.section().title());
        sectionDescription.setText(vm.section().description());
        sectionArrival.setText(vm.section().arrival());
        command.setVisible(vm.command().isPresent());
        command.setManaged(vm.command().isPresent());
        vm.command().ifPresent(c -> command.setText(c.label()));
        command.setOnAction(e -> vm.onCommand());
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public SectionViewModel viewModel() {
        return vm;
    }
}
