package dev.latchkey.ui;

import dev.latchkey.app.AppContext;
import dev.latchkey.app.WalletWorkspace;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.session.model.Address;
import dev.latchkey.trade.build.AaveIntent;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.ui.activity.ActivityRow;
import dev.latchkey.ui.activity.ActivityViewModel;
import dev.latchkey.ui.common.OwnerKeySource;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.portfolio.PortfolioViewModel;
import dev.latchkey.ui.sessions.SessionsViewModel;
import dev.latchkey.ui.shell.Section;
import dev.latchkey.ui.shell.ShellViewModel;
import dev.latchkey.ui.trade.SwapViewModel;
import dev.latchkey.ui.trade.TradeViewModel;
import dev.latchkey.ui.unlock.UnlockViewModel;
import dev.latchkey.wallet.CreatedSession;
import dev.latchkey.wallet.SessionRequest;
import dev.latchkey.wallet.TradeResult;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javafx.stage.Stage;

/**
 * Portfolio, Trade, Sessions and Activity in light and dark, with state from a real devnet run: a funded and
 * deployed account, a Uniswap session (three swaps, one refused above its per-trade cap) and an Aave session
 * (1 WETH supplied, 1,000 USDC borrowed), all signed by the background signer. Started by {@link Screenshots}.
 */
final class WalletScreenshots {

    private final BiConsumer<javafx.scene.Scene, String> snap;

    WalletScreenshots(BiConsumer<javafx.scene.Scene, String> snap) {
        this.snap = snap;
    }

    void take() throws Exception {
        Path tmp = Files.createTempDirectory("latchkey-shots");
        try (Devnet devnet = Devnet.start(DevnetConfig.defaults(tmp.resolve("devnet")), m -> System.out.println("[devnet] " + m));
             AppContext context = AppContext.create(new AppContext.Config(tmp.resolve("wallet"), TestWalletSessions.POLICY,
                     () -> TestWalletSessions.CHEAP, Clock.systemUTC(), ThemeService.Mode.LIGHT, devnet.config().dir())
                     .withServices(wallet -> new UiServices(step -> step.accept("the local devnet is already running"),
                             () -> {
                                 throw new IllegalStateException("the builder is not part of these screenshots");
                             },
                             () -> new Address(wallet.keystore().keys().createSessionKey("session").address()),
                             (request, plan, password) -> {
                                 throw new IllegalStateException("approvals go through the wallet's session service here");
                             }, UiServices.randomSalts(), ZoneId.systemDefault())))) {
            context.wallet().create(tmp.resolve("wallet"), TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(),
                    (f, m) -> { });
            context.wallet().close(); // the window opens it again and shows Unlock
            Stage stage = Fx.call(Stage::new);
            MainWindow window = Fx.call(() -> {
                MainWindow w = context.mainWindow();
                stage.setScene(w.createScene(Screenshots.WIDTH, Screenshots.HEIGHT));
                stage.setTitle("Latchkey");
                stage.show();
                return w;
            });
            UnlockViewModel unlock = Fx.call(() -> (UnlockViewModel) window.current().viewModel());
            Fx.call(() -> {
                unlock.passwordProperty().set(TestWalletSessions.PASSWORD);
                unlock.onUnlock();
                return null;
            });
            Fx.await(() -> window.current().viewModel() instanceof ShellViewModel);
            ShellViewModel shell = Fx.call(() -> (ShellViewModel) window.current().viewModel());

            play(context);

            show(shell, Section.PORTFOLIO);
            PortfolioViewModel portfolio = Fx.call(() -> (PortfolioViewModel) window.content().viewModel());
            Fx.call(() -> {
                portfolio.onRefresh();
                return null;
            });
            Fx.await(() -> portfolio.loadedProperty().get() && !portfolio.loading().isRunning()
                    && portfolio.healthFactorProperty().get().matches("[0-9.]+"));
            both(context, stage, "portfolio");

            show(shell, Section.TRADE);
            TradeViewModel trade = Fx.call(() -> (TradeViewModel) window.content().viewModel());
            Fx.await(() -> trade.swap().pairs().size() == 2);
            SwapViewModel swap = trade.swap();
            Fx.call(() -> {
                swap.pairProperty().set(swap.pairs().stream().filter(p -> p.base().symbol().equals("WETH")).findFirst().orElseThrow());
                swap.onPreset(swap.presets().get(0)); // one click: a notification follows it to inclusion
                swap.amountProperty().set("250");
                trade.aave().assetProperty().set(trade.aave().assets().stream().filter(t -> t.symbol().equals("USDC")).findFirst()
                        .orElseThrow());
                trade.aave().amountProperty().set("500");
                return null;
            });
            Fx.await(() -> swap.quoteProperty().get().startsWith("≈") && !swap.coverProperty().get().isEmpty()
                    && window.notifications().items().stream().anyMatch(n -> n.title().startsWith("Included"))
                    && trade.aave().rows().stream().allMatch(r -> !r.cover().isEmpty()));
            both(context, stage, "trade");
            Fx.call(() -> {
                window.notifications().items().stream().map(n -> n.id()).toList().forEach(window.notifications()::dismiss);
                return null;
            });

            show(shell, Section.SESSIONS);
            SessionsViewModel sessions = Fx.call(() -> (SessionsViewModel) window.content().viewModel());
            Fx.await(() -> sessions.cards().size() == 2 && !sessions.loading().isRunning());
            both(context, stage, "sessions");
            Fx.call(() -> {
                sessions.cards().get(0).onShare();
                return null;
            });
            Fx.await(() -> sessions.sharingProperty().get() != null
                    && !sessions.sharingProperty().get().automationsProperty().get().startsWith("Reading"));
            Fx.call(() -> {
                var form = sessions.sharingProperty().get();
                form.serverProperty().set("rack-1");
                form.passphraseProperty().set("meadow lantern");
                form.fileProperty().set("/home/you/latchkey-aave-supply-borrow-repay.bundle");
                return null;
            });
            both(context, stage, "sessions-share");
            Fx.call(() -> {
                sessions.sharingProperty().get().onClose();
                return null;
            });

            show(shell, Section.ACTIVITY);
            ActivityViewModel activity = Fx.call(() -> (ActivityViewModel) window.content().viewModel());
            Fx.await(() -> activity.rows().stream().filter(r -> r.status() == ActivityRow.Status.INCLUDED).count() >= 6
                    && !activity.loading().isRunning());
            Fx.call(() -> {
                activity.selectedProperty().set(activity.rows().stream().filter(r -> r.status() == ActivityRow.Status.INCLUDED)
                        .findFirst().orElseThrow());
                return null;
            });
            Fx.await(() -> activity.receiptProperty().get().startsWith("Block "));
            both(context, stage, "activity");

            Fx.call(() -> {
                stage.close();
                return null;
            });
        }
    }

    /** The state the pictures show, made by the wallet's services and the background signer on the devnet. */
    private static void play(AppContext context) throws Exception {
        WalletWorkspace w = context.workspace().current();
        context.workspace().portfolio().fund((f, m) -> { });
        CreatedSession swap = w.sessions().create(w.account(), new SessionRequest.FromTemplate(new SessionTemplate.UniswapSwap("USDC",
                "WETH", 500, usdc(500), usdc(2000)), 7));
        w.sessions().approve(w.keystore().sessions().get(swap.permissionId().bytes()), TestWalletSessions.PASSWORD.toCharArray());
        for (String amount : new String[] {"100", "250", "150"}) {
            included(context.workspace().trade().swap(new SwapIntent("USDC", "WETH", new BigInteger(amount).multiply(BigInteger.TEN.pow(6)),
                    50)).get(120, TimeUnit.SECONDS));
        }
        context.workspace().trade().swap(new SwapIntent("USDC", "WETH", usdc(600), 50)).get(120, TimeUnit.SECONDS); // refused: cap
        CreatedSession aave = w.sessions().create(w.account(), new SessionRequest.FromTemplate(new SessionTemplate.AaveSupplyBorrowRepay(
                "WETH", BigInteger.TEN.pow(18).multiply(BigInteger.TWO), BigInteger.TEN.pow(18).multiply(BigInteger.TWO), "USDC",
                usdc(1500), usdc(3000)), 7));
        w.sessions().approve(w.keystore().sessions().get(aave.permissionId().bytes()), TestWalletSessions.PASSWORD.toCharArray());
        included(context.workspace().trade().aave(new AaveIntent.Supply("WETH", BigInteger.TEN.pow(18))).get(120, TimeUnit.SECONDS));
        included(context.workspace().trade().aave(new AaveIntent.Borrow("USDC", usdc(1000))).get(120, TimeUnit.SECONDS));
    }

    private static void included(TradeResult r) {
        if (!(r instanceof TradeResult.Included i) || !i.success()) {
            throw new IllegalStateException("expected an included trade, got " + r);
        }
    }

    private void show(ShellViewModel shell, Section section) throws Exception {
        Fx.call(() -> {
            shell.sectionProperty().set(section);
            return null;
        });
    }

    private void both(AppContext context, Stage stage, String name) throws Exception {
        for (ThemeService.Mode mode : ThemeService.Mode.values()) {
            Fx.call(() -> {
                context.theme().modeProperty().set(mode);
                return null;
            });
            snap.accept(stage.getScene(), name + "-" + mode.name().toLowerCase(java.util.Locale.ROOT));
        }
        Fx.call(() -> {
            context.theme().modeProperty().set(ThemeService.Mode.LIGHT);
            return null;
        });
    }

    private static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }

    /** FX-thread helpers (the same as {@link Screenshots}'). */
    static final class Fx {
        private Fx() {
        }

        static <T> T call(java.util.concurrent.Callable<T> work) throws Exception {
            java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
            javafx.application.Platform.runLater(() -> {
                try {
                    result.complete(work.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            return result.get(60, TimeUnit.SECONDS);
        }

        static void await(java.util.function.BooleanSupplier condition) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!call(condition::getAsBoolean)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out waiting for the screen");
                }
                Thread.sleep(100);
            }
        }
    }
}
