package dev.latchkey.ui.status;

/**
 * Port: what the status bar shows about the network. The methods other than {@link #networkName()} block (RPC) and
 * are called from a background thread only; an implementation may be asked again while the network is down.
 */
public interface ChainStatusSource {

    /** The network's display name ("Local devnet", "Base", ...). */
    String networkName();

    /**
     * The latest block number.
     *
     * @throws Exception with a message for the user when the node cannot be asked (unreachable, bad answer)
     */
    long latestBlock() throws Exception;

    /** Whether the bundler answers ({@code eth_supportedEntryPoints}); never throws. */
    BundlerHealth bundlerHealth();

    /** No network chosen yet: nothing to poll. */
    ChainStatusSource NONE = new ChainStatusSource() {
        @Override
        public String networkName() {
            return "No network";
        }

        @Override
        public long latestBlock() {
            throw new IllegalStateException("no network chosen");
        }

        @Override
        public BundlerHealth bundlerHealth() {
            return new BundlerHealth.NotConfigured();
        }
    };
}
