package dev.latchkey.cli;

import java.math.BigDecimal;
import picocli.CommandLine.Option;

/** The faucet amounts shared by {@code devnet fund} and {@code account fund} (whole units; absent = the default). */
final class FundingAmounts {

    @Option(names = "--eth", description = "ETH to add, e.g. 10 or 0.5.", converter = AsciiNumbers.Decimal.class)
    BigDecimal eth;

    @Option(names = "--usdc", description = "USDC to mint.", converter = AsciiNumbers.Decimal.class)
    BigDecimal usdc;

    @Option(names = "--dai", description = "DAI to mint.", converter = AsciiNumbers.Decimal.class)
    BigDecimal dai;

    @Option(names = "--weth", description = "WETH to wrap and send.", converter = AsciiNumbers.Decimal.class)
    BigDecimal weth;
}
