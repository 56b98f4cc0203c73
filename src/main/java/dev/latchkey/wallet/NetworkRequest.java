package dev.latchkey.wallet;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which network the user asked for: a name ({@code devnet} or a public preset), and the overrides of the command line
 * or settings. {@code manifest} points at a devnet manifest file (default: {@code devnetDir/manifest.json}).
 */
public record NetworkRequest(String name, Optional<Path> manifest, Optional<Path> devnetDir, Optional<URI> rpcUrl,
                             Optional<URI> bundlerUrl) {

    public static final String DEVNET = "devnet";

    public NetworkRequest {
        name = name == null || name.isBlank() ? DEVNET : name.trim();
        if (manifest == null || devnetDir == null || rpcUrl == null || bundlerUrl == null) {
            throw new IllegalArgumentException("use Optional.empty() for absent overrides");
        }
    }

    /** The running devnet of the default directory, no overrides. */
    public static NetworkRequest devnet() {
        return new NetworkRequest(DEVNET, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static NetworkRequest named(String name) {
        return new NetworkRequest(name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public NetworkRequest withManifest(Path file) {
        return new NetworkRequest(name, Optional.of(file), devnetDir, rpcUrl, bundlerUrl);
    }

    public NetworkRequest withRpcUrl(URI url) {
        return new NetworkRequest(name, manifest, devnetDir, Optional.of(url), bundlerUrl);
    }

    public NetworkRequest withBundlerUrl(URI url) {
        return new NetworkRequest(name, manifest, devnetDir, rpcUrl, Optional.of(url));
    }

    public boolean isDevnet() {
        return DEVNET.equalsIgnoreCase(name);
    }
}
