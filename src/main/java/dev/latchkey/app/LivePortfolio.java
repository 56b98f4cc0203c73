package dev.latchkey.app;

import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.portfolio.PortfolioPort;
import dev.latchkey.wallet.AccountView;
import java.math.BigDecimal;
import java.util.Optional;

/** {@link PortfolioPort} over the wallet's account service and the devnet faucet. */
final class LivePortfolio implements PortfolioPort {

    /** One press of the faucet button (devnet only). */
    static final BigDecimal ETH = new BigDecimal("1");
    static final BigDecimal USDC = new BigDecimal("10000");
    static final BigDecimal DAI = new BigDecimal("10000");
    static final BigDecimal WETH = new BigDecimal("2");
    static final String FUNDING = "1 ETH, 10,000 USDC, 10,000 DAI, 2 WETH";

    private final LiveWorkspace workspace;

    LivePortfolio(LiveWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Snapshot load() throws Exception {
        WalletWorkspace w = workspace.current();
        AccountView view = w.accounts().show(Optional.of(w.account().address()));
        return new Snapshot(view, w.profile().isDevnet(), FUNDING);
    }

    @Override
    public Snapshot fund(AsyncAction.Progress progress) throws Exception {
        WalletWorkspace w = workspace.current();
        progress.update(-1, "The devnet faucet sends " + FUNDING + " and deploys the account");
        w.deployer().fund(w.account(), ETH, USDC, DAI, WETH);
        progress.update(-1, "Reading the new balances");
        Snapshot s = load();
        workspace.changed();
        return s;
    }

    @Override
    public Snapshot deploy(AsyncAction.Progress progress) throws Exception {
        WalletWorkspace w = workspace.current();
        progress.update(-1, "Signing the account's first operation with the owner key and waiting for the chain");
        w.deployer().deploy(w.account());
        progress.update(-1, "Reading the deployed account");
        Snapshot s = load();
        workspace.changed();
        return s;
    }
}
