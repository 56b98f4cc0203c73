package dev.latchkey.ui.trade;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.Formats;
import dev.latchkey.ui.common.Reloader;
import dev.latchkey.ui.common.UserMessages;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Uniswap panel: pick a pair and buy or sell its base token, one click on a preset or an amount typed in. The
 * quote for the typed amount is live (QuoterV2 on the current block) with the minimum output at the chosen slippage
 * and the session that would sign it, or why none would and a shortcut to build one.
 */
public final class SwapViewModel implements Activatable {

    /** Buy the pair's base token with its quote token, or sell it. */
    public enum Side { BUY, SELL }

    /** A one-click amount of the token being spent. */
    public record Preset(String amount, String label) {
    }

    private static final List<String> SMALL = List.of("0.01", "0.05", "0.1", "0.25");
    private static final List<String> STABLE = List.of("50", "100", "250", "500");

    private final TradePort port;
    private final TradeNotices notices;
    private final Runnable onBuildSession;
    private final Reloader<TradePort.SwapPreview> quoter;

    private final ObservableList<TradePort.Pair> pairs = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would drop its listeners with the wrapper (weak). */
    private final ObservableList<TradePort.Pair> pairsReadOnly = FXCollections.unmodifiableObservableList(pairs);
    private final ObjectProperty<TradePort.Pair> pair = new SimpleObjectProperty<>(this, "pair");
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(this, "side", Side.BUY);
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final StringProperty slippage = new SimpleStringProperty(this, "slippage", "0.5");
    private final ObservableList<Preset> presets = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would drop its listeners with the wrapper (weak). */
    private final ObservableList<Preset> presetsReadOnly = FXCollections.unmodifiableObservableList(presets);
    private final ReadOnlyStringWrapper amountHint = new ReadOnlyStringWrapper(this, "amountHint", "");
    private final ReadOnlyStringWrapper slippageHint = new ReadOnlyStringWrapper(this, "slippageHint", "");
    private final ReadOnlyStringWrapper actionLabel = new ReadOnlyStringWrapper(this, "actionLabel", "Swap");
    private final ReadOnlyStringWrapper spendUnit = new ReadOnlyStringWrapper(this, "spendUnit", "");
    private final ReadOnlyStringWrapper quote = new ReadOnlyStringWrapper(this, "quote", "");
    private final ReadOnlyStringWrapper cover = new ReadOnlyStringWrapper(this, "cover", "");
    private final ReadOnlyBooleanWrapper covered = new ReadOnlyBooleanWrapper(this, "covered");
    private final ReadOnlyBooleanWrapper noSession = new ReadOnlyBooleanWrapper(this, "noSession");
    private final ReadOnlyBooleanWrapper canSubmit = new ReadOnlyBooleanWrapper(this, "canSubmit");
    private final ReadOnlyStringWrapper lastResult = new ReadOnlyStringWrapper(this, "lastResult", "");

    SwapViewModel(TradePort port, AsyncAction quoting, TradeNotices notices, Runnable onBuildSession) {
        this.port = Objects.requireNonNull(port);
        this.notices = Objects.requireNonNull(notices);
        this.onBuildSession = Objects.requireNonNull(onBuildSession);
        this.quoter = new Reloader<>(quoting, this::quoteWork, this::showQuote, failure -> {
            quote.set(UserMessages.describe(failure));
            cover.set("");
            covered.set(false);
        });
        pair.addListener((obs, o, n) -> inputsChanged());
        side.addListener((obs, o, n) -> inputsChanged());
        amount.addListener((obs, o, n) -> inputsChanged());
        slippage.addListener((obs, o, n) -> inputsChanged());
    }

    void setPairs(List<TradePort.Pair> available) {
        pairs.setAll(available);
        if (pair.get() == null || !available.contains(pair.get())) {
            pair.set(available.isEmpty() ? null : available.get(0));
        }
    }

    /** One click: spend the preset amount now. */
    public void onPreset(Preset preset) {
        submit(preset.amount());
    }

    /** Spend the typed amount. */
    public void onSubmit() {
        if (canSubmit.get()) {
            submit(amount.get());
        }
    }

    public void onBuildSession() {
        onBuildSession.run();
    }

    private void submit(String amountText) {
        Optional<SwapIntent> intent = intent(amountText);
        if (intent.isEmpty()) {
            return;
        }
        Token from = spent();
        Token to = received();
        String title = (side.get() == Side.BUY ? "Buy " + to.symbol() + " with " : "Sell ") + amountText.trim() + " " + from.symbol()
                + (side.get() == Side.BUY ? "" : " for " + to.symbol());
        lastResult.set(title + ": sent to the signer…");
        notices.follow(title, port.swap(intent.get()), lastResult::set);
    }

    /** Quotes again (the pool moved after a trade). */
    void refresh() {
        inputsChanged();
    }

    private void inputsChanged() {
        TradePort.Pair p = pair.get();
        if (p == null) {
            presets.clear();
            actionLabel.set("Swap");
            spendUnit.set("");
            return;
        }
        Token from = spent();
        List<String> amounts = from.decimals() >= 18 && !from.symbol().contains("USD") && !from.symbol().equals("DAI") ? SMALL : STABLE;
        List<Preset> next = amounts.stream().map(a -> new Preset(a, a + " " + from.symbol())).toList();
        if (!next.equals(presets)) {
            presets.setAll(next); // unchanged presets keep their buttons (a click may be on its way)
        }
        actionLabel.set(side.get() == Side.BUY ? "Buy " + p.base().symbol() : "Sell " + p.base().symbol());
        spendUnit.set(from.symbol());
        Optional<SwapIntent> typed = intent(amount.get());
        canSubmit.set(typed.isPresent());
        if (typed.isPresent()) {
            quoter.request();
        } else {
            quote.set("");
            cover.set("");
            covered.set(false);
            noSession.set(false);
        }
    }

    /** Validates the inputs, setting the hints; empty when they do not make a swap. */
    private Optional<SwapIntent> intent(String amountText) {
        TradePort.Pair p = pair.get();
        if (p == null) {
            return Optional.empty();
        }
        int bps;
        try {
            bps = dev.latchkey.session.model.NumberText.decimal("slippage", slippage.get(), BigDecimal.valueOf(100)).movePointRight(2).intValueExact();
            slippageHint.set(bps < 0 || bps > SwapIntent.MAX_SLIPPAGE_BPS ? "0 to 50 %" : "");
        } catch (dev.latchkey.session.model.FieldException | ArithmeticException e) {
            slippageHint.set("a percentage with at most two decimals, e.g. 0.5");
            return Optional.empty();
        }
        if (!slippageHint.get().isEmpty()) {
            return Optional.empty();
        }
        if (amountText == null || amountText.isBlank()) {
            amountHint.set("");
            return Optional.empty();
        }
        try {
            BigInteger raw = Amounts.toUnits("amount", amountText, spent());
            SwapIntent intent = new SwapIntent(spent().symbol(), received().symbol(), raw, bps, p.fee());
            amountHint.set("");
            return Optional.of(intent);
        } catch (FieldException e) {
            amountHint.set(e.getMessage().replaceFirst("^amount: ", ""));
            return Optional.empty();
        }
    }

    private dev.latchkey.ui.common.AsyncAction.Work<TradePort.SwapPreview> quoteWork() {
        SwapIntent intent = intent(amount.get()).orElseThrow();
        return progress -> port.previewSwap(intent);
    }

    private void showQuote(TradePort.SwapPreview p) {
        quote.set("≈ " + Formats.amount(p.amountOut(), p.out().decimals(), p.out().symbol()) + "  ·  at least "
                + Formats.amount(p.amountOutMinimum(), p.out().decimals(), p.out().symbol()) + " after slippage");
        cover.set(Covers.describe(p.cover()));
        covered.set(Covers.usable(p.cover()));
        noSession.set(p.cover().session().isEmpty());
    }

    private Token spent() {
        return side.get() == Side.BUY ? pair.get().quote() : pair.get().base();
    }

    private Token received() {
        return side.get() == Side.BUY ? pair.get().base() : pair.get().quote();
    }

    @Override
    public void activate() {
        inputsChanged();
    }

    @Override
    public void deactivate() {
    }

    public ObservableList<TradePort.Pair> pairs() {
        return pairsReadOnly;
    }

    public ObjectProperty<TradePort.Pair> pairProperty() {
        return pair;
    }

    public ObjectProperty<Side> sideProperty() {
        return side;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty slippageProperty() {
        return slippage;
    }

    public ObservableList<Preset> presets() {
        return presetsReadOnly;
    }

    public ReadOnlyStringProperty amountHintProperty() {
        return amountHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty slippageHintProperty() {
        return slippageHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty actionLabelProperty() {
        return actionLabel.getReadOnlyProperty();
    }

    /** The symbol of the token spent, next to the amount field. */
    public ReadOnlyStringProperty spendUnitProperty() {
        return spendUnit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty quoteProperty() {
        return quote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty coverProperty() {
        return cover.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty coveredProperty() {
        return covered.getReadOnlyProperty();
    }

    /** No session covers the typed trade: the view offers "Build a session". */
    public ReadOnlyBooleanProperty noSessionProperty() {
        return noSession.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSubmitProperty() {
        return canSubmit.getReadOnlyProperty();
    }

    /** What became of the last click, one line. */
    public ReadOnlyStringProperty lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    public AsyncAction quoting() {
        return quoter.action();
    }
}
