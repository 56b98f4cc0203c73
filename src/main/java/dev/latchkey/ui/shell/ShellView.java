package dev.latchkey.ui.shell;

import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.common.View;
import dev.latchkey.ui.status.StatusBarView;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The shell: navigation rail, the content area (filled by {@code MainWindow}), status bar, theme switch and Lock. */
public final class ShellView implements View<ShellViewModel> {

    private final ShellViewModel vm;
    private final ThemeService theme;
    private final StatusBarView statusBar;

    @FXML private BorderPane root;
    @FXML private Label owner;
    @FXML private ToggleButton darkMode;
    @FXML private Button lock;
    @FXML private VBox rail;
    @FXML private StackPane content;

    public ShellView(ShellViewModel vm, ThemeService theme, StatusBarView statusBar) {
        this.vm = vm;
        this.theme = theme;
        this.statusBar = statusBar;
    }

    @FXML
    private void initialize() {
        ToggleGroup nav = new ToggleGroup();
        for (Section section : Section.values()) {
            ToggleButton item = new ToggleButton(section.title());
            item.setId("nav-" + section.name().toLowerCase(java.util.Locale.ROOT));
            item.setUserData(section);
            item.setToggleGroup(nav);
            item.setSelected(section == vm.sectionProperty().get());
            rail.getChildren().add(item);
        }
        nav.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // a rail always has one selection
            } else {
                vm.sectionProperty().set((Section) now.getUserData());
            }
        });
        vm.sectionProperty().addListener((obs, old, now) -> nav.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));
        owner.textProperty().bind(vm.ownerProperty());
        root.setBottom(statusBar.root());
        darkMode.setSelected(theme.mode() == ThemeService.Mode.DARK);
        theme.modeProperty().addListener((obs, o, mode) -> darkMode.setSelected(mode == ThemeService.Mode.DARK));
        darkMode.selectedProperty().addListener((obs, o, dark) ->
                theme.modeProperty().set(dark ? ThemeService.Mode.DARK : ThemeService.Mode.LIGHT));
        lock.setOnAction(e -> vm.onLock());
    }

    /** Puts a section's (or the builder's, the approve screen's) root in the content area. */
    public void setContent(Parent node) {
        content.getChildren().setAll(node);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public ShellViewModel viewModel() {
        return vm;
    }
}
