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

    private final java.util.concurrent.Executor fx;

    public ShellViewModel(WalletSession wallet, AsyncAction load, Runnable onLocked) {
        this(wallet, load, onLocked, Runnable::run);
    }

    /** {@code fx} is where lock changes reported by other threads are applied (the FX executor in the app). */
    public ShellViewModel(WalletSession wallet, AsyncAction load, Runnable onLocked, java.util.concurrent.Executor fx) {
        this.fx = Objects.requireNonNull(fx);
        this.wallet = Objects.requireNonNull(wallet);
        this.load = Objects.requireNonNull(load);
        this.onLocked = Objects.requireNonNull(onLocked);
    }

    private AutoCloseable lockSubscription;

    @Override
    public void activate() {
        signer.set(signerText(wallet.isUnlocked()));
        // the wallet may lock from the auto-lock thread: the text follows on whatever thread told us; the app moves
        // the screen to Unlock on the FX thread
        lockSubscription = wallet.onLockChanged(unlocked -> fx.execute(() -> signer.set(signerText(unlocked))));
        record Loaded(String owner, String network) { }
        load.run(progress -> new Loaded(wallet.ownerAddress().orElse(""), wallet.network().describe()),
                loaded -> {
                    owner.set(loaded.owner().isEmpty() ? "No owner key" : "Owner " + loaded.owner());
                    network.set("Network: " + loaded.network());
                },
                failure -> owner.set(UserMessages.describe(failure)));
    }

    private static String signerText(boolean unlocked) {
        return unlocked ? "Signer: not running (the background signer of issue 05 is not wired yet)" : "Signer: locked";
    }

    @Override
    public void deactivate() {
        owner.set("");
        try {
            if (lockSubscription != null) lockSubscription.close();
        } catch (Exception ignored) {
            // removing a listener from a list does not fail
        }
    }

    /** Locks the wallet (wipes the key from memory) and goes back to Unlock. */
    public void onLock() {
        wallet.lock();
        signer.set(signerText(false));
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
