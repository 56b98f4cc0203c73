package dev.latchkey.app;

import dev.latchkey.automation.AutomationEngine;
import dev.latchkey.automation.rpc.LiveEngines;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.signer.SignerListener;
import dev.latchkey.signer.SignerService;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.wallet.AccountDeployer;
import dev.latchkey.wallet.AccountService;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.SessionService;
import dev.latchkey.wallet.SignerHost;
import dev.latchkey.wallet.SoftLimitSettings;
import dev.latchkey.wallet.TradeService;
import java.time.InstantSource;

/**
 * The unlocked wallet on one network, as the desktop app uses it: the chain connection, the wallet's smart account
 * (registered on first use: counterfactual, no signature), the background signer with its on-chain ports, the
 * automation engine running the wallet's rules next to it (as {@code latchkey signer run} does), and the wallet
 * services on top. Opened after unlock, closed on lock; closing stops the engine (PENDING firings stay), the signer
 * (open journal rows are resumed by the next start) and the head watcher, then the connection.
 */
public final class WalletWorkspace implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WalletWorkspace.class);

    private final Keystore keystore;
    private final ChainConnection chain;
    private final Sessions.Account account;
    private final SignerHost host;
    private final AccountService accounts;
    private final AccountDeployer deployer;
    private final SessionService sessions;
    private final TradeService trades;
    private AutomationEngine automations;

    private WalletWorkspace(Keystore keystore, ChainConnection chain, Sessions.Account account, SignerHost host, InstantSource clock) {
        this.keystore = keystore;
        this.chain = chain;
        this.account = account;
        this.host = host;
        this.accounts = new AccountService(keystore, chain);
        this.deployer = new AccountDeployer(keystore, chain);
        this.sessions = new SessionService(keystore, chain, clock);
        this.trades = new TradeService(keystore, chain, host);
    }

    /**
     * Connects to {@code profile}'s network (checking its chain id), takes the wallet's account there (registering the
     * owner key's counterfactual account 0 if the wallet has none yet, see {@link WalletNetwork#account}) and starts the
     * signer ({@code listener} hears every state change).
     */
    public static WalletWorkspace open(WalletSession wallet, NetworkProfile profile, InstantSource clock, SignerListener listener)
            throws KeystoreException {
        Keystore keystore = wallet.keystore();
        ChainConnection chain = ChainConnection.open(profile);
        SignerHost host = null;
        try {
            Sessions.Account account = WalletNetwork.account(wallet, chain);
            host = SignerHost.start(keystore, chain, SoftLimitSettings.live(keystore.settings(), chain.profile().tradeNetwork()));
            host.signer().addListener(listener);
            WalletWorkspace w = new WalletWorkspace(keystore, chain, account, host, clock);
            w.resumeAutomations();
            return w;
        } catch (KeystoreException | RuntimeException e) {
            if (host != null) {
                host.close();
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

    public SignerHost host() {
        return host;
    }

    public SignerService signer() {
        return host.signer();
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

    /**
     * Stops the rules with the signer (the status bar's pause): a rule triggered while nothing signs would otherwise
     * spend its attempts on "signer is not running" and end in needs-attention. Recorded firings stay PENDING.
     */
    public synchronized void pauseAutomations() {
        if (automations != null) {
            automations.stop();
            automations = null;
        }
    }

    /** A fresh engine (it re-submits the PENDING firings to the signer, which deduplicates them by intent id). */
    public synchronized void resumeAutomations() {
        if (automations != null) return;
        automations = LiveEngines.of(keystore, chain, host, line -> LOG.info("{}", line));
        automations.start();
    }

    /** Whether the engine is running (not paused, workspace open). */
    public synchronized boolean automationsRunning() {
        return automations != null;
    }

    @Override
    public void close() {
        try {
            pauseAutomations();
            host.close();
        } finally {
            chain.close();
        }
    }
}
