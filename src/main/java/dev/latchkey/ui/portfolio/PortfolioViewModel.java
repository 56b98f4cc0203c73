package dev.latchkey.ui.portfolio;

import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.Formats;
import dev.latchkey.ui.common.Reloader;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.common.ChangeFeed;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.wallet.AavePosition;
import dev.latchkey.wallet.AccountView;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Portfolio: the smart account's address (copy), whether it is deployed or still counterfactual, ETH and token
 * balances, the Aave position with its health factor, and the devnet faucet. Loads in the background on activation
 * and whenever the wallet reports a change; the faucet runs with progress.
 */
public final class PortfolioViewModel implements Activatable {

    /** How safe the Aave position is, for the health factor's colour. */
    public enum Health { NONE, SAFE, WARNING, DANGER }

    /** One balance row: symbol, amount for display, raw units. */
    public record Balance(String symbol, String amount, BigInteger raw) {
    }

    /** One Aave reserve the account uses. */
    public record Reserve(String symbol, String supplied, String borrowed) {
    }

    private static final BigInteger SAFE = new BigInteger("1500000000000000000");
    private static final BigInteger WARNING = new BigInteger("1100000000000000000");

    private final PortfolioPort port;
    private final AsyncAction fund;
    /** Whether the network has the devnet faucet (else the button deploys the account). */
    private boolean faucet;
    private final Consumer<String> clipboard;
    private final ChangeFeed changes;
    private final FxExecutor fx;
    private final Reloader<PortfolioPort.Snapshot> reloader;
    private ChangeFeed.Subscription subscription;

    private final ReadOnlyStringWrapper network = new ReadOnlyStringWrapper(this, "network", "");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper(this, "address", "");
    private final ReadOnlyStringWrapper owner = new ReadOnlyStringWrapper(this, "owner", "");
    private final ReadOnlyObjectWrapper<Boolean> deployed = new ReadOnlyObjectWrapper<>(this, "deployed");
    private final ReadOnlyStringWrapper deployment = new ReadOnlyStringWrapper(this, "deployment", "");
    private final ObservableList<Balance> balances = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would drop its listeners with the wrapper (weak). */
    private final ObservableList<Balance> balancesReadOnly = FXCollections.unmodifiableObservableList(balances);
    private final ReadOnlyBooleanWrapper aaveAvailable = new ReadOnlyBooleanWrapper(this, "aaveAvailable");
    private final ReadOnlyStringWrapper collateral = new ReadOnlyStringWrapper(this, "collateral", "");
    private final ReadOnlyStringWrapper debt = new ReadOnlyStringWrapper(this, "debt", "");
    private final ReadOnlyStringWrapper borrowable = new ReadOnlyStringWrapper(this, "borrowable", "");
    private final ReadOnlyStringWrapper healthFactor = new ReadOnlyStringWrapper(this, "healthFactor", "");
    private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>(this, "health", Health.NONE);
    private final ObservableList<Reserve> reserves = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would drop its listeners with the wrapper (weak). */
    private final ObservableList<Reserve> reservesReadOnly = FXCollections.unmodifiableObservableList(reserves);
    private final ReadOnlyBooleanWrapper faucetAvailable = new ReadOnlyBooleanWrapper(this, "faucetAvailable");
    private final ReadOnlyStringWrapper faucetLabel = new ReadOnlyStringWrapper(this, "faucetLabel", "Get test funds");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    public PortfolioViewModel(PortfolioPort port, AsyncAction load, AsyncAction fund, Consumer<String> clipboard,
                              ChangeFeed changes, FxExecutor fx) {
        this.port = Objects.requireNonNull(port);
        this.fund = Objects.requireNonNull(fund);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.changes = Objects.requireNonNull(changes);
        this.fx = Objects.requireNonNull(fx);
        this.reloader = new Reloader<>(load, () -> progress -> port.load(), this::show, this::showError);
    }

    @Override
    public void activate() {
        subscription = changes.subscribe(() -> fx.execute(reloader::request));
        reloader.request();
    }

    @Override
    public void deactivate() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    public void onRefresh() {
        notice.set("");
        reloader.request();
    }

    /**
     * The account button: on the devnet the faucet funds and deploys the account; elsewhere an account that is not
     * deployed yet is deployed by one owner operation paid from its own ETH.
     */
    public void onFund() {
        if (!faucetAvailable.get()) {
            return;
        }
        notice.set("");
        if (!faucet) {
            fund.run(port::deploy, snapshot -> {
                show(snapshot);
                notice.set(snapshot.account().deployed() ? "The account is deployed." : "The account is still not deployed.");
            }, this::showError);
            return;
        }
        fund.run(port::fund, snapshot -> {
            show(snapshot);
            notice.set("Test funds received: " + snapshot.funding() + ".");
        }, this::showError);
    }

    public void onCopyAddress() {
        if (!address.get().isEmpty()) {
            clipboard.accept(address.get());
            notice.set("Address copied.");
        }
    }

    private void show(PortfolioPort.Snapshot s) {
        AccountView a = s.account();
        error.set("");
        network.set(a.network() + " (chain " + a.chainId() + ")");
        address.set(a.address().checksummed());
        owner.set("Owner key " + a.owner().checksummed());
        deployed.set(a.deployed());
        deployment.set(a.deployed() ? "Deployed"
                : "Counterfactual: the address is reserved; the account contract is created by its first operation"
                + (s.faucet() ? " or by the faucet" : "; send it ETH, then deploy it here"));
        List<Balance> rows = new ArrayList<>();
        rows.add(new Balance("ETH", Formats.amount(a.ethWei(), 18), a.ethWei()));
        a.tokens().forEach(t -> rows.add(new Balance(t.symbol(), Formats.amount(t.raw(), t.decimals()), t.raw())));
        balances.setAll(rows);
        aaveAvailable.set(a.aave().isPresent());
        a.aave().ifPresentOrElse(this::showAave, () -> {
            collateral.set("");
            debt.set("");
            borrowable.set("");
            healthFactor.set("No Aave market on this network");
            health.set(Health.NONE);
            reserves.clear();
        });
        faucet = s.faucet();
        faucetAvailable.set(s.faucet() || !a.deployed());
        faucetLabel.set(s.faucet() ? "Get test funds (" + s.funding() + ")"
                : a.deployed() ? "Faucet: local devnet only" : "Deploy the account (paid from its ETH)");
        loaded.set(true);
    }

    private void showAave(AavePosition p) {
        collateral.set(Formats.usd(p.totalCollateralBase()));
        debt.set(Formats.usd(p.totalDebtBase()));
        borrowable.set(Formats.usd(p.availableBorrowsBase()));
        if (p.healthFactor().isEmpty()) {
            healthFactor.set("∞ (no debt)");
            health.set(Health.NONE);
        } else {
            healthFactor.set(Formats.healthFactor(p.healthFactorWad()));
            BigInteger hf = p.healthFactorWad();
            health.set(hf.compareTo(SAFE) >= 0 ? Health.SAFE : hf.compareTo(WARNING) >= 0 ? Health.WARNING : Health.DANGER);
        }
        reserves.setAll(p.reserves().stream().map(r -> new Reserve(r.symbol(), Formats.amount(r.supplied(), r.decimals()),
                Formats.amount(r.borrowed(), r.decimals()))).toList());
    }

    private void showError(Throwable failure) {
        error.set(UserMessages.describe(failure));
    }

    public ReadOnlyStringProperty networkProperty() {
        return network.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    /** Null until loaded. */
    public ReadOnlyObjectProperty<Boolean> deployedProperty() {
        return deployed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deploymentProperty() {
        return deployment.getReadOnlyProperty();
    }

    public ObservableList<Balance> balances() {
        return balancesReadOnly;
    }

    public ReadOnlyBooleanProperty aaveAvailableProperty() {
        return aaveAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty collateralProperty() {
        return collateral.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty debtProperty() {
        return debt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty borrowableProperty() {
        return borrowable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty healthFactorProperty() {
        return healthFactor.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public ObservableList<Reserve> reserves() {
        return reservesReadOnly;
    }

    public ReadOnlyBooleanProperty faucetAvailableProperty() {
        return faucetAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty faucetLabelProperty() {
        return faucetLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Short feedback after copy or the faucet. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Loading state, for the progress indicator. */
    public AsyncAction loading() {
        return reloader.action();
    }

    /** The faucet's progress. */
    public AsyncAction funding() {
        return fund;
    }
}
