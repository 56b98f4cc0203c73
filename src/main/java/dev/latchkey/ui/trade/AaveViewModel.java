package dev.latchkey.ui.trade;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.trade.build.AaveIntent;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.Formats;
import dev.latchkey.ui.common.Reloader;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.trade.HealthFactors.Action;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Aave panel: an asset and an amount, and one button per action (supply, withdraw, borrow, repay), each with the
 * health factor now and after (estimated, see {@link HealthFactors}) and the session that would sign it.
 */
public final class AaveViewModel implements Activatable {

    /** One action's row: its button label, the health factor before → after, and its session line. */
    public record Row(Action action, String label, String health, boolean risky, String cover, boolean covered) {
    }

    private final TradePort port;
    private final TradeNotices notices;
    private final Reloader<TradePort.AaveState> state;
    private final Reloader<Map<Action, TradePort.Cover>> covers;

    private final ObservableList<Token> assets = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would drop its listeners with the wrapper (weak). */
    private final ObservableList<Token> assetsReadOnly = FXCollections.unmodifiableObservableList(assets);
    private final ObjectProperty<Token> asset = new SimpleObjectProperty<>(this, "asset");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final ReadOnlyStringWrapper amountHint = new ReadOnlyStringWrapper(this, "amountHint", "");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would drop its listeners with the wrapper (weak). */
    private final ObservableList<Row> rowsReadOnly = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper lastResult = new ReadOnlyStringWrapper(this, "lastResult", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private TradePort.AaveState current;
    private Map<Action, TradePort.Cover> coverByAction = Map.of();

    AaveViewModel(TradePort port, AsyncAction loading, AsyncAction covering, TradeNotices notices) {
        this.port = Objects.requireNonNull(port);
        this.notices = Objects.requireNonNull(notices);
        this.state = new Reloader<>(loading, () -> progress -> port.aave(), s -> {
            current = s;
            error.set("");
            render();
        }, failure -> error.set(UserMessages.describe(failure)));
        this.covers = new Reloader<>(covering, this::coverWork, c -> {
            coverByAction = c;
            render();
        }, failure -> error.set(UserMessages.describe(failure)));
        asset.addListener((obs, o, n) -> inputsChanged());
        amount.addListener((obs, o, n) -> inputsChanged());
    }

    void setAssets(List<Token> available) {
        assets.setAll(available);
        if (asset.get() == null || !available.contains(asset.get())) {
            asset.set(available.isEmpty() ? null : available.get(0));
        }
    }

    /** Reads the position again (after a trade or on activation). */
    void reload() {
        state.request();
    }

    public void onAction(Action action) {
        Optional<BigInteger> raw = parsed();
        if (raw.isEmpty()) {
            return;
        }
        AaveIntent intent = intent(action, raw.get());
        String title = label(action) + " " + amount.get().trim() + " " + asset.get().symbol() + " on Aave";
        lastResult.set(title + ": sent to the signer…");
        notices.follow(title, port.aave(intent), lastResult::set);
    }

    private void inputsChanged() {
        render();
        if (parsed().isPresent()) {
            covers.request();
        } else {
            coverByAction = Map.of();
        }
    }

    private AsyncAction.Work<Map<Action, TradePort.Cover>> coverWork() {
        Optional<BigInteger> raw = parsed();
        if (raw.isEmpty()) {
            return progress -> Map.of();
        }
        Map<Action, AaveIntent> intents = new EnumMap<>(Action.class);
        for (Action a : Action.values()) {
            intents.put(a, intent(a, raw.get()));
        }
        return progress -> {
            Map<Action, TradePort.Cover> out = new EnumMap<>(Action.class);
            for (Map.Entry<Action, AaveIntent> e : intents.entrySet()) {
                out.put(e.getKey(), port.aaveCover(e.getValue()));
            }
            return out;
        };
    }

    private void render() {
        if (current == null || asset.get() == null) {
            rows.clear();
            return;
        }
        var p = current.position();
        position.set("Collateral " + Formats.usd(p.totalCollateralBase()) + "  ·  debt " + Formats.usd(p.totalDebtBase())
                + "  ·  health factor " + Formats.healthFactor(HealthFactors.now(p)));
        Optional<TradePort.AaveAsset> market = current.assets().stream().filter(a -> a.token().equals(asset.get())).findFirst();
        Optional<BigInteger> raw = parsed();
        List<Row> out = new ArrayList<>();
        for (Action a : Action.values()) {
            String health = "Health factor " + Formats.healthFactor(HealthFactors.now(p));
            boolean risky = false;
            if (raw.isPresent() && market.isPresent()) {
                BigInteger after = HealthFactors.after(p, market.get(), a, raw.get());
                health += " → " + Formats.healthFactor(after);
                risky = HealthFactors.liquidatable(after);
            }
            TradePort.Cover c = coverByAction.get(a);
            out.add(new Row(a, label(a), health, risky, c == null ? "" : Covers.describe(c), c != null && Covers.usable(c)));
        }
        rows.setAll(out);
    }

    private Optional<BigInteger> parsed() {
        Token t = asset.get();
        String text = amount.get();
        if (t == null || text == null || text.isBlank()) {
            amountHint.set("");
            return Optional.empty();
        }
        try {
            BigInteger raw = Amounts.toUnits("amount", text, t);
            if (raw.signum() == 0) {
                amountHint.set("must be greater than 0");
                return Optional.empty();
            }
            amountHint.set("");
            return Optional.of(raw);
        } catch (FieldException e) {
            amountHint.set(e.getMessage().replaceFirst("^amount: ", ""));
            return Optional.empty();
        }
    }

    private AaveIntent intent(Action action, BigInteger raw) {
        String symbol = asset.get().symbol();
        return switch (action) {
            case SUPPLY -> new AaveIntent.Supply(symbol, raw);
            case WITHDRAW -> new AaveIntent.Withdraw(symbol, raw);
            case BORROW -> new AaveIntent.Borrow(symbol, raw);
            case REPAY -> new AaveIntent.Repay(symbol, raw);
        };
    }

    static String label(Action a) {
        String n = a.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    @Override
    public void activate() {
        state.request();
    }

    @Override
    public void deactivate() {
    }

    public ObservableList<Token> assets() {
        return assetsReadOnly;
    }

    public ObjectProperty<Token> assetProperty() {
        return asset;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public ReadOnlyStringProperty amountHintProperty() {
        return amountHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rowsReadOnly;
    }

    public ReadOnlyStringProperty lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public AsyncAction loading() {
        return state.action();
    }
}
