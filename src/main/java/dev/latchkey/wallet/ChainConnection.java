package dev.latchkey.wallet;

import dev.latchkey.aa.account.AccountSpec;
import dev.latchkey.aa.flow.OperationSender;
import dev.latchkey.aa.flow.SmartAccountClient;
import dev.latchkey.aa.submit.BundlerSubmitter;
import dev.latchkey.aa.submit.DirectSubmitter;
import dev.latchkey.aa.submit.UserOperationSubmitter;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.chain.RpcException;
import dev.latchkey.session.model.Address;
import dev.latchkey.signer.onchain.OnchainPorts;
import java.time.Duration;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * An open connection to one network: the node, the bundler (if any), and the SDK's operation sender built on them.
 * {@link #open} checks that the RPC serves the profile's chain before anything else talks to it.
 */
public final class ChainConnection implements AutoCloseable {

    /** How long a sent operation may take to be included before the caller hears "not yet". */
    public static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(90);

    private final NetworkProfile profile;
    private final EvmClient node;
    private final Optional<JsonRpcClient> bundler;

    private ChainConnection(NetworkProfile profile, EvmClient node, Optional<JsonRpcClient> bundler) {
        this.profile = profile;
        this.node = node;
        this.bundler = bundler;
    }

    /** Connects and verifies {@code eth_chainId}; fails with {@link WalletException.Kind#NETWORK} otherwise. */
    public static ChainConnection open(NetworkProfile profile) {
        EvmClient node = new EvmClient(new JsonRpcClient(profile.rpcUrl(), Duration.ofSeconds(30)));
        long served;
        try {
            served = node.chainId();
        } catch (RpcException e) {
            node.close();
            throw new WalletException(WalletException.Kind.NETWORK, "cannot reach the RPC of " + profile.name() + " at "
                    + profile.rpcUrl() + ": " + e.getMessage() + (profile.isDevnet()
                    ? ". Is the devnet running? Start it with 'latchkey devnet up'." : ""), e);
        }
        if (served != profile.chainId()) {
            node.close();
            throw new WalletException(WalletException.Kind.NETWORK, "the RPC at " + profile.rpcUrl() + " serves chain "
                    + served + ", but " + profile.name() + " is chain " + profile.chainId() + "; check --rpc-url / --network");
        }
        Optional<JsonRpcClient> bundler = profile.submission() instanceof Submission.Bundler b
                ? Optional.of(new JsonRpcClient(b.url(), Duration.ofSeconds(30))) : Optional.empty();
        return new ChainConnection(profile, node, bundler);
    }

    public NetworkProfile profile() {
        return profile;
    }

    public EvmClient node() {
        return node;
    }

    /** The bundler's RPC, empty in direct mode or when none is configured. */
    public Optional<JsonRpcClient> bundler() {
        return bundler;
    }

    /** Latest block timestamp: every time rule (R9) is judged by chain time, never the wall clock. */
    public long chainTime() {
        return node.latestTimestamp();
    }

    /** The SDK's sender for owner operations (gas, fees, submission, receipts) on this network. */
    public OperationSender sender() {
        return switch (profile.submission()) {
            case Submission.Bundler b -> OperationSender.viaBundler(node, bundler.orElseThrow(), profile.entryPoint(), RECEIPT_TIMEOUT);
            case Submission.Direct d -> OperationSender.direct(node, directSubmitter(d), directFrom(d), RECEIPT_TIMEOUT);
            case Submission.None n -> throw new WalletException(WalletException.Kind.NETWORK, n.why());
        };
    }

    /** The raw submitter (bundler or direct), for adapters that follow operations themselves. */
    public UserOperationSubmitter submitter() {
        return switch (profile.submission()) {
            case Submission.Bundler b -> new BundlerSubmitter(bundler.orElseThrow(), profile.entryPoint());
            case Submission.Direct d -> directSubmitter(d);
            case Submission.None n -> throw new WalletException(WalletException.Kind.NETWORK, n.why());
        };
    }

    /** The background signer's live ports on this network (close them after the signer). */
    public OnchainPorts signerPorts() {
        return switch (profile.submission()) {
            case Submission.Bundler b -> OnchainPorts.forNetwork(profile.chainAddresses(), node, bundler.orElseThrow());
            case Submission.Direct d -> OnchainPorts.direct(profile.chainAddresses(), node, directSubmitter(d), directFrom(d));
            case Submission.None n -> throw new WalletException(WalletException.Kind.NETWORK, n.why());
        };
    }

    /** The account client for {@code spec} (counterfactual address from the factory, nonces, deployment state). */
    public SmartAccountClient account(AccountSpec spec) {
        requireCode("LatchkeyAccountFactory", profile.factory());
        return new SmartAccountClient(node, profile.chainAddresses(), spec);
    }

    /** Fails with {@link WalletException.Kind#MISSING_DEPLOYMENT} when nothing is deployed at {@code address}. */
    public void requireCode(String name, Address address) {
        if (!node.hasCode(address.hex())) {
            throw new WalletException(WalletException.Kind.MISSING_DEPLOYMENT, name + " has no code at " + address.checksummed()
                    + " on " + profile.name() + " (chain " + profile.chainId() + ")");
        }
    }

    private DirectSubmitter directSubmitter(Submission.Direct d) {
        return new DirectSubmitter(node, key(d), profile.entryPoint(), profile.chainId());
    }

    private static Address directFrom(Submission.Direct d) {
        return new Address(Credentials.create(key(d)).getAddress());
    }

    private static ECKeyPair key(Submission.Direct d) {
        return ECKeyPair.create(Numeric.hexStringToByteArray(d.privateKeyHex()));
    }

    @Override
    public void close() {
        bundler.ifPresent(JsonRpcClient::close);
        node.close();
    }
}
