package dev.latchkey.ui.shell;

import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.status.StatusBarViewModel;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The unlocked app: the selected section, the owner address, and the status bar (its own view model, active while
 * the shell is). Lock returns to Unlock.
 */
public final class ShellViewModel implements Activatable {

    private final WalletSession wallet;
    private final AsyncAction load;
    private final Runnable onLocked;
    private final StatusBarViewModel statusBar;

    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.PORTFOLIO);
    private final ReadOnlyStringWrapper owner = new ReadOnlyStringWrapper(this, "owner", "");

    public ShellViewModel(WalletSession wallet, AsyncAction load, Runnable onLocked, StatusBarViewModel statusBar) {
        this.wallet = Objects.requireNonNull(wallet);
        this.load = Objects.requireNonNull(load);
        this.onLocked = Objects.requireNonNull(onLocked);
        this.statusBar = Objects.requireNonNull(statusBar);
    }

    @Override
    public void activate() {
        statusBar.activate();
        load.run(progress -> wallet.ownerAddress().orElse(""),
                address -> owner.set(address.isEmpty() ? "No owner key" : "Owner " + address),
                failure -> owner.set(UserMessages.describe(failure)));
    }

    @Override
    public void deactivate() {
        statusBar.deactivate();
        owner.set("");
    }

    /** Locks the wallet (wipes the key from memory) and goes back to Unlock. */
    public void onLock() {
        wallet.lock();
        onLocked.run();
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ReadOnlyStringProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }
}
