package dev.latchkey.ui.shell;

import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.common.View;
import dev.latchkey.ui.workspace.SectionScreens;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The shell: navigation rail, placeholder content, status bar, theme switch and Lock. */
public final class ShellView implements View<ShellViewModel> {

    private final ShellViewModel vm;
    private final ThemeService theme;
    private final SectionScreens screens;

    @FXML private BorderPane root;
    @FXML private Label owner;
    @FXML private ToggleButton darkMode;
    @FXML private Button lock;
    @FXML private VBox rail;
    @FXML private Label sectionTitle;
    @FXML private Label sectionDescription;
    @FXML private Label sectionArrival;
    @FXML private Label network;
    @FXML private Label signer;

    public ShellView(ShellViewModel vm, ThemeService theme, SectionScreens screens) {
        this.vm = vm;
        this.theme = theme;
        this.screens = screens;
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
        sectionTitle.textProperty().bind(vm.sectionProperty().map(Section::title));
        sectionDescription.textProperty().bind(vm.sectionProperty().map(Section::description));
        sectionArrival.textProperty().bind(vm.sectionProperty().map(Section::arrival));
        javafx.scene.Node placeholder = root.getCenter();
        root.setCenter(screens.show(vm.sectionProperty().get()).<javafx.scene.Node>map(p -> p).orElse(placeholder));
        vm.sectionProperty().addListener((obs, old, now) -> {
            root.setCenter(screens.show(now).<javafx.scene.Node>map(p -> p).orElse(placeholder));
            nav.getToggles().stream().filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true));
        });
        owner.textProperty().bind(vm.ownerProperty());
        network.textProperty().bind(vm.networkProperty());
        signer.textProperty().bind(vm.signerProperty());
        darkMode.setSelected(theme.mode() == ThemeService.Mode.DARK);
        darkMode.selectedProperty().addListener((obs, o, dark) ->
                theme.modeProperty().set(dark ? ThemeService.Mode.DARK : ThemeService.Mode.LIGHT));
        lock.setOnAction(e -> vm.onLock());
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
