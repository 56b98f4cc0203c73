package dev.latchkey.signer.onchain;

import dev.latchkey.aa.flow.ChainAddresses;
import dev.latchkey.aa.flow.OperationSender;
import dev.latchkey.aa.submit.BundlerSubmitter;
import dev.latchkey.aa.submit.DirectSubmitter;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.signer.OperationSink;
import dev.latchkey.signer.SignerConfig;
import dev.latchkey.signer.SignerService;
import dev.latchkey.signer.SubmitterSink;
import java.time.Duration;

/**
 * The signer's ports for one chain, over a node and a bundler (or direct {@code handleOps}): the one place the
 * wallet, the app and the CLI build a {@link SignerService} from. Owns the head watcher's and the policy snapshot
 * warmer's threads: close it after the signer. After warm-up (the first trade of a call shape) the trade path makes one
 * round trip, {@code eth_sendUserOperation}: head, nonce, policy counters and gas come from background-kept values.
 *
 * <pre>{@code
 * try (OnchainPorts ports = OnchainPorts.forNetwork(addresses, node, bundlerRpc);
 *      SignerService signer = ports.signer(keystore, SoftLimits.NONE)) {
 *     signer.start();
 *     signer.submit(intent);
 * }
 * }</pre>
 */
public final class OnchainPorts implements AutoCloseable {

    /** How often the head (time, base fee, priority fee) is refreshed, and when a snapshot is too old to use. */
    public static final Duration HEAD_REFRESH = Duration.ofMillis(500);
    public static final Duration HEAD_MAX_AGE = Duration.ofSeconds(3);

    private final ChainAddresses chain;
    private final HeadWatcher head;
    private final RpcChainView chainView;
    private final SnapshotPolicyStates policyState;
    private final StoredSessionDefinitions definitions = new StoredSessionDefinitions();
    private final TemplateOperationBuilder builder;
    private final OperationSink sink;

    private OnchainPorts(ChainAddresses chain, EvmClient node, OperationSender estimator, OperationSink sink) {
        long actual = node.chainId();
        if (actual != chain.chainId()) {
            throw new IllegalArgumentException("the node at " + node.rpc().uri() + " serves chain " + actual + ", not "
                    + chain.chainId() + " (R14)");
        }
        this.chain = chain;
        this.head = new HeadWatcher(node, HEAD_MAX_AGE).start(HEAD_REFRESH);
        this.chainView = new RpcChainView(node, head, chain.entryPoint(), chain.chainId());
        this.policyState = new SnapshotPolicyStates(new ChainPolicyStates(node, chain.chainId()));
        this.builder = new TemplateOperationBuilder(estimator, head, chainView);
        this.sink = sink;
    }

    /** Submission through an ERC-4337 bundler; gas templates measured with {@code eth_estimateUserOperationGas}. */
    public static OnchainPorts forNetwork(ChainAddresses chain, EvmClient node, JsonRpcClient bundler) {
        return new OnchainPorts(chain, node, OperationSender.viaBundler(node, bundler, chain.entryPoint(), Duration.ofSeconds(60)),
                new SubmitterSink(new BundlerSubmitter(bundler, chain.entryPoint())));
    }

    /** Direct {@code handleOps} from {@code submitter}'s key ({@code from}); direct mode's fixed gas limits. */
    public static OnchainPorts direct(ChainAddresses chain, EvmClient node, DirectSubmitter submitter, Address from) {
        return new OnchainPorts(chain, node, OperationSender.direct(node, submitter, from, Duration.ofSeconds(60)),
                new SubmitterSink(submitter));
    }

    /** A signer with the default tunables (4 in flight per lane, 30 s expiry margin) and {@code softLimits}. */
    public SignerService signer(Keystore keystore, SoftLimits softLimits) {
        return signer(keystore, SignerConfig.defaults(chain.policies(), softLimits));
    }

    /** A signer that reads the owner's soft limits at every check. */
    public SignerService signer(Keystore keystore, java.util.function.Supplier<SoftLimits> softLimits) {
        return new SignerService(keystore, definitions, policyState, builder, chainView, sink,
                SignerConfig.defaults(chain.policies(), SoftLimits.NONE), softLimits);
    }

    public SignerService signer(Keystore keystore, SignerConfig config) {
        return new SignerService(keystore, definitions, policyState, builder, chainView, sink, config);
    }

    public ChainAddresses chain() {
        return chain;
    }

    public HeadWatcher head() {
        return head;
    }

    public RpcChainView chainView() {
        return chainView;
    }

    public SnapshotPolicyStates policyState() {
        return policyState;
    }

    public StoredSessionDefinitions definitions() {
        return definitions;
    }

    public TemplateOperationBuilder builder() {
        return builder;
    }

    public OperationSink sink() {
        return sink;
    }

    @Override
    public void close() {
        head.close();
        policyState.close();
    }
}
