package dev.latchkey.ui.trade;

import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.Formats;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.Reloader;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.wallet.TradeResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Uniswap panel's view of the chain around the selected pair: the account's balances and the pool price (loaded
 * in the background, coalesced), and, after an included swap, what was received at which price.
 */
final class PairInfo {

    private final PairPort port;
    private final FxExecutor fx;
    private final Supplier<TradePort.Pair> pair;
    private final Reloader<PairPort.PairState> loader;
    private final ReadOnlyStringWrapper balances = new ReadOnlyStringWrapper(this, "balances", "");
    private final ReadOnlyStringWrapper price = new ReadOnlyStringWrapper(this, "price", "");
    private final ReadOnlyStringWrapper fill = new ReadOnlyStringWrapper(this, "fill", "");
    private final ReadOnlyBooleanWrapper canMax = new ReadOnlyBooleanWrapper(this, "canMax");
    private Supplier<Boolean> buying = () -> true;
    private PairPort.PairState state;

    PairInfo(PairPort port, AsyncAction loading, FxExecutor fx, Supplier<TradePort.Pair> pair) {
        this.port = port;
        this.fx = fx;
        this.pair = pair;
        this.loader = new Reloader<>(loading, this::work, this::show, failure -> {
            state = null;
            balances.set("Balances unavailable: " + UserMessages.describe(failure));
            price.set("");
            canMax.set(false);
        });
    }

    void buyingBy(Supplier<Boolean> buy) {
        this.buying = buy;
    }

    /** Forgets the old pair's numbers and reads the current pair's. */
    void reload(boolean pairChanged) {
        if (pairChanged) {
            state = null;
            balances.set("");
            price.set("");
        }
        updateMax();
        if (pair.get() != null) loader.request();
    }

    /** The balance of the token spent on the current side, when known. */
    Optional<BigInteger> spentBalance() {
        if (state == null || pair.get() == null) return Optional.empty();
        return buying.get() ? state.quote() : state.base();
    }

    void updateMax() {
        canMax.set(spentBalance().map(b -> b.signum() > 0).orElse(false));
    }

    /**
     * Follows a click: when it is included, reads what the account received of the token bought and words the fill
     * against the pool price shown at the click.
     */
    void follow(CompletableFuture<TradeResult> pending, boolean buy, BigInteger spent) {
        fill.set("");
        TradePort.Pair p = pair.get();
        Optional<BigDecimal> mid = Optional.ofNullable(state).flatMap(PairPort.PairState::price);
        pending.thenAccept(result -> {
            if (result instanceof TradeResult.Included i && i.success()) {
                port.received(i.transactionHash(), buy ? p.base() : p.quote()).thenAccept(got -> fx.execute(() -> fill.set(got
                        .map(r -> SwapAmounts.fill(p, buy, spent, r, mid))
                        .orElse("Included; the amount received could not be read from the receipt"))));
            }
        });
    }

    private AsyncAction.Work<PairPort.PairState> work() {
        TradePort.Pair p = pair.get();
        return progress -> port.state(p);
    }

    private void show(PairPort.PairState loaded) {
        TradePort.Pair p = pair.get();
        if (p == null) return;
        state = loaded;
        String base = loaded.base().map(b -> Formats.amount(b, p.base().decimals(), p.base().symbol())).orElse("? " + p.base().symbol());
        String quote = loaded.quote().map(b -> Formats.amount(b, p.quote().decimals(), p.quote().symbol())).orElse("? " + p.quote().symbol());
        balances.set("You hold " + base + " · " + quote);
        price.set(loaded.price().map(v -> SwapAmounts.price(v, p) + (loaded.source().isEmpty() ? "" : " · " + loaded.source()))
                .orElse("No pool price"));
        updateMax();
    }

    ReadOnlyStringProperty balancesProperty() {
        return balances.getReadOnlyProperty();
    }

    ReadOnlyStringProperty priceProperty() {
        return price.getReadOnlyProperty();
    }

    ReadOnlyStringProperty fillProperty() {
        return fill.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canMaxProperty() {
        return canMax.getReadOnlyProperty();
    }
}
