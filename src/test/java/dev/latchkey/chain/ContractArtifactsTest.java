package dev.latchkey.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ContractArtifactsTest {

    private final ContractArtifacts artifacts = ContractArtifacts.loadFromClasspath();
    private final Path projectDir = Path.of(System.getProperty("latchkey.projectDir", "."));

    @Test
    void packagesExactlyWhatForgeCompiled() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (String name : artifacts.names()) {
            if (name.equals("EntryPoint")) {
                continue;
            }
            ContractArtifact artifact = artifacts.get(name);
            Path forgeOut = projectDir.resolve("target/forge/out")
                    .resolve(Path.of(artifact.source()).getFileName().toString()).resolve(name + ".json");
            JsonNode compiled = mapper.readTree(forgeOut.toFile());
            assertThat(artifact.bytecode()).as(name).isEqualTo(compiled.path("bytecode").path("object").asText());
            assertThat(mapper.readTree(artifact.abiJson())).as(name).isEqualTo(compiled.path("abi"));
        }
    }

    @Test
    void everyDeployableContractUnderSrcMainSolidityIsPackaged() throws IOException {
        Path src = projectDir.resolve("src/main/solidity");
        try (Stream<Path> files = Files.walk(src)) {
            long contractFiles = files.filter(p -> p.toString().endsWith(".sol"))
                    .filter(ContractArtifactsTest::declaresConcreteContract)
                    .peek(p -> {
                        String expected = p.getFileName().toString().replace(".sol", "");
                        assertThat(artifacts.names()).as("artifact for " + p).contains(expected);
                    })
                    .count();
            assertThat(contractFiles).isPositive();
        }
    }

    private static boolean declaresConcreteContract(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("contract "));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void includesTheEntryPointV07Artifact() {
        assertThat(artifacts.get("EntryPoint").source()).isEqualTo("@account-abstraction/contracts@0.7.0");
        assertThat(artifacts.get("EntryPoint").bytecodeSize()).isGreaterThan(10_000);
    }

    @Test
    void unknownNameIsAClearError() {
        assertThatThrownBy(() -> artifacts.get("NoSuchContract"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("NoSuchContract")
                .hasMessageContaining("EntryPoint");
    }

    @Test
    void rejectsAnArtifactWithoutBytecode() {
        assertThatThrownBy(() -> new ContractArtifact("X", "x.sol", "[]", "0x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X");
    }
}
