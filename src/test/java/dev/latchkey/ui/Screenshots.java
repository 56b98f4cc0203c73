package dev.latchkey.ui;

import dev.latchkey.app.AppContext;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.firstrun.FirstRunViewModel;
import dev.latchkey.ui.shell.ShellViewModel;
import dev.latchkey.ui.unlock.UnlockViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Writes {@code docs/screenshots/<screen>-<light|dark>.png} at 1280x800 for first run, unlock and shell, driving the
 * real app on a throw-away wallet with cheap KDF. Needs a display: run it under Xvfb, see docs/screenshots/README.md.
 */
public final class Screenshots {

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

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
            if (!List.of(args).contains("--no-devnet")) {
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
        try (AppContext context = AppContext.create(new AppContext.Config(walletDir, TestWalletSessions.POLICY,
                () -> TestWalletSessions.CHEAP, Clock.systemUTC(), mode))) {
            Stage stage = onFx(() -> new Stage());
            MainWindow window = onFx(() -> {
                MainWindow w = context.mainWindow();
                stage.setScene(w.createScene(WIDTH, HEIGHT));
                stage.setTitle("Latchkey");
                stage.show();
                return w;
            });
            FirstRunViewModel firstRun = onFx(() -> (FirstRunViewModel) window.current().viewModel());
            onFx(() -> {
                firstRun.passwordProperty().set("latchkey-2026"); // shows the reasons next to the field
                firstRun.confirmationProperty().set("latchkey-2026");
                firstRun.keyChoiceProperty().set(FirstRunViewModel.KeyChoice.GENERATE);
                return null;
            });
            snap(stage.getScene(), "first-run-" + suffix);

            onFx(() -> {
                firstRun.passwordProperty().set(TestWalletSessions.PASSWORD);
                firstRun.confirmationProperty().set(TestWalletSessions.PASSWORD);
                firstRun.onCreate();
                return null;
            });
            await(() -> window.current().viewModel() instanceof ShellViewModel s && s.ownerProperty().get().startsWith("Owner"));
            snap(stage.getScene(), "shell-" + suffix);

            onFx(() -> {
                ((ShellViewModel) window.current().viewModel()).onLock();
                return null;
            });
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
