package dev.latchkey.ui.portfolio;

import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.wallet.AccountView;

/**
 * The portfolio's service: the wallet's smart account on the current network and, on the devnet, the faucet.
 * Every method blocks (RPC) and is called off the FX thread.
 */
public interface PortfolioPort {

    /** The account as it is now; the first call after creating a wallet registers its counterfactual account. */
    Snapshot load() throws Exception;

    /** Devnet only: ETH and test tokens from the faucet, then deployment through the faucet if needed. */
    Snapshot fund(AsyncAction.Progress progress) throws Exception;

    /**
     * Off the devnet: creates the account contract with one owner-signed operation that the account pays for from its
     * own ETH (send it some first), then reads the account again.
     */
    Snapshot deploy(AsyncAction.Progress progress) throws Exception;

    /**
     * @param account what the chain says about the account
     * @param faucet  whether {@link #fund} is available (the local devnet)
     * @param funding what one press of the faucet button gives, for its label
     */
    record Snapshot(AccountView account, boolean faucet, String funding) {
    }
}
