package dev.latchkey.ui.unlock;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.NetworkChoice;
import dev.latchkey.ui.common.Ticker;
import dev.latchkey.ui.common.UnattendedWork;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.firstrun.DevnetStarter;
import java.time.Duration;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Unlock: one password field; Argon2id runs in the background. A wrong password, or the keystore's back-off after
 * repeated failures, is reported right under the field, and the field is cleared for the next attempt. Above it, the
 * screen says what still runs while locked: after the auto-lock with rules to run, "3 rules active, signer running
 * with session keys only" (refreshed while shown) and Stop and lock, which locks the whole wallet; else that nothing
 * runs (docs/security.md).
 */
public final class UnlockViewModel implements Activatable {

    private final WalletSession wallet;
    private final AsyncAction unlock;
    private final DevnetStarter devnet;
    private final Runnable onUnlocked;

    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper walletPath = new ReadOnlyStringWrapper(this, "walletPath", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper throttled = new ReadOnlyBooleanWrapper(this, "throttled");
    private final ReadOnlyBooleanWrapper canUnlock = new ReadOnlyBooleanWrapper(this, "canUnlock");
    private final ReadOnlyStringWrapper running = new ReadOnlyStringWrapper(this, "running", "");
    private final ReadOnlyBooleanWrapper away = new ReadOnlyBooleanWrapper(this, "away");
    private final Ticker ticker;
    private final FxExecutor fx;
    private final AsyncAction refresh;
    private Ticker.Repeating refreshing;

    public UnlockViewModel(WalletSession wallet, AsyncAction unlock, Runnable onUnlocked) {
        this(wallet, unlock, step -> { }, onUnlocked);
    }

    /**
     * {@code devnet} makes sure the local devnet runs (a relaunched app finds it stopped: the app that started it
     * stopped it on quit); it is asked after the unlock when the wallet's network is the devnet.
     */
    public UnlockViewModel(WalletSession wallet, AsyncAction unlock, DevnetStarter devnet, Runnable onUnlocked) {
        this(wallet, unlock, devnet, onUnlocked, (interval, task) -> () -> { }, FxExecutor.direct(), unlock);
    }

    /** {@code ticker} (its task handed to {@code fx}) and {@code refresh} re-read what runs while shown, every 5 s. */
    public UnlockViewModel(WalletSession wallet, AsyncAction unlock, DevnetStarter devnet, Runnable onUnlocked, Ticker ticker,
                           FxExecutor fx, AsyncAction refresh) {
        this.ticker = Objects.requireNonNull(ticker);
        this.fx = Objects.requireNonNull(fx);
        this.refresh = Objects.requireNonNull(refresh);
        this.wallet = Objects.requireNonNull(wallet);
        this.unlock = Objects.requireNonNull(unlock);
        this.devnet = Objects.requireNonNull(devnet);
        this.onUnlocked = Objects.requireNonNull(onUnlocked);
        password.addListener((obs, o, n) -> update());
        unlock.runningProperty().addListener((obs, o, n) -> update());
        update();
    }

    @Override
    public void activate() {
        walletPath.set(wallet.walletFile().map(Object::toString).orElse(""));
        show(wallet.away());
        if (refreshing == null) {
            refreshing = ticker.every(Duration.ofSeconds(5), () -> fx.execute(this::onRefresh));
        }
    }

    @Override
    public void deactivate() {
        password.set("");
        if (refreshing != null) {
            refreshing.close();
            refreshing = null;
        }
    }

    /** Re-reads what runs (the engine may have finished a rule since the lock). */
    public void onRefresh() {
        refresh.run(p -> wallet.away().map(a -> wallet.unattendedNow()), this::show, failure -> { });
    }

    /** Away: stops the signer and the rules and locks the whole wallet (the DEK is zeroed). */
    public void onStopAndLock() {
        if (!away.get()) {
            return;
        }
        unlock.run(p -> {
            wallet.lock();
            return Boolean.TRUE;
        }, ok -> show(wallet.away()), failure -> error.set(UserMessages.describe(failure)));
    }

    private void show(java.util.Optional<UnattendedWork.Report> report) {
        away.set(report.isPresent());
        running.set(report.map(UnlockViewModel::sentence).orElse("Nothing runs while the wallet is locked: the signer and"
                + " the automation rules start again after unlock."));
    }

    /** "3 rules active, signer running with session keys only. …": what a person away from the app can rely on. */
    static String sentence(UnattendedWork.Report r) {
        String rules = r.activeRules() == 1 ? "1 rule active" : r.activeRules() + " rules active";
        String signer = r.signerRunning() ? "signer running with session keys only" : "signer stopped";
        return "While locked: " + rules + ", " + signer + ". The owner key is locked: new sessions, approvals and"
                + " revocations need the password.";
    }

    /** Tries the password in the background. */
    public void onUnlock() {
        if (!canUnlock.get()) {
            return;
        }
        char[] pw = password.get().toCharArray();
        error.set("");
        unlock.run(progress -> {
            if (!wallet.isUnlocked()) { // a retry after the devnet failed to start keeps the unlocked wallet
                progress.update(-1, "Deriving the key with Argon2id");
                wallet.unlock(pw);
            }
            if (wallet.network() instanceof NetworkChoice.LocalDevnet) {
                progress.update(-1, "Starting the local devnet");
                try {
                    devnet.start(step -> progress.update(-1, "Local devnet: " + step));
                } catch (Exception e) {
                    throw new DevnetUnavailable(UserMessages.describe(e), e);
                }
            }
            return Boolean.TRUE;
        }, ok -> {
            password.set("");
            throttled.set(false);
            onUnlocked.run();
        }, failure -> {
            password.set("");
            throttled.set(failure instanceof KeystoreException.UnlockThrottledException);
            error.set(failure instanceof DevnetUnavailable ? failure.getMessage() : UserMessages.describe(failure));
            update();
        });
    }

    /** The wallet is unlocked but its network, the local devnet, did not start: said with what to do. */
    static final class DevnetUnavailable extends Exception {
        DevnetUnavailable(String why, Throwable cause) {
            super("Unlocked, but the local devnet could not be started: " + why + ". Press Unlock to try again, or start it"
                    + " in a terminal with 'latchkey devnet up' (docs/devnet.md).", cause);
        }
    }

    private void update() {
        canUnlock.set((!password.get().isEmpty() || wallet.isUnlocked()) && !unlock.isRunning());
        if (!password.get().isEmpty() && !throttled.get()) {
            error.set("");
        }
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty walletPathProperty() {
        return walletPath.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty throttledProperty() {
        return throttled.getReadOnlyProperty();
    }

    /** What still runs while locked (or that nothing does). */
    public ReadOnlyStringProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Locked by the auto-lock while rules and the signer keep running. */
    public ReadOnlyBooleanProperty awayProperty() {
        return away.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUnlockProperty() {
        return canUnlock.getReadOnlyProperty();
    }

    public AsyncAction unlockAction() {
        return unlock;
    }
}
