package dev.latchkey.app;

import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.status.SignerControl;
import dev.latchkey.ui.status.SignerMode;
import java.util.function.Consumer;

/**
 * The signer as the app has it until a network's background signer is wired in (issue 05): locked while the wallet
 * is locked, otherwise off. It never claims to run, so the pause switch stays disabled.
 */
final class WalletSignerControl implements SignerControl {

    private final WalletSession wallet;

    WalletSignerControl(WalletSession wallet) {
        this.wallet = wallet;
    }

    @Override
    public SignerMode mode() {
        return wallet.isUnlocked() ? SignerMode.OFF : SignerMode.LOCKED;
    }

    @Override
    public void pause() {
        throw new IllegalStateException("no background signer is running");
    }

    @Override
    public void resume() {
        throw new IllegalStateException("no background signer is running");
    }

    @Override
    public AutoCloseable subscribe(Consumer<SignerMode> listener) {
        return () -> { };
    }
}
