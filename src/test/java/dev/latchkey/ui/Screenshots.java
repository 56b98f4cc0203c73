package dev.latchkey.ui;

import dev.latchkey.app.AppContext;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.ui.approve.ApproveViewModel;
import dev.latchkey.ui.approve.KeystoreApprovalService;
import dev.latchkey.ui.automation.AutomationsViewModel;
import dev.latchkey.ui.automation.DemoAutomations;
import dev.latchkey.ui.automation.RuleForm;
import dev.latchkey.ui.builder.ActionRowViewModel;
import dev.latchkey.ui.builder.BuilderContext;
import dev.latchkey.ui.builder.BuilderFixtures;
import dev.latchkey.ui.builder.SessionBuilderViewModel;
import dev.latchkey.ui.builder.Template;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.firstrun.FirstRunViewModel;
import dev.latchkey.ui.settings.SettingsViewModel;
import dev.latchkey.ui.shell.Section;
import dev.latchkey.ui.shell.ShellViewModel;
import dev.latchkey.ui.unlock.UnlockViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Writes {@code docs/screenshots/<screen>-<light|dark>.png} at 1280x800 for every screen, driving the real app
 * (AppContext, MainWindow, views, view models) on a throw-away wallet with cheap KDF. The devnet start reports its
 * usual steps without starting anvil, and the builder runs on the template-snapshot network (docs/trade.md) with a
 * fixed account: the wallet services that will supply the real ones are not wired yet. Needs a display: run it
 * under Xvfb, see docs/screenshots/README.md.
 */
public final class Screenshots {

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;
    /** The pictures show sessions starting at a fixed time, so they do not change from run to run. */
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-24T09:00:00Z"));

    private final Path out;

    private Screenshots(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Platform.startup(() -> { });
        Platform.setImplicitExit(false); // closing one theme's window must not stop the toolkit
        try {
            Screenshots shots = new Screenshots(out);
            for (ThemeService.Mode mode : ThemeService.Mode.values()) {
                shots.take(mode);
            }
            if (!java.util.List.of(args).contains("--no-devnet")) {
                new WalletScreenshots(shots::snapUnchecked).take(); // Portfolio, Trade, Sessions, Activity on a devnet run
            }
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private void take(ThemeService.Mode mode) throws Exception {
        String suffix = mode.name().toLowerCase(java.util.Locale.ROOT);
        Path walletDir = Files.createTempDirectory("latchkey-demo").resolve("latchkey");
        CountDownLatch devnetGate = new CountDownLatch(1);
        DemoAutomations automations = DemoAutomations.create(Files.createTempDirectory("latchkey-demo-automations"));
        AppContext.Config config = new AppContext.Config(walletDir, TestWalletSessions.POLICY, () -> TestWalletSessions.CHEAP,
                Clock.systemUTC(), mode).withServices(wallet -> new UiServices(step -> {
                    for (String s : List.of("starting anvil (chain id 31337)", "deploying the EntryPoint, SmartSession and the policies",
                            "deploying USDC, DAI and WETH", "deploying Uniswap V3 and seeding the WETH/USDC and DAI/USDC pools")) {
                        step.accept(s);
                    }
                    step.accept("deploying Aave V3 (3 reserves)");
                    devnetGate.await(30, TimeUnit.SECONDS);
                    step.accept("starting the Alto bundler");
                }, () -> new BuilderContext(BuilderFixtures.DEVNET, BuilderFixtures.ACCOUNT, BuilderFixtures.POLICIES, CLOCK, ZoneId.of("UTC")),
                () -> new Address(wallet.keystore().keys().createSessionKey("session").address()),
                new KeystoreApprovalService(wallet), UiServices.randomSalts(), ZoneId.of("UTC"), automations));
        try (AppContext context = AppContext.create(config)) {
            Stage stage = onFx(Stage::new);
            MainWindow window = onFx(() -> {
                MainWindow w = context.mainWindow();
                stage.setScene(w.createScene(WIDTH, HEIGHT));
                stage.setTitle("Latchkey");
                stage.show();
                return w;
            });
            FirstRunViewModel firstRun = onFx(() -> (FirstRunViewModel) window.current().viewModel());
            snap(stage.getScene(), "first-run-network-" + suffix);
            onFx(() -> {
                firstRun.onContinue();
                firstRun.passwordProperty().set("latchkey-2026"); // shows the reasons next to the field
                firstRun.confirmationProperty().set("latchkey-2026");
                return null;
            });
            snap(stage.getScene(), "first-run-" + suffix);

            onFx(() -> {
                firstRun.passwordProperty().set(TestWalletSessions.PASSWORD);
                firstRun.confirmationProperty().set(TestWalletSessions.PASSWORD);
                firstRun.onCreate();
                return null;
            });
            await(() -> firstRun.devnetSteps().size() >= 5);
            snap(stage.getScene(), "first-run-devnet-" + suffix);
            devnetGate.countDown();
            await(() -> window.current().viewModel() instanceof ShellViewModel s && s.ownerProperty().get().startsWith("Owner"));
            ShellViewModel shell = onFx(() -> (ShellViewModel) window.current().viewModel());
            onFx(() -> {
                window.openBuilder(); // what Sessions' "New session" and Trade's "Build a session" do
                return null;
            });
            await(() -> window.content().viewModel() instanceof SessionBuilderViewModel);
            SessionBuilderViewModel builder = onFx(() -> (SessionBuilderViewModel) window.content().viewModel());
            onFx(() -> {
                builder.templateProperty().set(Template.UNISWAP_SWAP);
                builder.onApplyTemplate();
                return null;
            });
            snap(stage.getScene(), "session-builder-" + suffix);

            onFx(() -> {
                ActionRowViewModel custom = builder.onAddFunction(Catalog.TRANSFER);
                custom.onAddRule();
                custom.rules().get(0).conditionProperty().set(ParamCondition.EQUAL);
                custom.rules().get(0).valueProperty().set("0x3c44cdddb6a900fa2b585dd299e03d12fa4293b");
                custom.onAddRule();
                custom.rules().get(1).valueProperty().set("0.0000001");
                return null;
            });
            snapScrolledToEnd(stage.getScene(), "session-builder-validation-" + suffix);
            onFx(() -> {
                builder.actions().get(builder.actions().size() - 1).onRemove();
                builder.anyCallProperty().set(true);
                return null;
            });
            snap(stage.getScene(), "session-builder-unrestricted-" + suffix);
            onFx(() -> {
                builder.anyCallProperty().set(false);
                builder.onReview();
                return null;
            });
            await(() -> window.content().viewModel() instanceof ApproveViewModel);
            ApproveViewModel approve = onFx(() -> (ApproveViewModel) window.content().viewModel());
            snap(stage.getScene(), "approve-" + suffix);
            onFx(() -> {
                approve.passwordProperty().set(TestWalletSessions.PASSWORD);
                approve.onApprove();
                return null;
            });
            await(() -> approve.approvedProperty().get());
            snap(stage.getScene(), "approve-done-" + suffix);

            onFx(() -> {
                shell.sectionProperty().set(Section.SETTINGS);
                return null;
            });
            await(() -> window.content().viewModel() instanceof SettingsViewModel s && !s.networkProperty().get().isEmpty());
            snap(stage.getScene(), "settings-" + suffix);
            onFx(() -> {
                shell.sectionProperty().set(Section.AUTOMATIONS);
                return null;
            });
            await(() -> window.content().viewModel() instanceof AutomationsViewModel a && a.rules().size() == 3);
            AutomationsViewModel rules = onFx(() -> (AutomationsViewModel) window.content().viewModel());
            onFx(() -> {
                rules.kindProperty().set(RuleForm.Kind.LIMIT_ORDER);
                for (var e : java.util.Map.of(RuleForm.Field.SIDE, "buy", RuleForm.Field.BASE, "WETH", RuleForm.Field.QUOTE, "USDC",
                        RuleForm.Field.AMOUNT, "1000", RuleForm.Field.PRICE, "2600", RuleForm.Field.FEE, "500",
                        RuleForm.Field.SLIPPAGE, "0.5").entrySet()) {
                    rules.field(e.getKey()).set(e.getValue());
                }
                rules.onCreate(); // more than the session's 500 USDC per trade: refused, the reason beside the form
                return null;
            });
            await(() -> !rules.formErrorProperty().get().isEmpty());
            snap(stage.getScene(), "automations-" + suffix);
            onFx(() -> {
                rules.onEdit(rules.rules().getFirst()); // the form pre-filled with the rule, "Save changes" and Cancel
                return null;
            });
            await(() -> rules.editingProperty().get());
            snap(stage.getScene(), "automations-edit-" + suffix);
            onFx(() -> {
                rules.onCancelEdit();
                return null;
            });

            onFx(() -> {
                shell.onLock();
                return null;
            });
            await(() -> window.current().viewModel() instanceof UnlockViewModel);
            UnlockViewModel unlock = onFx(() -> (UnlockViewModel) window.current().viewModel());
            onFx(() -> {
                unlock.passwordProperty().set("not my password");
                unlock.onUnlock();
                return null;
            });
            await(() -> !unlock.errorProperty().get().isEmpty());
            snap(stage.getScene(), "unlock-" + suffix);
            onFx(() -> {
                stage.close();
                return null;
            });
        }
    }

    /** Scrolls the builder's form to its end first, where the new action card is. */
    private void snapScrolledToEnd(Scene scene, String name) throws Exception {
        for (int i = 0; i < 5; i++) {
            onFx(() -> null);
            Thread.sleep(100);
        }
        onFx(() -> {
            javafx.scene.Node scroll = scene.lookup("#scroll");
            if (scroll instanceof javafx.scene.control.ScrollPane p) {
                p.layout();
                p.setVvalue(1.0);
            }
            return null;
        });
        snap(scene, name);
    }

    private void snapUnchecked(Scene scene, String name) {
        try {
            snap(scene, name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + name, e);
        }
    }

    private void snap(Scene scene, String name) throws Exception {
        // let layout and CSS settle over a few pulses before taking the picture
        for (int i = 0; i < 5; i++) {
            onFx(() -> null);
            Thread.sleep(100);
        }
        WritableImage image = onFx(() -> scene.snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, w, h, argb, 0, w);
        Path file = out.resolve(name + ".png");
        if (!ImageIO.write(png, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        System.out.println("wrote " + file + " (" + w + "x" + h + ")");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for the screen");
            }
            Thread.sleep(50);
        }
    }
}
