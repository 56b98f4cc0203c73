package dev.latchkey.app;

import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.keystore.KdfCalibrator;
import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.WalletLocation;
import dev.latchkey.ui.MainWindow;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.common.ViewFactory;
import dev.latchkey.ui.common.WalletSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.status.ChainStatusSource;
import dev.latchkey.ui.status.StatusSources;
import java.time.Duration;

/**
 * Composition root of the desktop app: the only place that constructs services and wires them to the UI. Closing
 * it locks and closes the wallet and stops the background threads.
 */
public final class AppContext implements AutoCloseable {

    /** How often the auto-lock decision runs; the timeout itself is the wallet's setting. */
    private static final long AUTO_LOCK_CHECK_SECONDS = 5;

    private final ExecutorService background;
    private final ScheduledExecutorService ticks;
    private final WalletSession wallet;
    private final ThemeService theme;
    private final ViewFactory views = new ViewFactory();
    private final UiServices services;
    private final ProductionServices production;
    private final StatusSources status;
    private final LiveWorkspace workspace;
    private final InstantSource clock;

    private AppContext(Config config) {
        this.background = Executors.newCachedThreadPool(daemonThreads("latchkey-ui-bg"));
        this.ticks = Executors.newSingleThreadScheduledExecutor(daemonThreads("latchkey-autolock"));
        this.wallet = new WalletSession(config.walletDirectory(), config.kdfPolicy(), config.creationParams(), config.clock());
        this.theme = new ThemeService(config.theme());
        this.production = new ProductionServices(config.devnetDirectory() == null ? DevnetConfig.defaultDirectory() : config.devnetDirectory());
        this.services = config.services().map(f -> f.apply(wallet)).orElseGet(() -> production.services(wallet));
        this.clock = config.clock();
        this.workspace = new LiveWorkspace(wallet, Optional.ofNullable(config.devnetDirectory()), config.clock(), background);
        this.status = new StatusSources(chainStatus(config.devnetDirectory()), new WorkspaceSignerControl(wallet, workspace),
                new ScheduledTicker(ticks));
        ticks.scheduleWithFixedDelay(wallet::checkAutoLock, AUTO_LOCK_CHECK_SECONDS, AUTO_LOCK_CHECK_SECONDS, TimeUnit.SECONDS);
        // the auto-lock keeps the signer and the rules running while there are rules to run (docs/security.md)
        wallet.keepRunningWhileAway(new WorkspaceUnattendedWork(workspace));
        // a full lock (Lock button, auto-lock with nothing to run) stops the signer and closes the connection; the
        // next use after unlock reopens
        wallet.onLockChanged(unlocked -> {
            if (!unlocked && wallet.away().isEmpty()) {
                background.execute(workspace::release);
            }
        });
    }

    private static ChainStatusSource chainStatus(Path devnetDirectory) {
        return devnetDirectory == null ? ChainStatusSource.NONE
                : new RpcChainStatus("Local devnet", new LocalDevnetEndpoints(devnetDirectory), Duration.ofSeconds(10));
    }

    /**
     * What differs between the installed app and a test run; tests pass cheap KDF parameters explicitly, and may
     * replace the UI's ports ({@code services}, given the wallet session) with their own implementations.
     *
     * @param devnetDirectory where a local devnet keeps its manifest (the status bar follows that devnet), or null
     *                        for no network
     */
    public record Config(Path walletDirectory, KdfPolicy kdfPolicy, Supplier<KdfParams> creationParams,
                         InstantSource clock, ThemeService.Mode theme, Path devnetDirectory,
                         Optional<Function<WalletSession, UiServices>> servicesFactory) {
        public Config {
            Objects.requireNonNull(walletDirectory);
            Objects.requireNonNull(kdfPolicy);
            Objects.requireNonNull(creationParams);
            Objects.requireNonNull(clock);
            Objects.requireNonNull(theme);
            Objects.requireNonNull(servicesFactory);
        }

        public Config(Path walletDirectory, KdfPolicy kdfPolicy, Supplier<KdfParams> creationParams, InstantSource clock,
                      ThemeService.Mode theme) {
            this(walletDirectory, kdfPolicy, creationParams, clock, theme, null, Optional.empty());
        }

        /** A configuration whose status bar follows the local devnet kept in {@code devnetDirectory}. */
        public Config(Path walletDirectory, KdfPolicy kdfPolicy, Supplier<KdfParams> creationParams, InstantSource clock,
                      ThemeService.Mode theme, Path devnetDirectory) {
            this(walletDirectory, kdfPolicy, creationParams, clock, theme, devnetDirectory, Optional.empty());
        }

        /** The same configuration with the UI's ports built by {@code factory}. */
        public Config withServices(Function<WalletSession, UiServices> factory) {
            return new Config(walletDirectory, kdfPolicy, creationParams, clock, theme, devnetDirectory, Optional.of(factory));
        }

        Optional<Function<WalletSession, UiServices>> services() {
            return servicesFactory;
        }

        /** The installed app: OS data directory, standard KDF bounds, cost calibrated on this machine at creation. */
        public static Config production() {
            KdfPolicy policy = KdfPolicy.standard();
            return new Config(WalletLocation.defaultDirectory(), policy,
                    () -> KdfCalibrator.timingArgon2(policy).calibrate(), Clock.systemUTC(), ThemeService.Mode.LIGHT,
                    DevnetConfig.defaultDirectory());
        }
    }

    public static AppContext create(Config config) {
        return new AppContext(config);
    }

    /** The window content; call on the FX thread. */
    public MainWindow mainWindow() {
        return new MainWindow(wallet, views, theme, background, FxExecutor.platform(), services, status, workspace,
                new ScheduledTicker(ticks), clock);
    }

    public WalletSession wallet() {
        return wallet;
    }

    public ThemeService theme() {
        return theme;
    }

    /** The unlocked wallet's workspace: connection, account, background signer (tests reach the services through it). */
    public LiveWorkspace workspace() {
        return workspace;
    }

    @Override
    public void close() {
        workspace.release();
        ticks.shutdownNow();
        wallet.close();
        production.close();
        background.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
