package dev.latchkey.app;

import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.builder.ApprovalRequest;
import dev.latchkey.ui.approve.ApprovalService;
import dev.latchkey.ui.builder.BuilderContext;
import dev.latchkey.ui.builder.SessionEnvironment;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.SessionService;
import dev.latchkey.wallet.WalletException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * The UI's ports as the installed app wires them: the real devnet, the builder's context from the wallet's network
 * profile and account, session keys made in the real vault, and the owner's approval through {@link SessionService}
 * (the built session is stored, then signed once with the owner key).
 */
final class ProductionServices implements AutoCloseable {

    private final Path devnetDirectory;
    private Devnet devnet;

    ProductionServices(Path devnetDirectory) {
        this.devnetDirectory = devnetDirectory;
    }

    UiServices services(WalletSession wallet) {
        WalletNetwork network = new WalletNetwork(wallet, devnetDirectory);
        ZoneId zone = ZoneId.systemDefault();
        return new UiServices(this::startDevnet, environment(wallet, network, zone),
                () -> new Address(wallet.keystore().keys().createSessionKey("session").address()),
                approvals(wallet, network), UiServices.randomSalts(), zone,
                new AppAutomations(wallet, network), new LiveNetworkBook());
    }

    static SessionEnvironment environment(WalletSession wallet, WalletNetwork network, ZoneId zone) {
        return () -> {
            try (ChainConnection chain = network.open()) {
                NetworkProfile p = chain.profile();
                Sessions.Account account = WalletNetwork.account(wallet, chain);
                return new BuilderContext(p.tradeNetwork(), Address.parse("account", account.address()), p.policies(),
                        sessionClock(chain.node().latestTimestamp(), Clock.systemUTC()), zone, p.ownableValidator());
            }
        };
    }

    /**
     * The builder's "now", fixed while it is open: the earlier of the wall clock and the latest block. A session that
     * starts at the wall clock on a chain whose last block is older (an idle devnet mines only on demand) would be "not
     * valid yet" for the signer, which judges by block time, until the next block; one that starts at a block time ahead
     * of the wall clock would be "not valid yet" at the bundler, which judges by its own clock.
     */
    static Clock sessionClock(long latestBlockSeconds, Clock wall) {
        long now = Math.min(latestBlockSeconds, wall.instant().getEpochSecond());
        return Clock.fixed(java.time.Instant.ofEpochSecond(now), wall.getZone());
    }

    static ApprovalService approvals(WalletSession wallet, WalletNetwork network) {
        return (request, plan, password) -> {
            try (ChainConnection chain = network.open()) {
                Sessions.Account account = matching(wallet, chain, request);
                SessionService sessions = new SessionService(wallet.keystore(), chain, Clock.systemUTC());
                SessionRecord stored = sessions.adopt(account, request.session(), request.sessionKey(),
                        request.label().isBlank() ? "built in the app" : request.label());
                if (!HexBytes.of(stored.sessionDigest()).equals(plan.hashToSign())) {
                    // what the owner signs must be what the approve screen showed (R13)
                    throw new WalletException(WalletException.Kind.STATE, "SmartSession's enable nonce for this session is not the one"
                            + " shown; go back and review it again");
                }
                sessions.approve(stored, password);
                byte[] approval = wallet.keystore().sessions().approval(stored.permissionId()).orElseThrow();
                return new ApprovalService.Approved(HexBytes.of(stored.permissionId()), Address.parse("owner", account.ownerAddress()),
                        HexBytes.of(Arrays.copyOfRange(approval, approval.length - 65, approval.length)));
            } finally {
                Arrays.fill(password, '\0');
            }
        };
    }

    private static Sessions.Account matching(WalletSession wallet, ChainConnection chain, ApprovalRequest request) throws Exception {
        Sessions.Account account = WalletNetwork.account(wallet, chain);
        if (!Address.parse("account", account.address()).equals(request.account())) {
            throw new WalletException(WalletException.Kind.STATE, "the session is for " + request.account().checksummed()
                    + ", not this wallet's account " + account.address());
        }
        if (!chain.profile().smartSession().equals(request.smartSession())) {
            throw new WalletException(WalletException.Kind.STATE, "the session was built for another network; build it again");
        }
        return account;
    }

    /**
     * Makes sure the devnet of {@code devnetDirectory} runs: nothing to do when this app started it or another process
     * (`latchkey devnet up`) serves its manifest; otherwise it is started (a saved chain state is reused), which is
     * what a relaunched app needs — the app that started it stopped it on quit.
     */
    private synchronized void startDevnet(java.util.function.Consumer<String> step) {
        if (devnet != null || servedElsewhere()) return;
        devnet = Devnet.start(DevnetConfig.defaults(devnetDirectory), step::accept);
    }

    /** Whether something answers at the manifest's RPC URL (any answer: only an unreachable node needs a start). */
    private boolean servedElsewhere() {
        dev.latchkey.devnet.Manifest m;
        try {
            m = dev.latchkey.devnet.Manifest.read(devnetDirectory);
        } catch (RuntimeException noManifest) {
            return false;
        }
        try (dev.latchkey.chain.EvmClient node = new dev.latchkey.chain.EvmClient(m.rpcUrl())) {
            node.rpc().call("eth_chainId");
            return true;
        } catch (dev.latchkey.chain.RpcException e) {
            return e.code() != 0;
        } catch (RuntimeException answeredOddly) {
            return true;
        }
    }

    @Override
    public synchronized void close() {
        if (devnet != null) {
            devnet.close();
            devnet = null;
        }
    }
}
