package dev.latchkey.ui;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.ui.activity.ActivityView;
import dev.latchkey.ui.activity.ActivityViewModel;
import dev.latchkey.ui.builder.ApprovalRequest;
import dev.latchkey.ui.approve.ApproveView;
import dev.latchkey.ui.automation.AutomationsView;
import dev.latchkey.ui.automation.AutomationsViewModel;
import dev.latchkey.ui.approve.ApproveViewModel;
import dev.latchkey.ui.builder.BuilderContext;
import dev.latchkey.ui.builder.SessionBuilderView;
import dev.latchkey.ui.builder.SessionBuilderViewModel;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.Ticker;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.common.View;
import dev.latchkey.ui.common.ViewFactory;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.firstrun.FirstRunView;
import dev.latchkey.ui.firstrun.FirstRunViewModel;
import dev.latchkey.ui.notifications.NotificationsView;
import dev.latchkey.ui.notifications.NotificationsViewModel;
import dev.latchkey.ui.portfolio.PortfolioView;
import dev.latchkey.ui.portfolio.PortfolioViewModel;
import dev.latchkey.ui.section.SectionView;
import dev.latchkey.ui.section.SectionViewModel;
import dev.latchkey.ui.settings.SettingsView;
import dev.latchkey.ui.sessions.SessionsView;
import dev.latchkey.ui.sessions.SessionsViewModel;
import dev.latchkey.ui.settings.SettingsViewModel;
import dev.latchkey.ui.shell.Section;
import dev.latchkey.ui.shell.ShellView;
import dev.latchkey.ui.shell.ShellViewModel;
import dev.latchkey.ui.status.StatusBarView;
import dev.latchkey.ui.status.StatusBarViewModel;
import dev.latchkey.ui.status.StatusSources;
import dev.latchkey.ui.trade.TradeView;
import dev.latchkey.ui.trade.TradeViewModel;
import dev.latchkey.ui.unlock.UnlockView;
import dev.latchkey.ui.unlock.UnlockViewModel;
import dev.latchkey.ui.workspace.WorkspacePorts;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;

/**
 * The window's content and the flow between screens: first run (no wallet yet) or unlock, then the shell, whose
 * content area shows a section, the session builder or the approve screen. Any lock (Lock, or the auto-lock after
 * the idle timeout) goes back to Unlock; key presses and clicks count as activity. It builds each screen's view
 * model with its collaborators and activates/deactivates view models as their views come and go.
 */
public final class MainWindow {

    private final WalletSession wallet;
    private final ViewFactory views;
    private final ThemeService theme;
    private final Executor background;
    private final FxExecutor fx;
    private final StatusSources status;
    private final UiServices services;
    private final WorkspacePorts workspace;
    private final Ticker ticker;
    private final InstantSource clock;
    private final NotificationsView notifications;
    private final Map<Section, View<?>> screens = new EnumMap<>(Section.class);
    private final StackPane host = new StackPane();
    private final Executor saves;
    private View<?> current;
    private ShellView shell;
    private View<?> content;
    private View<?> builder;

    public MainWindow(WalletSession wallet, ViewFactory views, ThemeService theme, Executor background, FxExecutor fx,
                      UiServices services, StatusSources status, WorkspacePorts workspace, Ticker ticker, InstantSource clock) {
        this.workspace = Objects.requireNonNull(workspace);
        this.ticker = Objects.requireNonNull(ticker);
        this.clock = Objects.requireNonNull(clock);
        this.wallet = Objects.requireNonNull(wallet);
        this.status = Objects.requireNonNull(status);
        this.views = Objects.requireNonNull(views);
        this.theme = Objects.requireNonNull(theme);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        this.services = Objects.requireNonNull(services);
        this.saves = new dev.latchkey.ui.common.SerialExecutor(background);
        host.getStyleClass().add("main-window");
        NotificationsViewModel notes = new NotificationsViewModel(ticker, clock, fx);
        this.notifications = views.load(NotificationsView.class, () -> new NotificationsView(notes));
        wallet.onLockChanged(unlocked -> {
            if (!unlocked) fx.execute(this::showUnlockIfNeeded);
        });
        theme.modeProperty().addListener((o, a, mode) -> background.execute(() -> saveTheme(mode)));
    }

    /** A scene with the theme attached, showing unlock when a wallet exists in the default folder, else first run. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(host, width, height);
        theme.attach(scene);
        for (javafx.event.EventType<? extends Event> type : java.util.List.of(KeyEvent.KEY_PRESSED, MouseEvent.MOUSE_PRESSED, ScrollEvent.SCROLL)) {
            scene.addEventFilter(type, e -> wallet.userActivity());
        }
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
        FirstRunViewModel vm = new FirstRunViewModel(wallet, action(), services.devnet(), address -> showShell());
        show(views.load(FirstRunView.class, () -> new FirstRunView(vm)));
    }

    public void showUnlock() {
        UnlockViewModel vm = new UnlockViewModel(wallet, action(), services.devnet(), this::showShell, ticker, fx, action());
        show(views.load(UnlockView.class, () -> new UnlockView(vm)));
    }

    private void showUnlockIfNeeded() {
        if (!(current instanceof UnlockView) && !(current instanceof FirstRunView)) {
            showUnlock();
        }
    }

    public void showShell() {
        applySavedTheme();
        StatusBarViewModel statusVm = status.viewModel(background, fx);
        StatusBarView statusBar = views.load(StatusBarView.class, () -> new StatusBarView(statusVm));
        ShellViewModel vm = new ShellViewModel(wallet, action(), this::showUnlockIfNeeded, statusVm);
        shell = views.load(ShellView.class, () -> new ShellView(vm, theme, statusBar));
        builder = null;
        screens.clear(); // a new shell (after unlock) gets fresh screens
        show(shell);
        vm.sectionProperty().addListener((o, a, section) -> showSection(section));
        showSection(vm.sectionProperty().get());
    }

    /** Shows a section in the shell's content area. */
    public void showSection(Section section) {
        if (section == Section.SETTINGS) {
            SettingsViewModel vm = new SettingsViewModel(wallet, theme.modeProperty(), action(), saves, fx, services,
                    java.util.Optional.of(new dev.latchkey.ui.network.NetworksViewModel(wallet, services.networks(), action(),
                            workspace::release)));
            setContent(views.load(SettingsView.class, () -> new SettingsView(vm)));
            return;
        }
        if (section == Section.AUTOMATIONS) {
            AutomationsViewModel vm = new AutomationsViewModel(services.automations(), action(), services.zone());
            setContent(views.load(AutomationsView.class, () -> new AutomationsView(vm)));
            return;
        }
        if (section != Section.SETTINGS && section != null) {
            View<?> screen = screens.computeIfAbsent(section, this::screen);
            if (screen != null) {
                setContent(screen);
                return;
            }
        }
        Optional<SectionViewModel.Command> command = switch (section) {
            case SESSIONS -> Optional.of(new SectionViewModel.Command("New session", this::openBuilder));
            case TRADE -> Optional.of(new SectionViewModel.Command("Build a session for trading", this::openBuilder));
            default -> Optional.empty();
        };
        SectionViewModel vm = new SectionViewModel(section, command);
        setContent(views.load(SectionView.class, () -> new SectionView(vm)));
    }

    /** Portfolio, Trade, Sessions and Activity on the unlocked wallet's workspace (built once per shell). */
    private View<?> screen(Section section) {
        NotificationsViewModel notes = notifications.viewModel();
        return switch (section) {
            case PORTFOLIO -> {
                PortfolioViewModel vm = new PortfolioViewModel(workspace.portfolio(), action(), action(), MainWindow::copy,
                        workspace.changes(), fx);
                yield views.load(PortfolioView.class, () -> new PortfolioView(vm));
            }
            case TRADE -> {
                TradeViewModel vm = new TradeViewModel(workspace.trade(), workspace.pairs(), this::action, notes, workspace.changes(), fx, this::openBuilder);
                yield views.load(TradeView.class, () -> new TradeView(vm));
            }
            case SESSIONS -> {
                SessionsViewModel vm = new SessionsViewModel(workspace.sessions(), action(), action(), ticker, clock, notes,
                        workspace.changes(), fx, this::openBuilder, action(), this::openRenewal, this::action);
                yield views.load(SessionsView.class, () -> new SessionsView(vm, views));
            }
            case ACTIVITY -> {
                ActivityViewModel vm = new ActivityViewModel(workspace.activity(), action(), action(), workspace.changes(), fx,
                        services.zone());
                yield views.load(ActivityView.class, () -> new ActivityView(vm));
            }
            case SETTINGS, AUTOMATIONS -> null;
        };
    }

    /** Opens the session builder for the active network and account (looked up in the background). */
    public void openBuilder() {
        SectionViewModel from = content != null && content.viewModel() instanceof SectionViewModel s ? s : null;
        action().run(progress -> services.environment().current(), this::showBuilder,
                failure -> {
                    if (from != null) {
                        from.showMessage(UserMessages.describe(failure));
                    } else {
                        notifications.viewModel().show(NotificationsViewModel.Kind.ERROR, "Cannot open the session builder",
                                UserMessages.describe(failure));
                    }
                });
    }

    private void showBuilder(BuilderContext context) {
        SessionBuilderViewModel vm = new SessionBuilderViewModel(context, services.sessionKeys(), services.salts(), action(), this::openApprove);
        builder = views.load(SessionBuilderView.class, () -> new SessionBuilderView(vm, () -> showSection(Section.SESSIONS)));
        setContent(builder);
    }

    /** Renew from Sessions: the approve screen with the new session; Back returns to Sessions. */
    private void openRenewal(ApprovalRequest request) {
        ApproveViewModel vm = new ApproveViewModel(request, services.approvals(), action(), services.zone(), approved -> { },
                () -> showSection(Section.SESSIONS));
        setContent(views.load(ApproveView.class, () -> new ApproveView(vm, () -> showSection(Section.SESSIONS))));
    }

    private void openApprove(ApprovalRequest request) {
        View<?> form = builder;
        ApproveViewModel vm = new ApproveViewModel(request, services.approvals(), action(), services.zone(), approved -> { },
                () -> setContent(form));
        setContent(views.load(ApproveView.class, () -> new ApproveView(vm, () -> showSection(Section.SESSIONS))));
    }

    /** The view on screen (tests and screenshots use it). */
    public View<?> current() {
        return current;
    }

    /** The view in the shell's content area, if the shell is showing (tests and screenshots use it). */
    public View<?> content() {
        return content;
    }

    /** The notifications over the window (trade progress and results, revocations). */
    public NotificationsViewModel notifications() {
        return notifications.viewModel();
    }

    private static void copy(String text) {
        ClipboardContent clip = new ClipboardContent();
        clip.putString(text);
        Clipboard.getSystemClipboard().setContent(clip);
    }

    private AsyncAction action() {
        return new AsyncAction(background, fx);
    }

    private void show(View<?> next) {
        if (content != null && next != shell) {
            content.viewModel().deactivate();
            content = null;
        }
        if (current != null) {
            current.viewModel().deactivate();
        }
        current = next;
        host.getChildren().setAll(next.root(), notifications.root());
        next.viewModel().activate();
    }

    private void setContent(View<?> next) {
        if (shell == null || current != shell) {
            return;
        }
        if (content != null && content != next) {
            content.viewModel().deactivate();
        }
        content = next;
        shell.setContent(next.root());
        next.viewModel().activate();
    }

    /** Reads the wallet's theme in the background (SQLite never runs on the FX thread) and applies it. */
    private void applySavedTheme() {
        background.execute(() -> {
            try {
                wallet.setting(ThemeService.SETTING).flatMap(ThemeService::parse)
                        .ifPresent(mode -> fx.execute(() -> theme.modeProperty().set(mode)));
            } catch (KeystoreException e) {
                // a missing setting keeps the current theme
            }
        });
    }

    private void saveTheme(ThemeService.Mode mode) {
        try {
            if (wallet.isUnlocked()) wallet.putSetting(ThemeService.SETTING, mode.name());
        } catch (KeystoreException e) {
            // the theme still applies for this run
        }
    }

    private void showMessage(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-error");
        host.getChildren().setAll(label, notifications.root());
    }
}
