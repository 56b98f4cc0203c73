package dev.latchkey.chain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The contract artifacts the build packaged under {@code dev/latchkey/contracts/}: exactly what forge
 * compiled from {@code src/main/solidity}, plus the EntryPoint v0.7 artifact from npm.
 */
public final class ContractArtifacts {

    private static final String BASE = "/dev/latchkey/contracts/";

    private final Map<String, ContractArtifact> byName;

    private ContractArtifacts(Map<String, ContractArtifact> byName) {
        this.byName = byName;
    }

    /** Loads every packaged artifact; fails with a clear message when the build did not package them. */
    public static ContractArtifacts loadFromClasspath() {
        ObjectMapper mapper = new ObjectMapper();
        List<String> names = readJson(mapper, "index.json", new TypeReference<List<String>>() { });
        Map<String, ContractArtifact> byName = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode node = readJson(mapper, name + ".json", new TypeReference<JsonNode>() { });
            List<ContractArtifact.ByteRange> immutables = new java.util.ArrayList<>();
            node.path("immutables").forEach(r -> immutables.add(new ContractArtifact.ByteRange(r.get(0).asInt(),
                    r.get(1).asInt())));
            byName.put(name, new ContractArtifact(
                    node.path("contractName").asText(name),
                    node.path("source").asText(),
                    node.path("abi").toString(),
                    node.path("bytecode").asText(),
                    node.path("deployedBytecode").asText("0x"),
                    immutables));
        }
        return new ContractArtifacts(Map.copyOf(byName));
    }

    private static <T> T readJson(ObjectMapper mapper, String file, TypeReference<T> type) {
        try (InputStream in = ContractArtifacts.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("contract artifact " + file + " is not on the classpath;"
                        + " build with 'mvn compile' so forge compiles and packages the contracts");
            }
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract artifact " + file, e);
        }
    }

    /** The artifact called {@code name}. */
    public ContractArtifact get(String name) {
        ContractArtifact artifact = byName.get(name);
        if (artifact == null) {
            throw new NoSuchElementException("no contract artifact named " + name + "; known: " + names());
        }
        return artifact;
    }

    /** These artifacts with {@code replacement} in place of the one of its name (e.g. to see what a rebuild changes). */
    public ContractArtifacts with(ContractArtifact replacement) {
        get(replacement.name());
        Map<String, ContractArtifact> copy = new LinkedHashMap<>(byName);
        copy.put(replacement.name(), replacement);
        return new ContractArtifacts(Map.copyOf(copy));
    }

    /** Names of all packaged artifacts, sorted. */
    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }
}
