package dev.latchkey.cli;

import dev.latchkey.chain.ContractArtifact;
import dev.latchkey.chain.ContractArtifacts;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the contracts this build packaged; its subcommands compute and deploy our contracts' addresses. */
@Command(name = "contracts", mixinStandardHelpOptions = true,
        description = "List the compiled contracts packaged with this build (name, source, creation code size).",
        subcommands = {ContractsAddressesCommand.class, ContractsDeployCommand.class})
public final class ContractsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        ContractArtifacts artifacts = ContractArtifacts.loadFromClasspath();
        for (String name : artifacts.names()) {
            ContractArtifact artifact = artifacts.get(name);
            out.printf("%-32s %-56s %7d bytes%n", name, artifact.source(), artifact.bytecodeSize());
        }
        out.flush();
    }
}
