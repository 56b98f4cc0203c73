package dev.latchkey.devnet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What a running devnet offers: where to reach it and where everything is deployed. Written as
 * {@code manifest.json} in the devnet directory and printed by {@code latchkey devnet up}.
 *
 * @param version            layout version of the deployment; a saved state of another version is redeployed
 * @param chainId            chain id
 * @param rpcUrl             JSON-RPC of anvil on 127.0.0.1
 * @param bundlerUrl         Alto's JSON-RPC on 127.0.0.1, or null when no bundler runs (use direct submission)
 * @param addresses          contract addresses by name (EntryPoint, SmartSession, USDC, AavePool, ...)
 * @param accounts           well-known devnet accounts by role (deployer, bundlerExecutor, directSubmitter, ...)
 * @param directSubmitterKey private key of the funded direct-submission account (devnet only, public by design)
 */
public record Manifest(int version, long chainId, String rpcUrl, String bundlerUrl, Map<String, String> addresses,
                       Map<String, String> accounts, String directSubmitterKey) {

    /**
     * Bumped whenever the bootstrap deploys something different (2: our contracts at their CREATE2 addresses; 3: the
     * Safe7579 stack beside ours; 4: Kernel v3.1 and its factory after it).
     */
    public static final int CURRENT_VERSION = 4;

    public Manifest {
        addresses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(addresses));
        accounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
    }

    /** The address deployed under {@code name}; fails naming the known names. */
    public String address(String name) {
        String address = addresses.get(name);
        if (address == null) {
            throw new NoSuchElementException("the devnet manifest has no contract '" + name + "'; it has "
                    + addresses.keySet());
        }
        return address;
    }

    public Manifest withUrls(String newRpcUrl, String newBundlerUrl) {
        return new Manifest(version, chainId, newRpcUrl, newBundlerUrl, addresses, accounts, directSubmitterKey);
    }

    public String toJson() {
        try {
            return mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the manifest", e);
        }
    }

    public static Manifest fromJson(String json) {
        try {
            return mapper().readValue(json, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new DevnetException("the devnet manifest is not valid JSON (" + e.getOriginalMessage()
                    + "); delete the devnet directory to start over", e);
        }
    }

    /** Reads {@code manifest.json} from a devnet directory; fails with the fix when there is none. */
    public static Manifest read(Path dir) {
        Path file = dir.resolve("manifest.json");
        if (!Files.isRegularFile(file)) {
            throw new DevnetException("no devnet manifest at " + file + "; start one with 'latchkey devnet up --dir "
                    + dir + "'");
        }
        try {
            return fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new DevnetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    void write(Path dir) {
        try {
            Path tmp = dir.resolve("manifest.json.tmp");
            Files.writeString(tmp, toJson() + "\n");
            Files.move(tmp, dir.resolve("manifest.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DevnetException("cannot write the manifest to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
