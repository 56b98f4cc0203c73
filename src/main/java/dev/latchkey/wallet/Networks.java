package dev.latchkey.wallet;

import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.devnet.DevnetException;
import dev.latchkey.devnet.Manifest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link NetworkRequest} into a {@link NetworkProfile} without touching the network: {@code devnet} reads the
 * running devnet's manifest (its default directory, {@code --manifest FILE} or a devnet directory), a public preset
 * comes from {@link PublicNetworks}; {@code --rpc-url} and {@code --bundler-url} replace the profile's URLs.
 * {@link ChainConnection#open} then checks that the RPC serves the expected chain.
 */
public final class Networks {

    private Networks() { }

    /** {@link #resolve(NetworkRequest, UserNetworks)} without user networks: devnet and the presets only. */
    public static NetworkProfile resolve(NetworkRequest request) {
        return resolve(request, null);
    }

    /** Devnet, a public preset, or one of {@code userNetworks} (may be null: none) by name. */
    public static NetworkProfile resolve(NetworkRequest request, UserNetworks userNetworks) {
        if (request.isDevnet()) {
            Manifest manifest = readManifest(request);
            return DevnetProfiles.of(manifest, request.rpcUrl(), request.bundlerUrl());
        }
        if (request.manifest().isPresent()) {
            throw new WalletException(WalletException.Kind.INVALID, "--manifest only applies to --network devnet (got "
                    + request.name() + ")");
        }
        Optional<NetworkProfile> found = PublicNetworks.preset(request.name());
        if (found.isEmpty() && userNetworks != null) {
            Optional<UserNetwork> own = userNetworks.get(request.name());
            if (own.isPresent()) {
                return UserNetworkProfiles.of(own.get(), request.rpcUrl(), request.bundlerUrl());
            }
        }
        List<String> known = new ArrayList<>(List.of(NetworkRequest.DEVNET));
        known.addAll(PublicNetworks.NAMES);
        if (userNetworks != null) {
            userNetworks.list().forEach(n -> known.add(n.name()));
        }
        NetworkProfile preset = found.orElseThrow(() -> new WalletException(WalletException.Kind.NOT_FOUND,
                "unknown network '" + request.name() + "'; known: " + String.join(", ", known)
                + " (add your own with 'latchkey network add')"));
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
