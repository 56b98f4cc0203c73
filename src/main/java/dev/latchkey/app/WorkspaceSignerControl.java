package dev.latchkey.app;

import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.status.SignerControl;
import dev.latchkey.ui.status.SignerMode;
import dev.latchkey.ui.common.ChangeFeed;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The status bar's view of the background signer the workspace runs: locked while the wallet is locked, off until the
 * workspace is open (first use after unlock), then what the open workspace's {@link SignerServiceControl} says
 * (running or paused; pause stops the signer, open journal rows stay and are resumed by the next start).
 */
final class WorkspaceSignerControl implements SignerControl {

    private final WalletSession wallet;
    private final LiveWorkspace workspace;
    private WalletWorkspace controlled;
    private SignerServiceControl control;

    WorkspaceSignerControl(WalletSession wallet, LiveWorkspace workspace) {
        this.wallet = wallet;
        this.workspace = workspace;
    }

    @Override
    public SignerMode mode() {
        if (!wallet.isUnlocked()) {
            return SignerMode.LOCKED;
        }
        Optional<WalletWorkspace> open = workspace.ifOpen();
        return open.isEmpty() ? SignerMode.OFF : control(open.get()).mode();
    }

    @Override
    public void pause() {
        control(running()).pause();
        workspace.changed();
    }

    @Override
    public void resume() throws Exception {
        control(running()).resume();
        workspace.changed();
    }

    @Override
    public AutoCloseable subscribe(Consumer<SignerMode> listener) {
        ChangeFeed.Subscription changes = workspace.changes().subscribe(() -> listener.accept(mode()));
        AutoCloseable locks = wallet.onLockChanged(unlocked -> listener.accept(mode()));
        return () -> {
            changes.close();
            locks.close();
        };
    }

    /** One control per opened workspace (a new one after each unlock), so a pause never outlives its signer. */
    private synchronized SignerServiceControl control(WalletWorkspace w) {
        if (w != controlled) {
            controlled = w;
            control = new SignerServiceControl(w.signer(), wallet::isUnlocked, w::pauseAutomations, w::resumeAutomations);
        }
        return control;
    }

    private WalletWorkspace running() {
        return workspace.ifOpen().orElseThrow(() -> new IllegalStateException("the signer starts with the first use of the wallet"
                + " after unlock; open Portfolio or Trade"));
    }
}
