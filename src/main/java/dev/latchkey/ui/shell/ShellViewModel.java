package dev.latchkey.ui.shell;

import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.common.WalletSession;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The unlocked app: the selected section, the owner address, and the status bar (network and signer are
 * placeholders until the network settings and the signer of issue 05 are wired). Lock returns to Unlock.
 */
public final class ShellViewModel implements Activatable {

    private final WalletSession wallet;
    private final AsyncAction load;
    private final Runnable onLocked;

    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.PORTFOLIO);
    private final ReadOnlyStringWrapper owner = new ReadOnlyStringWrapper(this, "owner", "");
    private final ReadOnlyStringWrapper network = new ReadOnlyStringWrapper(this, "network", "Network: not connected");
    private final ReadOnlyStringWrapper signer = new ReadOnlyStringWrapper(this, "signer", "Signer: not running");

    public ShellViewModel(WalletSession wallet, AsyncAction load, Runnable onLocked) {
        this.wallet = Objects.requireNonNull(wallet);
        this.load = Objects.requireNonNull(load);
        this.onLocked = Objects.requireNonNull(onLocked);
    }

    @Override
    public void activate() {
        signer.set(wallet.isUnlocked() ? "Signer: not running (issue 05)" : "Signer: locked");
        load.run(progress -> wallet.ownerAddress().orElse(""),
                address -> owner.set(address.isEmpty() ? "No owner key" : "Owner " + address),
                failure -> owner.set(UserMessages.describe(failure)));
    }

    @Override
    public void deactivate() {
        owner.set("");
    }

    /** Locks the wallet (wipes the key from memory) and goes back to Unlock. */
    public void onLock() {
        wallet.lock();
        signer.set("Signer: locked");
        onLocked.run();
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ReadOnlyStringProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty networkProperty() {
        return network.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty signerProperty() {
        return signer.getReadOnlyProperty();
    }
}
