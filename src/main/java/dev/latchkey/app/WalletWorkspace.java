package dev.latchkey.app;

import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.signer.SignerListener;
import dev.latchkey.signer.SignerService;
import dev.latchkey.signer.onchain.OnchainPorts;
import dev.latchkey.wallet.AccountDeployer;
import dev.latchkey.wallet.AccountService;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.NetworkRequest;
import dev.latchkey.wallet.Networks;
import dev.latchkey.wallet.SessionService;
import dev.latchkey.wallet.TradeService;
import dev.latchkey.wallet.WalletException;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The unlocked wallet on one network, as the desktop app uses it: the chain connection, the wallet's smart account
 * (registered on first use: counterfactual, no signature), the background signer with its on-chain ports, and the
 * wallet services on top. Opened after unlock, closed on lock; closing stops the signer (open journal rows are
 * resumed by the next start) and the head watcher, then the connection.
 */
public final class WalletWorkspace implements AutoCloseable {

    private final Keystore keystore;
    private final ChainConnection chain;
    private final Sessions.Account account;
    private final OnchainPorts ports;
    private final SignerService signer;
    private final AccountService accounts;
    private final AccountDeployer deployer;
    private final SessionService sessions;
    private final TradeService trades;

    private WalletWorkspace(Keystore keystore, ChainConnection chain, Sessions.Account account, OnchainPorts ports, SignerService signer,
                            InstantSource clock) {
        this.keystore = keystore;
        this.chain = chain;
        this.account = account;
        this.ports = ports;
        this.signer = signer;
        this.accounts = new AccountService(keystore, chain);
        this.deployer = new AccountDeployer(keystore, chain);
        this.sessions = new SessionService(keystore, chain, clock);
        this.trades = new TradeService(keystore, chain, signer, ports.definitions());
    }

    /**
     * Connects to {@code request}'s network (checking its chain id), registers account 0 of the vault's owner key if the
     * wallet has no account yet, and starts the signer ({@code listener} hears every state change).
     */
    public static WalletWorkspace open(Keystore keystore, NetworkRequest request, InstantSource clock, SignerListener listener)
            throws KeystoreException {
        NetworkProfile profile = Networks.resolve(request);
        ChainConnection chain = ChainConnection.open(profile);
        OnchainPorts ports = null;
        SignerService signer = null;
        try {
            AccountService accounts = new AccountService(keystore, chain);
            if (keystore.sessions().accounts().isEmpty()) {
                accounts.create(Optional.empty(), 0, "main");
            }
            Sessions.Account account = keystore.sessions().accounts().get(0);
            ports = chain.bundler().isPresent()
                    ? OnchainPorts.forNetwork(profile.chainAddresses(), chain.node(), chain.bundler().get())
                    : null;
            if (ports == null) {
                throw new WalletException(WalletException.Kind.NETWORK, "network " + profile.name() + " has no bundler configured;"
                        + " the desktop app sends operations through a bundler");
            }
            signer = ports.signer(keystore, SoftLimits.NONE);
            signer.addListener(listener);
            signer.start();
            return new WalletWorkspace(keystore, chain, account, ports, signer, clock);
        } catch (KeystoreException | RuntimeException e) {
            if (signer != null) {
                signer.close();
            }
            if (ports != null) {
                ports.close();
            }
            chain.close();
            throw e;
        }
    }

    public Keystore keystore() {
        return keystore;
    }

    public ChainConnection chain() {
        return chain;
    }

    public NetworkProfile profile() {
        return chain.profile();
    }

    /** The account the screens show (the wallet's first). */
    public Sessions.Account account() {
        return account;
    }

    public OnchainPorts ports() {
        return ports;
    }

    public SignerService signer() {
        return signer;
    }

    public AccountService accounts() {
        return accounts;
    }

    public AccountDeployer deployer() {
        return deployer;
    }

    public SessionService sessions() {
        return sessions;
    }

    public TradeService trades() {
        return trades;
    }

    @Override
    public void close() {
        signer.close();
        ports.close();
        chain.close();
    }
}
