package dev.latchkey.app;

import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.status.SignerControl;
import dev.latchkey.ui.status.SignerMode;
import dev.latchkey.ui.workspace.ChangeFeed;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The status bar's view of the background signer the workspace runs: locked while the wallet is locked, off until the
 * workspace is open (first use after unlock), then running or paused. Pause stops the signer (open journal rows stay
 * and are resumed by the next start); resume starts it again.
 */
final class WorkspaceSignerControl implements SignerControl {

    private final WalletSession wallet;
    private final LiveWorkspace workspace;

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
        if (open.isEmpty()) {
            return SignerMode.OFF;
        }
        return open.get().signer().state().running() ? SignerMode.RUNNING : SignerMode.PAUSED;
    }

    @Override
    public void pause() {
        running().signer().stop();
        workspace.changed();
    }

    @Override
    public void resume() throws Exception {
        WalletWorkspace w = running();
        if (!w.signer().state().running()) {
            w.signer().start();
        }
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

    private WalletWorkspace running() {
        return workspace.ifOpen().orElseThrow(() -> new IllegalStateException("the signer starts with the first use of the wallet"
                + " after unlock; open Portfolio or Trade"));
    }
}
