package dev.latchkey.ui.unlock;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.NetworkChoice;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.firstrun.DevnetStarter;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Unlock: one password field; Argon2id runs in the background. A wrong password, or the keystore's back-off after
 * repeated failures, is reported right under the field, and the field is cleared for the next attempt.
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

    public UnlockViewModel(WalletSession wallet, AsyncAction unlock, Runnable onUnlocked) {
        this(wallet, unlock, step -> { }, onUnlocked);
    }

    /**
     * {@code devnet} makes sure the local devnet runs (a relaunched app finds it stopped: the app that started it
     * stopped it on quit); it is asked after the unlock when the wallet's network is the devnet.
     */
    public UnlockViewModel(WalletSession wallet, AsyncAction unlock, DevnetStarter devnet, Runnable onUnlocked) {
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
    }

    @Override
    public void deactivate() {
        password.set("");
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

    public ReadOnlyBooleanProperty canUnlockProperty() {
        return canUnlock.getReadOnlyProperty();
    }

    public AsyncAction unlockAction() {
        return unlock;
    }
}
