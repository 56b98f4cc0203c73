package dev.latchkey.app;

import dev.latchkey.ui.activity.ActivityPort;
import dev.latchkey.ui.common.NetworkChoice;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.portfolio.PortfolioPort;
import dev.latchkey.ui.sessions.SessionsPort;
import dev.latchkey.ui.trade.PairPort;
import dev.latchkey.ui.trade.TradePort;
import dev.latchkey.ui.common.ChangeFeed;
import dev.latchkey.ui.workspace.WorkspacePorts;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.Networks;
import dev.latchkey.wallet.WalletException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * The screens' ports over a {@link WalletWorkspace} that is opened on first use after unlock (from whichever
 * background job asks first) and closed on lock. A failed open (devnet not running) is retried on the next use.
 * Signer state changes and the adapters' own writes are published on {@link #changes()}.
 */
public final class LiveWorkspace implements WorkspacePorts {

    private final WalletSession wallet;
    private final Optional<Path> devnetDirectory;
    private final InstantSource clock;
    private final Executor background;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile WalletWorkspace open;

    /**
     * @param devnetDirectory where the local devnet keeps its manifest, for wallets whose network is the local devnet;
     *                        empty when the app has no devnet (the screens say so)
     */
    public LiveWorkspace(WalletSession wallet, Optional<Path> devnetDirectory, InstantSource clock, Executor background) {
        this.wallet = wallet;
        this.devnetDirectory = devnetDirectory;
        this.clock = clock;
        this.background = background;
    }

    /** The open workspace, opening it if needed. Blocks: call off the FX thread. */
    public synchronized WalletWorkspace current() throws Exception {
        if (open == null) {
            if (!wallet.isUnlocked()) {
                throw new WalletException(WalletException.Kind.STATE, "the wallet is locked");
            }
            open = WalletWorkspace.open(wallet, profile(), clock, state -> changed());
            changed(); // the status bar learns that the signer runs
        }
        return open;
    }

    /** The wallet's network (picked at first run, changed in Settings), as the builder and the approval see it. */
    private NetworkProfile profile() throws Exception {
        if (devnetDirectory.isEmpty() && wallet.network() instanceof NetworkChoice.LocalDevnet) {
            throw new WalletException(WalletException.Kind.NETWORK, "this app has no local devnet configured");
        }
        return new WalletNetwork(wallet, devnetDirectory.orElseGet(Networks::defaultDevnetDir)).profile();
    }

    /** The workspace if it is open, without waiting for an opening in progress (the status bar asks on the FX thread). */
    public Optional<WalletWorkspace> ifOpen() {
        return Optional.ofNullable(open);
    }

    @Override
    public synchronized void release() {
        if (open != null) {
            WalletWorkspace closing = open;
            open = null;
            closing.close();
            changed();
        }
    }

    /** Tells the screens to reload. */
    void changed() {
        listeners.forEach(Runnable::run);
    }

    Executor background() {
        return background;
    }

    @Override
    public PortfolioPort portfolio() {
        return new LivePortfolio(this);
    }

    @Override
    public SessionsPort sessions() {
        return new LiveSessions(this);
    }

    @Override
    public TradePort trade() {
        return new LiveTrade(this);
    }

    @Override
    public PairPort pairs() {
        return new LivePairs(this);
    }

    @Override
    public ActivityPort activity() {
        return new LiveActivity(this);
    }

    @Override
    public ChangeFeed changes() {
        return listener -> {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        };
    }
}
