package dev.latchkey.cli;

import dev.latchkey.wallet.NetworkRequest;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Picocli mixin of every chain-facing command: which network, and overrides of its manifest and URLs. */
final class NetworkOptions {

    @Option(names = "--network", paramLabel = "NAME", defaultValue = NetworkRequest.DEVNET,
            description = "devnet (the running local devnet, default) or a public preset: sepolia, base-sepolia.")
    String name;

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "The devnet's manifest.json (default: the one in ~/.latchkey/devnet).")
    Path manifest;

    @Option(names = "--rpc-url", paramLabel = "URL", description = "JSON-RPC endpoint instead of the network's default.")
    URI rpcUrl;

    @Option(names = "--bundler-url", paramLabel = "URL", description = "ERC-4337 bundler instead of the network's default.")
    URI bundlerUrl;

    NetworkRequest request() {
        return new NetworkRequest(name, Optional.ofNullable(manifest), Optional.empty(), Optional.ofNullable(rpcUrl),
                Optional.ofNullable(bundlerUrl));
    }
}
