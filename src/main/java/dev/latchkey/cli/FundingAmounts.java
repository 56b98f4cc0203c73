package dev.latchkey.cli;

import java.math.BigDecimal;
import picocli.CommandLine.Option;

/** The faucet amounts shared by {@code devnet fund} and {@code account fund} (whole units; absent = the default). */
final class FundingAmounts {

    @Option(names = "--eth", description = "ETH to add, e.g. 10 or 0.5.")
    BigDecimal eth;

    @Option(names = "--usdc", description = "USDC to mint.")
    BigDecimal usdc;

    @Option(names = "--dai", description = "DAI to mint.")
    BigDecimal dai;

    @Option(names = "--weth", description = "WETH to wrap and send.")
    BigDecimal weth;
}
