package dev.latchkey.cli;

import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.RpcException;
import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.devnet.DevnetException;
import dev.latchkey.devnet.DevnetFaucet;
import dev.latchkey.devnet.Manifest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that acts on a running devnet through its faucet: reads the manifest, connects, reports. */
abstract class DevnetFaucetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "The devnet directory (default: ~/.latchkey/devnet).")
    Path dir;

    /** The subcommand's name, for error messages. */
    abstract String name();

    /** Does the work; returns the line to print on success. */
    abstract String run(DevnetFaucet faucet);

    @Override
    public final Integer call() {
        Path devnetDir = dir == null ? DevnetCommand.defaultDir() : dir;
        try {
            Manifest manifest = Manifest.read(devnetDir);
            String result;
            try (EvmClient client = new EvmClient(manifest.rpcUrl())) {
                result = run(new DevnetFaucet(client, manifest, DevnetConfig.defaults(devnetDir).nodeModules()));
            }
            spec.commandLine().getOut().println(result);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (DevnetException | IllegalArgumentException e) {
            return fail(e.getMessage());
        } catch (RpcException e) {
            return fail(e.getMessage() + ". Is the devnet in " + devnetDir + " running? Start it with"
                    + " 'latchkey devnet up --dir " + devnetDir + "'.");
        }
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("devnet " + name() + " failed: " + message);
        spec.commandLine().getErr().flush();
        return 1;
    }
}
