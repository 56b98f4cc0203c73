package dev.latchkey.ui;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.common.View;
import dev.latchkey.ui.common.ViewFactory;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.firstrun.FirstRunView;
import dev.latchkey.ui.firstrun.FirstRunViewModel;
import dev.latchkey.ui.shell.ShellView;
import dev.latchkey.ui.shell.ShellViewModel;
import dev.latchkey.ui.status.StatusBarView;
import dev.latchkey.ui.status.StatusBarViewModel;
import dev.latchkey.ui.status.StatusSources;
import dev.latchkey.ui.unlock.UnlockView;
import dev.latchkey.ui.unlock.UnlockViewModel;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The window's content and the flow between screens: first run (no wallet yet) or unlock, then the shell; Lock
 * goes back to unlock. It builds each screen's view model with its collaborators and swaps views in one host pane,
 * activating the new view model and deactivating the old one.
 */
public final class MainWindow {

    private final WalletSession wallet;
    private final ViewFactory views;
    private final ThemeService theme;
    private final Executor background;
    private final FxExecutor fx;
    private final StatusSources status;
    private final StackPane host = new StackPane();
    private View<?> current;

    public MainWindow(WalletSession wallet, ViewFactory views, ThemeService theme, Executor background, FxExecutor fx,
                      StatusSources status) {
        this.wallet = Objects.requireNonNull(wallet);
        this.status = Objects.requireNonNull(status);
        this.views = Objects.requireNonNull(views);
        this.theme = Objects.requireNonNull(theme);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        host.getStyleClass().add("main-window");
    }

    /** A scene with the theme attached, showing unlock when a wallet exists in the default folder, else first run. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(host, width, height);
        theme.attach(scene);
        start();
        return scene;
    }

    private void start() {
        if (wallet.walletExists(wallet.defaultDirectory())) {
            try {
                wallet.open(wallet.defaultDirectory());
                showUnlock();
            } catch (KeystoreException e) {
                showMessage("Cannot open the wallet: " + UserMessages.describe(e));
            }
        } else {
            showFirstRun();
        }
    }

    public void showFirstRun() {
        FirstRunViewModel vm = new FirstRunViewModel(wallet, action(), address -> showShell());
        show(views.load(FirstRunView.class, () -> new FirstRunView(vm)));
    }

    public void showUnlock() {
        UnlockViewModel vm = new UnlockViewModel(wallet, action(), this::showShell);
        show(views.load(UnlockView.class, () -> new UnlockView(vm)));
    }

    public void showShell() {
        StatusBarViewModel statusVm = status.viewModel(background, fx);
        StatusBarView statusBar = views.load(StatusBarView.class, () -> new StatusBarView(statusVm));
        ShellViewModel vm = new ShellViewModel(wallet, action(), this::showUnlock, statusVm);
        show(views.load(ShellView.class, () -> new ShellView(vm, theme, statusBar)));
    }

    /** The view on screen (tests and screenshots use it). */
    public View<?> current() {
        return current;
    }

    private AsyncAction action() {
        return new AsyncAction(background, fx);
    }

    private void show(View<?> next) {
        if (current != null) {
            current.viewModel().deactivate();
        }
        current = next;
        setContent(next.root());
        next.viewModel().activate();
    }

    private void showMessage(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-error");
        setContent(label);
    }

    private void setContent(Parent root) {
        host.getChildren().setAll(root);
    }
}
