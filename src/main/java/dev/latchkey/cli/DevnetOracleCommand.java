package dev.latchkey.cli;

import dev.latchkey.devnet.DevnetFaucet;
import java.math.BigDecimal;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Moves an Aave oracle price on a running devnet, e.g. to trigger auto-repay or stop orders. */
@Command(name = "oracle", mixinStandardHelpOptions = true,
        description = "Set the Aave oracle price (USD) of USDC, DAI or WETH on the running devnet.")
public final class DevnetOracleCommand extends DevnetFaucetCommand {

    @Option(names = "--asset", required = true, description = "USDC, DAI or WETH.")
    String asset;

    @Option(names = "--price", required = true, description = "New price in USD, e.g. 2500 (up to 8 decimals).", converter = AsciiNumbers.Decimal.class)
    BigDecimal price;

    @Override
    String name() {
        return "oracle";
    }

    @Override
    String run(DevnetFaucet faucet) {
        faucet.setPrice(asset, price);
        return asset.toUpperCase(Locale.ROOT) + " = " + price.toPlainString() + " USD";
    }
}
