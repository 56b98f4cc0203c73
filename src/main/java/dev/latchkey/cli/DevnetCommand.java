package dev.latchkey.cli;

import dev.latchkey.devnet.DevnetConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code latchkey devnet ...}: the local network with EntryPoint, our modules, Uniswap, Aave and a bundler. */
@Command(name = "devnet", mixinStandardHelpOptions = true,
        description = "Run and use the local devnet (anvil + EntryPoint v0.7 + Latchkey modules + Uniswap V3 + Aave V3"
                + " + Alto bundler).",
        subcommands = {DevnetUpCommand.class, DevnetFundCommand.class, DevnetOracleCommand.class})
public final class DevnetCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** Where {@code devnet up} keeps its state unless {@code --dir} says otherwise. */
    static Path defaultDir() {
        return DevnetConfig.defaultDirectory();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
