package dev.latchkey.app;

import dev.latchkey.keystore.KdfCalibrator;
import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.WalletLocation;
import dev.latchkey.ui.MainWindow;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.common.ViewFactory;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.wallet.NetworkRequest;
import dev.latchkey.wallet.Networks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Composition root of the desktop app: the only place that constructs services and wires them to the UI. Closing
 * it locks and closes the wallet and stops the background threads.
 */
public final class AppContext implements AutoCloseable {

    private final ExecutorService background;
    private final ScheduledExecutorService scheduler;
    private final WalletSession wallet;
    private final ThemeService theme;
    private final ViewFactory views = new ViewFactory();
    private final LiveWorkspace workspace;
    private final InstantSource clock;

    private AppContext(Config config) {
        this.background = Executors.newCachedThreadPool(daemonThreads("latchkey-ui-bg"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("latchkey-ui-timer"));
        this.wallet = new WalletSession(config.walletDirectory(), config.kdfPolicy(), config.creationParams(), config.clock());
        this.theme = new ThemeService(config.theme());
        this.clock = config.clock();
        Optional<NetworkRequest> network = Optional.ofNullable(config.devnetDirectory()).map(dir ->
                new NetworkRequest(NetworkRequest.DEVNET, Optional.empty(), Optional.of(dir), Optional.empty(), Optional.empty()));
        this.workspace = new LiveWorkspace(wallet, network, config.clock(), background);
    }

    /**
     * What differs between the installed app and a test run; tests pass cheap KDF parameters explicitly.
     *
     * @param devnetDirectory where a local devnet keeps its manifest (the screens work on that devnet), or null for no
     *                        network; replaced by the network the user picks once the network step lands
     */
    public record Config(Path walletDirectory, KdfPolicy kdfPolicy, Supplier<KdfParams> creationParams,
                         InstantSource clock, ThemeService.Mode theme, Path devnetDirectory) {
        public Config {
            Objects.requireNonNull(walletDirectory);
            Objects.requireNonNull(kdfPolicy);
            Objects.requireNonNull(creationParams);
            Objects.requireNonNull(clock);
            Objects.requireNonNull(theme);
        }

        /** A configuration without a network (the screens say so). */
        public Config(Path walletDirectory, KdfPolicy kdfPolicy, Supplier<KdfParams> creationParams,
                      InstantSource clock, ThemeService.Mode theme) {
            this(walletDirectory, kdfPolicy, creationParams, clock, theme, null);
        }

        /** The installed app: OS data directory, standard KDF bounds, cost calibrated on this machine at creation. */
        public static Config production() {
            KdfPolicy policy = KdfPolicy.standard();
            return new Config(WalletLocation.defaultDirectory(), policy,
                    () -> KdfCalibrator.timingArgon2(policy).calibrate(), Clock.systemUTC(), ThemeService.Mode.LIGHT,
                    Networks.defaultDevnetDir());
        }
    }

    public static AppContext create(Config config) {
        return new AppContext(config);
    }

    /** The window content; call on the FX thread. */
    public MainWindow mainWindow() {
        return new MainWindow(wallet, views, theme, background, FxExecutor.platform(), workspace, new ScheduledTicker(scheduler), clock);
    }

    public WalletSession wallet() {
        return wallet;
    }

    public ThemeService theme() {
        return theme;
    }

    /** The unlocked wallet's workspace (tests reach the signer and the services through it). */
    public LiveWorkspace workspace() {
        return workspace;
    }

    @Override
    public void close() {
        workspace.release();
        scheduler.shutdownNow();
        wallet.close();
        background.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
