package dev.latchkey.cli;

import dev.latchkey.devnet.DevnetFaucet;
import dev.latchkey.devnet.Funding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Gives an address ETH and test tokens on a running devnet. */
@Command(name = "fund", mixinStandardHelpOptions = true,
        description = "Give an address ETH, USDC, DAI and WETH on the running devnet (amounts in whole units).")
public final class DevnetFundCommand extends DevnetFaucetCommand {

    @Option(names = "--to", required = true, description = "Recipient address.")
    String to;

    @Mixin
    FundingAmounts amounts = new FundingAmounts();

    @Override
    String name() {
        return "fund";
    }

    @Override
    String run(DevnetFaucet faucet) {
        faucet.fund(new Funding(to, amounts.eth, amounts.usdc, amounts.dai, amounts.weth));
        return "funded " + to;
    }
}
