package dev.latchkey.cli;

import dev.latchkey.devnet.DevnetFaucet;
import dev.latchkey.devnet.Funding;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Gives an address ETH and test tokens on a running devnet. */
@Command(name = "fund", mixinStandardHelpOptions = true,
        description = "Give an address ETH, USDC, DAI and WETH on the running devnet (amounts in whole units).")
public final class DevnetFundCommand extends DevnetFaucetCommand {

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
    String name() {
        return "fund";
    }

    @Override
    String run(DevnetFaucet faucet) {
        faucet.fund(new Funding(to, eth, usdc, dai, weth));
        return "funded " + to;
    }
}
