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
import dev.latchkey.ui.activity.ActivityView;
import dev.latchkey.ui.activity.ActivityViewModel;
import dev.latchkey.ui.common.Ticker;
import dev.latchkey.ui.notifications.NotificationsView;
import dev.latchkey.ui.notifications.NotificationsViewModel;
import dev.latchkey.ui.portfolio.PortfolioView;
import dev.latchkey.ui.portfolio.PortfolioViewModel;
import dev.latchkey.ui.sessions.SessionsView;
import dev.latchkey.ui.sessions.SessionsViewModel;
import dev.latchkey.ui.shell.Section;
import dev.latchkey.ui.shell.ShellView;
import dev.latchkey.ui.shell.ShellViewModel;
import dev.latchkey.ui.trade.TradeView;
import dev.latchkey.ui.trade.TradeViewModel;
import dev.latchkey.ui.unlock.UnlockView;
import dev.latchkey.ui.unlock.UnlockViewModel;
import dev.latchkey.ui.workspace.SectionScreens;
import dev.latchkey.ui.workspace.WorkspacePorts;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
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
    private final WorkspacePorts workspace;
    private final Ticker ticker;
    private final InstantSource clock;
    private final StackPane host = new StackPane();
    private final NotificationsView notifications;
    private View<?> current;
    private SectionScreens screens;

    public MainWindow(WalletSession wallet, ViewFactory views, ThemeService theme, Executor background, FxExecutor fx,
                      WorkspacePorts workspace, Ticker ticker, InstantSource clock) {
        this.wallet = Objects.requireNonNull(wallet);
        this.workspace = Objects.requireNonNull(workspace);
        this.ticker = Objects.requireNonNull(ticker);
        this.clock = Objects.requireNonNull(clock);
        this.views = Objects.requireNonNull(views);
        this.theme = Objects.requireNonNull(theme);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        host.getStyleClass().add("main-window");
        NotificationsViewModel notes = new NotificationsViewModel();
        this.notifications = views.load(NotificationsView.class, () -> new NotificationsView(notes));
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
        ShellViewModel vm = new ShellViewModel(wallet, action(), this::locked);
        SectionScreens sections = screens(vm);
        show(views.load(ShellView.class, () -> new ShellView(vm, theme, sections)));
        screens = sections;
    }

    /** Portfolio, Trade, Sessions and Activity on the unlocked wallet's workspace; Settings stays a placeholder. */
    private SectionScreens screens(ShellViewModel shell) {
        NotificationsViewModel notes = notifications.viewModel();
        Runnable buildSession = () -> showSessionBuilder(shell);
        return new SectionScreens()
                .add(Section.PORTFOLIO, () -> {
                    PortfolioViewModel vm = new PortfolioViewModel(workspace.portfolio(), action(), action(), MainWindow::copy,
                            workspace.changes(), fx);
                    return views.load(PortfolioView.class, () -> new PortfolioView(vm));
                })
                .add(Section.TRADE, () -> {
                    TradeViewModel vm = new TradeViewModel(workspace.trade(), this::action, notes, workspace.changes(), fx, buildSession);
                    return views.load(TradeView.class, () -> new TradeView(vm));
                })
                .add(Section.SESSIONS, () -> {
                    SessionsViewModel vm = new SessionsViewModel(workspace.sessions(), action(), action(), ticker, clock, notes,
                            workspace.changes(), fx, buildSession);
                    return views.load(SessionsView.class, () -> new SessionsView(vm, views));
                })
                .add(Section.ACTIVITY, () -> {
                    ActivityViewModel vm = new ActivityViewModel(workspace.activity(), action(), action(), workspace.changes(), fx,
                            ZoneId.systemDefault());
                    return views.load(ActivityView.class, () -> new ActivityView(vm));
                });
    }

    /**
     * Where "build a session" leads. The session builder is its own screen (issue 06, item 5); until it is part of
     * this window the Sessions section is shown with a note on how to create one.
     */
    private void showSessionBuilder(ShellViewModel shell) {
        shell.sectionProperty().set(Section.SESSIONS);
        notifications.viewModel().show(NotificationsViewModel.Kind.INFO, "Build a session",
                "Create one from a template with: latchkey session create --template uniswap-swap --pair USDC/WETH"
                        + " --max-per-trade 500 --max-per-day 2000 --days 7, then approve it once.");
    }

    /** Lock: the signer stops and the connection closes (off the FX thread), then Unlock. */
    private void locked() {
        if (screens != null) {
            screens.deactivate();
            screens = null;
        }
        background.execute(workspace::release);
        showUnlock();
    }

    /** The view on screen (tests and screenshots use it). */
    public View<?> current() {
        return current;
    }

    /** The shell's screens while the shell is showing (tests and screenshots reach their view models through it). */
    public SectionScreens screens() {
        return screens;
    }

    public NotificationsViewModel notifications() {
        return notifications.viewModel();
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private AsyncAction action() {
        return new AsyncAction(background, fx);
    }

    private void show(View<?> next) {
        if (screens != null && !(next.viewModel() instanceof ShellViewModel)) {
            screens.deactivate();
            screens = null;
        }
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
        host.getChildren().setAll(root, notifications.root());
    }
}
