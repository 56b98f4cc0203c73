package dev.latchkey.automation.rpc;

import dev.latchkey.automation.AutomationConfig;
import dev.latchkey.automation.AutomationEngine;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.signer.onchain.ChainPolicyStates;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.OnchainQuotes;
import dev.latchkey.wallet.SignerHost;
import java.util.function.Consumer;

/**
 * The engine on a live network next to the wallet's background signer (same keystore, the signer's session
 * definitions, the policy contracts' counters read live): what {@code latchkey signer run} and the desktop app start.
 */
public final class LiveEngines {

    private LiveEngines() { }

    /** A new engine, not started; {@code log} hears one line per decision. */
    public static AutomationEngine of(Keystore keystore, ChainConnection chain, SignerHost host, Consumer<String> log) {
        TradeNetwork n = chain.profile().tradeNetwork();
        return new AutomationEngine(keystore, n, new RpcChainReader(chain.node(), n.quoterV2(), n.aavePool()),
                new OnchainQuotes(chain.node(), n.quoterV2()), host.signer()::submit, host.definitions(),
                new ChainPolicyStates(chain.node(), chain.profile().chainId()),
                AutomationConfig.defaults(chain.profile().chainAddresses().policies(), log));
    }
}
