package dev.latchkey.ui.status;

import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.Ticker;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The shell's status bar: network name, latest block and bundler health (polled in the background, one poll at a
 * time, so a slow node is never asked twice at once and the FX thread never waits), and the signer's mode with a
 * pause switch. Every property changes on the {@link FxExecutor}.
 */
public final class StatusBarViewModel implements Activatable {

    /** How often the block and the bundler are asked while the status bar is shown. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(4);

    private final ChainStatusSource chain;
    private final SignerControl signer;
    private final Executor background;
    private final FxExecutor fx;
    private final Ticker ticker;
    private final Duration interval;

    private final ReadOnlyStringWrapper network = new ReadOnlyStringWrapper(this, "network", "");
    private final ReadOnlyStringWrapper block = new ReadOnlyStringWrapper(this, "block", "");
    private final ReadOnlyStringWrapper blockDetail = new ReadOnlyStringWrapper(this, "blockDetail", "");
    private final ReadOnlyObjectWrapper<Indicator> blockIndicator = new ReadOnlyObjectWrapper<>(this, "blockIndicator", Indicator.PENDING);
    private final ReadOnlyStringWrapper bundler = new ReadOnlyStringWrapper(this, "bundler", "");
    private final ReadOnlyStringWrapper bundlerDetail = new ReadOnlyStringWrapper(this, "bundlerDetail", "");
    private final ReadOnlyObjectWrapper<Indicator> bundlerIndicator = new ReadOnlyObjectWrapper<>(this, "bundlerIndicator", Indicator.PENDING);
    private final ReadOnlyStringWrapper signerText = new ReadOnlyStringWrapper(this, "signer", "");
    private final ReadOnlyStringWrapper signerDetail = new ReadOnlyStringWrapper(this, "signerDetail", "");
    private final ReadOnlyObjectWrapper<SignerMode> signerMode = new ReadOnlyObjectWrapper<>(this, "signerMode", SignerMode.OFF);
    private final ReadOnlyObjectWrapper<Indicator> signerIndicator = new ReadOnlyObjectWrapper<>(this, "signerIndicator", Indicator.NEUTRAL);
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final ReadOnlyBooleanWrapper pauseAvailable = new ReadOnlyBooleanWrapper(this, "pauseAvailable");
    private final ReadOnlyBooleanWrapper polling = new ReadOnlyBooleanWrapper(this, "polling");

    private boolean active;
    private boolean switching;
    private boolean showingMode;
    private OptionalLong lastBlock = OptionalLong.empty();
    private Ticker.Repeating repeating;
    private AutoCloseable subscription;

    public StatusBarViewModel(ChainStatusSource chain, SignerControl signer, Executor background, FxExecutor fx,
                              Ticker ticker, Duration interval) {
        this.chain = Objects.requireNonNull(chain);
        this.signer = Objects.requireNonNull(signer);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        this.ticker = Objects.requireNonNull(ticker);
        this.interval = Objects.requireNonNull(interval);
        paused.addListener((obs, was, now) -> {
            if (!showingMode) {
                onPauseSwitched(now);
            }
        });
    }

    @Override
    public void activate() {
        active = true;
        network.set(chain.networkName());
        subscription = signer.subscribe(mode -> fx.execute(() -> showSigner(mode)));
        showSigner(signer.mode());
        if (chain == ChainStatusSource.NONE) {
            show(block, blockDetail, blockIndicator, "Block —", "Choose a network to see its latest block.", Indicator.NEUTRAL);
            showBundler(new BundlerHealth.NotConfigured());
            return;
        }
        show(block, blockDetail, blockIndicator, "Block …", "Asking the node for its latest block.", Indicator.PENDING);
        show(bundler, bundlerDetail, bundlerIndicator, "Bundler …", "Asking the bundler.", Indicator.PENDING);
        repeating = ticker.every(interval, () -> fx.execute(this::refresh));
        refresh();
    }

    @Override
    public void deactivate() {
        active = false;
        if (repeating != null) {
            repeating.close();
            repeating = null;
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // a listener that cannot be removed only costs a few no-op calls after deactivation
            }
            subscription = null;
        }
    }

    /** Asks the node and the bundler again, unless a poll is still out. Call on the FX executor. */
    public void refresh() {
        if (!active || polling.get() || chain == ChainStatusSource.NONE) {
            return;
        }
        polling.set(true);
        background.execute(() -> {
            Poll poll = poll();
            fx.execute(() -> apply(poll));
        });
    }

    private record Poll(OptionalLong block, String blockError, BundlerHealth bundler) {
    }

    private Poll poll() {
        OptionalLong latest = OptionalLong.empty();
        String error = "";
        try {
            latest = OptionalLong.of(chain.latestBlock());
        } catch (Exception e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        BundlerHealth health;
        try {
            health = chain.bundlerHealth();
        } catch (RuntimeException e) {
            health = new BundlerHealth.Unreachable(String.valueOf(e.getMessage()));
        }
        return new Poll(latest, error, health);
    }

    private void apply(Poll poll) {
        polling.set(false);
        if (!active) {
            return;
        }
        if (poll.block().isPresent()) {
            lastBlock = poll.block();
            show(block, blockDetail, blockIndicator, "Block " + grouped(lastBlock.getAsLong()),
                    "Latest block of " + chain.networkName() + ".", Indicator.GOOD);
        } else if (lastBlock.isPresent()) {
            show(block, blockDetail, blockIndicator, "Block " + grouped(lastBlock.getAsLong()) + " (stale)",
                    "The node stopped answering: " + poll.blockError(), Indicator.WARNING);
        } else {
            show(block, blockDetail, blockIndicator, "Node unreachable", poll.blockError(), Indicator.BAD);
        }
        showBundler(poll.bundler());
    }

    private void showBundler(BundlerHealth health) {
        switch (health) {
            case BundlerHealth.Healthy h -> show(bundler, bundlerDetail, bundlerIndicator, "Bundler OK",
                    "EntryPoints: " + String.join(", ", h.entryPoints()), Indicator.GOOD);
            case BundlerHealth.WrongEntryPoint w -> show(bundler, bundlerDetail, bundlerIndicator,
                    "Bundler: wrong EntryPoint", "The bundler supports only " + String.join(", ", w.entryPoints())
                            + "; Latchkey needs EntryPoint v0.7.", Indicator.BAD);
            case BundlerHealth.Unreachable u -> show(bundler, bundlerDetail, bundlerIndicator, "Bundler down",
                    u.reason(), Indicator.BAD);
            case BundlerHealth.NotConfigured n -> show(bundler, bundlerDetail, bundlerIndicator, "Direct submission",
                    "No bundler configured: operations are sent with handleOps.", Indicator.NEUTRAL);
        }
    }

    private void onPauseSwitched(boolean pause) {
        SignerMode mode = signerMode.get();
        if (switching || (mode != SignerMode.RUNNING && mode != SignerMode.PAUSED)) {
            showSigner(mode); // the switch snaps back: nothing to pause
            return;
        }
        switching = true;
        pauseAvailable.set(false);
        signerDetail.set(pause ? "Pausing…" : "Resuming…");
        background.execute(() -> {
            String failure = "";
            try {
                if (pause) {
                    signer.pause();
                } else {
                    signer.resume();
                }
            } catch (Exception e) {
                failure = (pause ? "Could not pause the signer: " : "Could not resume the signer: ") + e.getMessage();
            }
            SignerMode now = signer.mode();
            String message = failure;
            fx.execute(() -> {
                switching = false;
                showSigner(now);
                if (!message.isEmpty()) {
                    signerDetail.set(message);
                }
            });
        });
    }

    private void showSigner(SignerMode mode) {
        showingMode = true;
        try {
            signerMode.set(mode);
            paused.set(mode == SignerMode.PAUSED);
        } finally {
            showingMode = false;
        }
        pauseAvailable.set(!switching && (mode == SignerMode.RUNNING || mode == SignerMode.PAUSED));
        switch (mode) {
            case RUNNING -> show(signerText, signerDetail, signerIndicator, "Signer running",
                    "Signs trades that fit an enabled session.", Indicator.GOOD);
            case PAUSED -> show(signerText, signerDetail, signerIndicator, "Signer paused",
                    "Nothing is signed until you resume; waiting trades stay queued.", Indicator.WARNING);
            case LOCKED -> show(signerText, signerDetail, signerIndicator, "Signer locked",
                    "Unlock the wallet to let the signer use its session keys.", Indicator.NEUTRAL);
            case OFF -> show(signerText, signerDetail, signerIndicator, "Signer off",
                    "No background signer runs for this network yet.", Indicator.NEUTRAL);
        }
    }

    private static void show(ReadOnlyStringWrapper text, ReadOnlyStringWrapper detail,
                             ReadOnlyObjectWrapper<Indicator> indicator, String textValue, String detailValue,
                             Indicator indicatorValue) {
        text.set(textValue);
        detail.set(detailValue);
        indicator.set(indicatorValue);
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public ReadOnlyStringProperty networkProperty() { return network.getReadOnlyProperty(); }

    public ReadOnlyStringProperty blockProperty() { return block.getReadOnlyProperty(); }

    public ReadOnlyStringProperty blockDetailProperty() { return blockDetail.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Indicator> blockIndicatorProperty() { return blockIndicator.getReadOnlyProperty(); }

    public ReadOnlyStringProperty bundlerProperty() { return bundler.getReadOnlyProperty(); }

    public ReadOnlyStringProperty bundlerDetailProperty() { return bundlerDetail.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Indicator> bundlerIndicatorProperty() { return bundlerIndicator.getReadOnlyProperty(); }

    public ReadOnlyStringProperty signerProperty() { return signerText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty signerDetailProperty() { return signerDetail.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<SignerMode> signerModeProperty() { return signerMode.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Indicator> signerIndicatorProperty() { return signerIndicator.getReadOnlyProperty(); }

    /** The pause switch: set it to pause or resume the signer; it follows the signer's actual mode. */
    public BooleanProperty pausedProperty() { return paused; }

    public ReadOnlyBooleanProperty pauseAvailableProperty() { return pauseAvailable.getReadOnlyProperty(); }

    /** True while a poll of the node and bundler is out. */
    public ReadOnlyBooleanProperty pollingProperty() { return polling.getReadOnlyProperty(); }
}
