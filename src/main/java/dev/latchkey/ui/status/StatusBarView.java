package dev.latchkey.ui.status;

import atlantafx.base.controls.ToggleSwitch;
import dev.latchkey.ui.common.View;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The status bar: labels with a coloured dot per item, details in tooltips, and the signer's pause switch. */
public final class StatusBarView implements View<StatusBarViewModel> {

    private final StatusBarViewModel vm;

    @FXML private HBox root;
    @FXML private Label network;
    @FXML private Label block;
    @FXML private Label bundler;
    @FXML private Label signer;
    @FXML private ToggleSwitch pause;

    public StatusBarView(StatusBarViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        network.textProperty().bind(vm.networkProperty());
        item(block, vm.blockProperty(), vm.blockDetailProperty(), vm.blockIndicatorProperty());
        item(bundler, vm.bundlerProperty(), vm.bundlerDetailProperty(), vm.bundlerIndicatorProperty());
        item(signer, vm.signerProperty(), vm.signerDetailProperty(), vm.signerIndicatorProperty());
        pause.selectedProperty().bindBidirectional(vm.pausedProperty());
        pause.disableProperty().bind(vm.pauseAvailableProperty().not());
    }

    private static void item(Label label, ReadOnlyStringProperty text, ReadOnlyStringProperty detail,
                             ReadOnlyObjectProperty<Indicator> indicator) {
        label.textProperty().bind(text);
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(detail);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        label.setTooltip(tooltip);
        Region dot = new Region();
        dot.getStyleClass().add("status-dot");
        label.setGraphic(dot);
        indicator.addListener((obs, old, now) -> style(dot, now));
        style(dot, indicator.get());
    }

    private static void style(Region dot, Indicator indicator) {
        dot.getStyleClass().removeIf(c -> !c.equals("status-dot"));
        dot.getStyleClass().add(indicator.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public StatusBarViewModel viewModel() {
        return vm;
    }
}
