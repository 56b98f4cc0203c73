package dev.latchkey.ui.trade;

import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.notifications.NotificationsViewModel;
import dev.latchkey.ui.common.ChangeFeed;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Trade: the markets of the network, a Uniswap panel ({@link SwapViewModel}) and an Aave panel
 * ({@link AaveViewModel}). Every click becomes an intent for the background signer; its progress and result appear
 * as a notification (and in Activity, which the signer writes).
 */
public final class TradeViewModel implements Activatable {

    private final TradePort port;
    private final PairPort pairs;

    /** The markets and the pair picked last, read together in the background. */
    private record Loaded(TradePort.Market market, java.util.Optional<String> lastPair) {
    }
    private final AsyncAction market;
    private final ChangeFeed changes;
    private final FxExecutor fx;
    private final SwapViewModel swap;
    private final AaveViewModel aave;
    private final ReadOnlyStringWrapper network = new ReadOnlyStringWrapper(this, "network", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private ChangeFeed.Subscription subscription;

    /**
     * @param actions a fresh {@link AsyncAction} per background job (market, quotes, Aave position, Aave covers)
     */
    public TradeViewModel(TradePort port, Supplier<AsyncAction> actions, NotificationsViewModel notifications, ChangeFeed changes,
                          FxExecutor fx, Runnable onBuildSession) {
        this(port, PairPort.NONE, actions, notifications, changes, fx, onBuildSession);
    }

    /** {@code pairs}: balances and price of the selected pair, fills, the pair remembered on this wallet. */
    public TradeViewModel(TradePort port, PairPort pairs, Supplier<AsyncAction> actions, NotificationsViewModel notifications,
                          ChangeFeed changes, FxExecutor fx, Runnable onBuildSession) {
        this.pairs = Objects.requireNonNull(pairs);
        this.port = Objects.requireNonNull(port);
        this.market = actions.get();
        this.changes = Objects.requireNonNull(changes);
        this.fx = Objects.requireNonNull(fx);
        TradeNotices notices = new TradeNotices(notifications, fx);
        this.swap = new SwapViewModel(port, pairs, actions.get(), actions.get(), notices, fx, onBuildSession);
        this.aave = new AaveViewModel(port, actions.get(), actions.get(), notices);
    }

    @Override
    public void activate() {
        if (subscription == null) {
            subscription = changes.subscribe(() -> fx.execute(() -> {
                aave.reload();
                swap.refresh();
            }));
        }
        market.run(progress -> new Loaded(port.market(), pairs.lastPair()), loaded -> {
            TradePort.Market m = loaded.market();
            error.set("");
            network.set(m.network());
            swap.setPairs(m.pairs(), loaded.lastPair());
            aave.setAssets(m.aaveAssets());
            swap.activate();
            aave.activate();
        }, failure -> error.set(UserMessages.describe(failure)));
    }

    @Override
    public void deactivate() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    /** Tries the markets again after an error (e.g. the devnet was started meanwhile). */
    public void onRetry() {
        activate();
    }

    public SwapViewModel swap() {
        return swap;
    }

    public AaveViewModel aave() {
        return aave;
    }

    public ReadOnlyStringProperty networkProperty() {
        return network.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public AsyncAction loading() {
        return market;
    }
}
