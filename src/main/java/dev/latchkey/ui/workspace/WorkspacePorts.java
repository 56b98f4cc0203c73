package dev.latchkey.ui.workspace;

import dev.latchkey.ui.common.ChangeFeed;
import dev.latchkey.ui.activity.ActivityPort;
import dev.latchkey.ui.portfolio.PortfolioPort;
import dev.latchkey.ui.sessions.SessionsPort;
import dev.latchkey.ui.trade.PairPort;
import dev.latchkey.ui.trade.TradePort;

/**
 * What the unlocked wallet's screens work on: the smart account, its sessions, one-click trades through the
 * background signer, and the activity log, all on the current network. The app implements it over the wallet
 * services; the connection and the signer are opened on first use after unlock and released on lock.
 */
public interface WorkspacePorts {

    PortfolioPort portfolio();

    SessionsPort sessions();

    TradePort trade();

    /** Balances and price of a trading pair, fills, the pair picked last (the Trade screen's Uniswap panel). */
    PairPort pairs();

    ActivityPort activity();

    ChangeFeed changes();

    /** The wallet locked: stop the signer and close the connection (the next use after unlock reopens them). */
    void release();
}
