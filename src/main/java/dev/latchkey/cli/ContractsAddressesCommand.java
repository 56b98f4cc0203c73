package dev.latchkey.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.chain.ContractArtifacts;
import dev.latchkey.chain.DeterministicDeployment;
import dev.latchkey.chain.DeterministicDeployment.OurContract;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints where our contracts are on every chain, computed offline from this build (no network). */
@Command(name = "addresses", mixinStandardHelpOptions = true,
        description = "Print the address and code hash of each of our contracts: the same on every EVM chain with the"
                + " deterministic deployment proxy, computed from this build without a network.")
public final class ContractsAddressesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Machine-readable output (one JSON object).")
    boolean json;

    @Override
    public void run() {
        List<OurContract> plan = DeterministicDeployment.standard(ContractArtifacts.loadFromClasspath());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, String>> contracts = new ArrayList<>();
            for (OurContract c : plan) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("name", c.name());
                row.put("address", c.address());
                row.put("codeHash", c.codeHash());
                c.salt().ifPresent(salt -> row.put("salt", salt));
                contracts.add(row);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("deployer", DeterministicDeployment.PROXY);
            result.put("entryPoint", DeterministicDeployment.CANONICAL_ENTRY_POINT);
            result.put("contracts", contracts);
            try {
                out.println(new ObjectMapper().writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.println("Through the deterministic deployment proxy " + DeterministicDeployment.PROXY
                    + ", factory wired to EntryPoint v0.7 " + DeterministicDeployment.CANONICAL_ENTRY_POINT + ":");
            for (OurContract c : plan) {
                out.printf("%-28s %s  %s%n", c.name(), c.address(), c.codeHash());
            }
        }
        out.flush();
    }
}
