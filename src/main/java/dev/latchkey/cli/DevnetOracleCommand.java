package dev.latchkey.cli;

import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.RpcException;
import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.devnet.DevnetException;
import dev.latchkey.devnet.DevnetFaucet;
import dev.latchkey.devnet.Manifest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Moves an Aave oracle price on a running devnet, e.g. to trigger auto-repay or stop orders. */
@Command(name = "oracle", mixinStandardHelpOptions = true,
        description = "Set the Aave oracle price (USD) of USDC, DAI or WETH on the running devnet.")
public final class DevnetOracleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "The devnet directory (default: ~/.latchkey/devnet).")
    Path dir;

    @Option(names = "--asset", required = true, description = "USDC, DAI or WETH.")
    String asset;

    @Option(names = "--price", required = true, description = "New price in USD, e.g. 2500 (up to 8 decimals).")
    BigDecimal price;

    @Override
    public Integer call() {
        Path devnetDir = dir == null ? DevnetCommand.defaultDir() : dir;
        try {
            Manifest manifest = Manifest.read(devnetDir);
            try (EvmClient client = new EvmClient(manifest.rpcUrl())) {
                new DevnetFaucet(client, manifest, DevnetConfig.defaults(devnetDir).nodeModules()).setPrice(asset, price);
            }
            spec.commandLine().getOut().println(asset.toUpperCase(java.util.Locale.ROOT) + " = " + price.toPlainString()
                    + " USD");
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
        spec.commandLine().getErr().println("devnet oracle failed: " + message);
        spec.commandLine().getErr().flush();
        return 1;
    }
}
