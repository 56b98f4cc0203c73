package dev.latchkey.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Creation bytecode from the Hardhat artifacts that {@code @uniswap/*} and {@code @aave/core-v3} ship in npm,
 * with library placeholders linked to deployed addresses.
 */
final class NpmArtifacts {

    private final Path nodeModules;
    private final ObjectMapper mapper = new ObjectMapper();

    NpmArtifacts(Path nodeModules) {
        this.nodeModules = nodeModules;
    }

    /** The artifact JSON at {@code node_modules/<relative>}. */
    JsonNode read(String relative) {
        Path file = nodeModules.resolve(relative);
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new DevnetException("cannot read the contract artifact " + file + " (" + e.getMessage()
                    + "); run 'npm ci' in the project directory so node_modules holds the pinned packages.", e);
        }
    }

    boolean exists(String relative) {
        return Files.isRegularFile(nodeModules.resolve(relative));
    }

    /** Creation bytecode (0x-hex) with every library placeholder replaced by {@code libraries[name]}. */
    String bytecode(String relative, Map<String, String> libraries) {
        JsonNode artifact = read(relative);
        StringBuilder code = new StringBuilder(artifact.path("bytecode").asText());
        for (Iterator<Map.Entry<String, JsonNode>> files = artifact.path("linkReferences").fields(); files.hasNext(); ) {
            for (Iterator<Map.Entry<String, JsonNode>> libs = files.next().getValue().fields(); libs.hasNext(); ) {
                Map.Entry<String, JsonNode> lib = libs.next();
                String address = libraries.get(lib.getKey());
                if (address == null) {
                    throw new IllegalStateException(relative + " needs library " + lib.getKey() + " deployed first");
                }
                String hex = address.substring(2).toLowerCase();
                for (JsonNode ref : lib.getValue()) {
                    int start = 2 + 2 * ref.path("start").asInt();
                    code.replace(start, start + 40, hex);
                }
            }
        }
        if (code.indexOf("__") >= 0) {
            throw new IllegalStateException(relative + " still has unlinked library placeholders");
        }
        return code.toString();
    }
}
