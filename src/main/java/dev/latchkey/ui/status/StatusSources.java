package dev.latchkey.ui.status;

import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.Ticker;
import java.util.Objects;
import java.util.concurrent.Executor;

/** What the app hands the UI for the status bar: where the chain status and the signer come from, and a ticker. */
public record StatusSources(ChainStatusSource chain, SignerControl signer, Ticker ticker) {

    public StatusSources {
        Objects.requireNonNull(chain);
        Objects.requireNonNull(signer);
        Objects.requireNonNull(ticker);
    }

    /** A new status bar view model polling at {@link StatusBarViewModel#DEFAULT_INTERVAL}. */
    public StatusBarViewModel viewModel(Executor background, FxExecutor fx) {
        return new StatusBarViewModel(chain, signer, background, fx, ticker, StatusBarViewModel.DEFAULT_INTERVAL);
    }
}
