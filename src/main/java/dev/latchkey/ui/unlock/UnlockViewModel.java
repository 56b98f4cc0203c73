package dev.latchkey.ui.unlock;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.common.WalletSession;
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
    private final Runnable onUnlocked;

    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper walletPath = new ReadOnlyStringWrapper(this, "walletPath", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper throttled = new ReadOnlyBooleanWrapper(this, "throttled");
    private final ReadOnlyBooleanWrapper canUnlock = new ReadOnlyBooleanWrapper(this, "canUnlock");

    public UnlockViewModel(WalletSession wallet, AsyncAction unlock, Runnable onUnlocked) {
        this.wallet = Objects.requireNonNull(wallet);
        this.unlock = Objects.requireNonNull(unlock);
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
            progress.update(-1, "Deriving the key with Argon2id");
            wallet.unlock(pw);
            return Boolean.TRUE;
        }, ok -> {
            password.set("");
            throttled.set(false);
            onUnlocked.run();
        }, failure -> {
            password.set("");
            throttled.set(failure instanceof KeystoreException.UnlockThrottledException);
            error.set(UserMessages.describe(failure));
        });
    }

    private void update() {
        canUnlock.set(!password.get().isEmpty() && !unlock.isRunning());
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
