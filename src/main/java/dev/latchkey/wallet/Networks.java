package dev.latchkey.wallet;

import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.devnet.DevnetException;
import dev.latchkey.devnet.Manifest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a {@link NetworkRequest} into a {@link NetworkProfile} without touching the network: {@code devnet} reads the
 * running devnet's manifest (its default directory, {@code --manifest FILE} or a devnet directory), a public preset
 * comes from {@link PublicNetworks}; {@code --rpc-url} and {@code --bundler-url} replace the profile's URLs.
 * {@link ChainConnection#open} then checks that the RPC serves the expected chain.
 */
public final class Networks {

    private Networks() { }

    public static NetworkProfile resolve(NetworkRequest request) {
        if (request.isDevnet()) {
            Manifest manifest = readManifest(request);
            return DevnetProfiles.of(manifest, request.rpcUrl(), request.bundlerUrl());
        }
        if (request.manifest().isPresent()) {
            throw new WalletException(WalletException.Kind.INVALID, "--manifest only applies to --network devnet (got "
                    + request.name() + ")");
        }
        NetworkProfile preset = PublicNetworks.preset(request.name()).orElseThrow(() -> new WalletException(
                WalletException.Kind.NETWORK, "unknown network '" + request.name() + "'; known: devnet, "
                + String.join(", ", PublicNetworks.NAMES)));
        URI rpc = request.rpcUrl().orElse(preset.rpcUrl());
        Submission submission = request.bundlerUrl().<Submission>map(Submission.Bundler::new).orElse(preset.submission());
        return new NetworkProfile(preset.name(), preset.chainId(), rpc, submission, preset.entryPoint(), preset.smartSession(),
                preset.ownableValidator(), preset.policies(), preset.accountFactory(), preset.tokens(), preset.swapRouter02(),
                preset.quoterV2(), preset.aavePool(), preset.devnet());
    }

    /** Where {@code latchkey devnet up} keeps its manifest unless told otherwise. */
    public static Path defaultDevnetDir() {
        return DevnetConfig.defaultDirectory();
    }

    private static Manifest readManifest(NetworkRequest request) {
        try {
            if (request.manifest().isPresent()) {
                Path file = request.manifest().get();
                if (!Files.isRegularFile(file)) {
                    throw new WalletException(WalletException.Kind.NETWORK, "no devnet manifest at " + file);
                }
                return Manifest.fromJson(Files.readString(file));
            }
            return Manifest.read(request.devnetDir().orElseGet(Networks::defaultDevnetDir));
        } catch (DevnetException e) {
            throw new WalletException(WalletException.Kind.NETWORK, e.getMessage(), e);
        } catch (IOException e) {
            throw new WalletException(WalletException.Kind.NETWORK, "cannot read the devnet manifest: " + e.getMessage(), e);
        }
    }
}
