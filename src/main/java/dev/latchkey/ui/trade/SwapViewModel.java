package dev.latchkey.ui.trade;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.Formats;
import dev.latchkey.ui.common.FxExecutor;
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
 * and the session that would sign it, or why none would and a shortcut to build one. Around it: the account's balances
 * of the pair and the pool price (from the chain), Max, the pair remembered across visits, and after a fill what was
 * received at which price. The typed amount keeps its meaning across Buy/Sell: converted at the quote for exactly that
 * amount, or cleared, with a note saying which.
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
    private final ReadOnlyStringWrapper amountNote = new ReadOnlyStringWrapper(this, "amountNote", "");
    private final PairPort pairPort;
    private final PairInfo info;
    private TradePort.SwapPreview lastPreview;
    /** Set while the code (not the person) changes the pair or the amount: no remembering, no note cleared. */
    private boolean programmatic;

    SwapViewModel(TradePort port, AsyncAction quoting, TradeNotices notices, Runnable onBuildSession) {
        this(port, PairPort.NONE, quoting, quoting, notices, FxExecutor.direct(), onBuildSession);
    }

    SwapViewModel(TradePort port, PairPort pairPort, AsyncAction quoting, AsyncAction stateLoading, TradeNotices notices, FxExecutor fx,
                  Runnable onBuildSession) {
        this.pairPort = Objects.requireNonNull(pairPort);
        this.info = new PairInfo(pairPort, stateLoading, Objects.requireNonNull(fx), pair::get);
        info.buyingBy(() -> side.get() == Side.BUY);
        this.port = Objects.requireNonNull(port);
        this.notices = Objects.requireNonNull(notices);
        this.onBuildSession = Objects.requireNonNull(onBuildSession);
        this.quoter = new Reloader<>(quoting, this::quoteWork, this::showQuote, failure -> {
            quote.set(UserMessages.describe(failure));
            cover.set("");
            covered.set(false);
        });
        pair.addListener((obs, o, n) -> pairChanged(o, n));
        side.addListener((obs, o, n) -> sideChanged(o));
        amount.addListener((obs, o, n) -> {
            if (!programmatic) amountNote.set("");
            inputsChanged();
        });
        slippage.addListener((obs, o, n) -> inputsChanged());
    }

    void setPairs(List<TradePort.Pair> available) {
        setPairs(available, Optional.empty());
    }

    /** The network's pairs; keeps the pair shown, else the one picked last on this wallet, else the first. */
    void setPairs(List<TradePort.Pair> available, Optional<String> remembered) {
        TradePort.Pair keep = pair.get();
        programmatic = true;
        try {
            pairs.setAll(available); // a ComboBox bound to the pair clears it here
            TradePort.Pair next = keep != null && available.contains(keep) ? keep
                    : remembered.flatMap(l -> available.stream().filter(p -> p.label().equals(l)).findFirst())
                    .orElse(available.isEmpty() ? null : available.get(0));
            pair.set(next);
        } finally {
            programmatic = false;
        }
    }

    /** Puts the whole balance of the token spent in the amount field. */
    public void onMax() {
        Optional<BigInteger> held = info.spentBalance();
        if (held.isPresent() && held.get().signum() > 0) {
            amount.set(SwapAmounts.max(held.get(), spent()));
        }
    }

    private void pairChanged(TradePort.Pair was, TradePort.Pair now) {
        if (!programmatic && now != null) {
            pairPort.rememberPair(now.label());
        }
        if (was != null && now != null && !spentOf(was, side.get()).equals(spentOf(now, side.get()))) {
            clearAmount(spentOf(was, side.get()));
        }
        info.reload(true);
        inputsChanged();
    }

    /** The typed amount was in the token spent before: carried over at the quote, or cleared. */
    private void sideChanged(Side was) {
        TradePort.Pair p = pair.get();
        if (p == null || amount.get() == null || amount.get().isBlank()) {
            inputsChanged();
            return;
        }
        Token before = spentOf(p, was);
        Optional<String> converted;
        try {
            converted = SwapAmounts.convertedAtQuote(lastPreview, before, Amounts.toUnits("amount", amount.get(), before));
        } catch (FieldException e) {
            converted = Optional.empty();
        }
        if (converted.isPresent()) {
            String typed = amount.get().trim();
            setAmount(converted.get());
            amountNote.set("Converted at the quote: " + typed + " " + before.symbol() + " ≈ " + converted.get() + " " + spent().symbol());
        } else {
            clearAmount(before);
        }
        inputsChanged();
    }

    private void clearAmount(Token was) {
        if (amount.get() == null || amount.get().isBlank()) return;
        String typed = amount.get().trim();
        setAmount("");
        amountNote.set("Cleared the amount: " + typed + " was " + was.symbol() + "; you now spend " + spent().symbol());
    }

    private void setAmount(String text) {
        programmatic = true;
        try {
            amount.set(text);
        } finally {
            programmatic = false;
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
        java.util.concurrent.CompletableFuture<dev.latchkey.wallet.TradeResult> pending = port.swap(intent.get());
        info.follow(pending, side.get() == Side.BUY, intent.get().amount());
        notices.follow(title, pending, lastResult::set);
    }

    /** Quotes again and re-reads the balances (the pool moved after a trade). */
    void refresh() {
        info.reload(false);
        inputsChanged();
    }

    private static Token spentOf(TradePort.Pair p, Side s) {
        return s == Side.BUY ? p.quote() : p.base();
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
        info.updateMax();
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
        lastPreview = p;
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

    /** "Converted at the quote: …" or "Cleared the amount: …" after Buy/Sell or the pair changed the token spent. */
    public ReadOnlyStringProperty amountNoteProperty() {
        return amountNote.getReadOnlyProperty();
    }

    /** The pair's balances and price from the chain, Max, and the last fill. */
    PairInfo info() {
        return info;
    }

    /** What became of the last click, one line. */
    public ReadOnlyStringProperty lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    public AsyncAction quoting() {
        return quoter.action();
    }
}
