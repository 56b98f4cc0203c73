package dev.latchkey.cli;

import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.RpcException;
import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.devnet.DevnetException;
import dev.latchkey.devnet.DevnetFaucet;
import dev.latchkey.devnet.Funding;
import dev.latchkey.devnet.Manifest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Gives an address ETH and test tokens on a running devnet. */
@Command(name = "fund", mixinStandardHelpOptions = true,
        description = "Give an address ETH, USDC, DAI and WETH on the running devnet (amounts in whole units).")
public final class DevnetFundCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "The devnet directory (default: ~/.latchkey/devnet).")
    Path dir;

    @Option(names = "--to", required = true, description = "Recipient address.")
    String to;

    @Option(names = "--eth", description = "ETH to add, e.g. 10 or 0.5.")
    BigDecimal eth;

    @Option(names = "--usdc", description = "USDC to mint.")
    BigDecimal usdc;

    @Option(names = "--dai", description = "DAI to mint.")
    BigDecimal dai;

    @Option(names = "--weth", description = "WETH to wrap and send.")
    BigDecimal weth;

    @Override
    public Integer call() {
        Path devnetDir = dir == null ? DevnetCommand.defaultDir() : dir;
        try {
            Funding funding = new Funding(to, eth, usdc, dai, weth);
            Manifest manifest = Manifest.read(devnetDir);
            try (EvmClient client = new EvmClient(manifest.rpcUrl())) {
                new DevnetFaucet(client, manifest,
                        DevnetConfig.defaults(devnetDir).nodeModules()).fund(funding);
            }
            spec.commandLine().getOut().println("funded " + to);
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
        spec.commandLine().getErr().println("devnet fund failed: " + message);
        spec.commandLine().getErr().flush();
        return 1;
    }
}
