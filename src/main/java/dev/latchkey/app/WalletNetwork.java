package dev.latchkey.app;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.ui.common.NetworkChoice;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.wallet.AccountService;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.NetworkRequest;
import dev.latchkey.wallet.Networks;
import dev.latchkey.wallet.UserNetworks;
import dev.latchkey.wallet.WalletException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The wallet's chosen network (first run / Settings) as a {@link NetworkProfile}: the local devnet's manifest in
 * {@code devnetDirectory} by default, a public preset with the user's RPC, or one of the user's own networks from the
 * {@code networks.json} beside the wallet. An old custom RPC has no known Latchkey contracts: that is said plainly.
 */
final class WalletNetwork {

    private final WalletSession wallet;
    private final Path devnetDirectory;

    WalletNetwork(WalletSession wallet, Path devnetDirectory) {
        this.wallet = wallet;
        this.devnetDirectory = devnetDirectory;
    }

    NetworkProfile profile() throws KeystoreException {
        NetworkRequest request = switch (wallet.network()) {
            case NetworkChoice.LocalDevnet d -> new NetworkRequest(NetworkRequest.DEVNET, Optional.empty(), Optional.of(devnetDirectory),
                    Optional.empty(), Optional.empty());
            case NetworkChoice.Preset p -> new NetworkRequest(p.preset(), Optional.empty(), Optional.empty(),
                    Optional.of(URI.create(p.rpcUrl())), p.bundlerUrl().map(URI::create));
            case NetworkChoice.Custom c -> throw new WalletException(WalletException.Kind.MISSING_DEPLOYMENT, "a custom RPC ("
                    + c.rpcUrl() + ") has no known SmartSession, policy or token addresses; add it as your own network in"
                    + " Settings (its chain id, bundler and tokens) and switch to it");
            case NetworkChoice.Own o -> NetworkRequest.named(o.name());
        };
        return Networks.resolve(request, ownNetworks());
    }

    /** The user's own networks, beside the open wallet's file. */
    UserNetworks ownNetworks() throws KeystoreException {
        return new UserNetworks(wallet.walletFile().orElseThrow(() -> new WalletException(WalletException.Kind.STATE,
                "no wallet is open")).getParent());
    }

    ChainConnection open() throws KeystoreException {
        return ChainConnection.open(profile());
    }

    /**
     * The wallet's account on {@code chain}: the only registered one, or — for a wallet that has none yet — the
     * counterfactual account of its owner key (index 0), registered now. Nothing is sent on chain.
     */
    static Sessions.Account account(WalletSession wallet, ChainConnection chain) throws KeystoreException {
        AccountService accounts = new AccountService(wallet.keystore(), chain);
        if (wallet.keystore().sessions().accounts().isEmpty()) {
            accounts.create(Optional.empty(), 0, "Main account");
        }
        return accounts.resolve(Optional.empty());
    }
}
