package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The oversized and non-ASCII numbers: named-field errors, nothing stored, memory flat. */
class NumberBoundsCliTest {

    @TempDir Path dir;

    private record Run(int exit, String out, String err) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LatchkeyCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void aPriceOf1e100000000IsRefusedNamingTheOptionAndMemoryStaysFlat() throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        for (int i = 0; i < 4; i++) {
            Run r = run("automation", "add", "limit-order", "--wallet-dir", dir.toString(), "--pair", "WETH/USDC", "--side", "buy",
                    "--amount", "100", "--price", "1e100000000");
            assertThat(r.exit()).isNotZero();
            assertThat(r.err()).contains("--price").contains("exponent too large (at most e80): 1e100000000");
        }
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        // The plain form of 1e100000000 alone is 100 MB of characters (200 MB as UTF-16); four of them were the bug.
        assertThat(after - before).as("heap growth in bytes").isLessThan(64L << 20);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("no wallet was created or written").isEmpty();
        }
    }

    @Test
    void unicodeDigitsInAnyNumericOptionAreRefused() {
        Run price = run("automation", "add", "limit-order", "--wallet-dir", dir.toString(), "--pair", "WETH/USDC", "--side", "buy",
                "--amount", "100", "--price", "1٠5");
        assertThat(price.exit()).isNotZero();
        assertThat(price.err()).contains("--price").contains("use the digits 0-9 only: 1٠5");
        Run days = run("session", "create", "--template", "uniswap-swap", "--days", "٧", "--wallet-dir", dir.toString());
        assertThat(days.err()).contains("--days").contains("use the digits 0-9 only");
    }

    @Test
    void templateAmountsAreBounded() {
        TradeNetwork n = dev.latchkey.ui.builder.BuilderFixtures.DEVNET;
        TemplateOptions o = new TemplateOptions();
        o.pair = "USDC/WETH";
        o.fee = 500;
        o.maxPerTrade = "500";
        o.maxPerDay = "1e999999999";
        assertThatThrownBy(() -> o.template("uniswap-swap", n)).isInstanceOf(FieldException.class)
                .hasMessage("--max-per-day: exponent too large (at most e80): 1e999999999");
        o.maxPerDay = "1e80";
        assertThatThrownBy(() -> o.template("uniswap-swap", n)).isInstanceOf(FieldException.class)
                .hasMessage("--max-per-day: too large: 1e80 USDC exceeds uint256");
        o.maxPerDay = "1٠5";
        assertThatThrownBy(() -> o.template("uniswap-swap", n)).hasMessage("--max-per-day: use the digits 0-9 only: 1٠5");
    }
}
