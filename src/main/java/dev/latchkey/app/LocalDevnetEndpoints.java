package dev.latchkey.app;

import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.devnet.DevnetRequirements;
import dev.latchkey.devnet.Manifest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The local devnet's node and bundler, read from its manifest on every poll (the devnet may start after the app, on
 * other ports). Without a manifest the message says how to start one, or, in an installed app without the project's
 * tools, what the devnet needs (checked once: tools do not appear while the app runs).
 */
final class LocalDevnetEndpoints implements Supplier<RpcChainStatus.Endpoints> {

    private final Path directory;
    private String notRunning;

    LocalDevnetEndpoints(Path directory) {
        this.directory = directory;
    }

    @Override
    public RpcChainStatus.Endpoints get() {
        if (!Files.isRegularFile(directory.resolve("manifest.json"))) {
            throw new IllegalStateException(notRunning());
        }
        Manifest manifest = Manifest.read(directory);
        return new RpcChainStatus.Endpoints(URI.create(manifest.rpcUrl()),
                manifest.bundlerUrl() == null ? null : URI.create(manifest.bundlerUrl()), manifest.address("EntryPoint"));
    }

    private synchronized String notRunning() {
        if (notRunning == null) {
            DevnetRequirements requirements = DevnetRequirements.check(DevnetConfig.defaults(directory));
            notRunning = requirements.ready()
                    ? "No local devnet is running: start one with 'latchkey devnet up'."
                    : "No local devnet is running. " + requirements.message();
        }
        return notRunning;
    }
}
