package dev.latchkey.cli;

import dev.latchkey.keystore.WalletLocation;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.NetworkRequest;
import dev.latchkey.wallet.Networks;
import dev.latchkey.wallet.UserNetworks;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Picocli mixin of every chain-facing command: which network, and overrides of its manifest and URLs. */
final class NetworkOptions {

    @Option(names = "--network", paramLabel = "NAME", defaultValue = NetworkRequest.DEVNET,
            description = "devnet (the running local devnet, default), a public preset (sepolia, base-sepolia) or one of"
                    + " your networks (latchkey network list).")
    String name;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "The devnet's manifest.json (default: the one in ~/.latchkey/devnet).")
    Path manifest;

    @Option(names = "--rpc-url", paramLabel = "URL", description = "JSON-RPC endpoint instead of the network's default.")
    URI rpcUrl;

    @Option(names = "--bundler-url", paramLabel = "URL", description = "ERC-4337 bundler instead of the network's default.")
    URI bundlerUrl;

    /** The profile of the asked network; user networks are those of the wallet in {@code walletDir} (null: default). */
    NetworkProfile resolve(Path walletDir) {
        return Networks.resolve(request(), new UserNetworks(WalletLocation.walletFile(walletDir).getParent()));
    }

    NetworkRequest request() {
        return new NetworkRequest(name, Optional.ofNullable(manifest), Optional.empty(), Optional.ofNullable(rpcUrl),
                Optional.ofNullable(bundlerUrl));
    }
}
