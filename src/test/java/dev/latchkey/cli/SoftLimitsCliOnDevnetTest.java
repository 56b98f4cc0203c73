package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.wallet.SoftLimitSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The soft limits the owner set in Settings bind the CLI's signer too: a trade the session allows is refused over them. */
@ExtendWith(DevnetExtension.class)
class SoftLimitsCliOnDevnetTest {

    @TempDir Path tmp;

    @Test
    void aTradeOverTheSoftPerTradeCapIsRefusedAndOneUnderItLands(Devnet devnet) throws Exception {
        CliRunner cli = new CliRunner(tmp, devnet.config().dir().resolve("manifest.json"));
        assertThat(cli.init().exit()).isZero();
        assertThat(cli.chain("account", "create").exit()).isZero();
        assertThat(cli.chain("account", "fund", "--eth", "1", "--usdc", "1000").exit()).isZero();
        String session = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH", "--max-per-trade", "500",
                "--max-per-day", "2000", "--days", "1").json().path("session").asText();
        assertThat(cli.chain("session", "enable", "--session", session).exit()).isZero();
        // what Settings stores: at most 50 USDC per trade, stricter than the session's 500
        cli.putSetting(SoftLimitSettings.TOKENS, "USDC 50 -");

        CliRunner.Run over = cli.chain("trade", "swap", "--from", "USDC", "--to", "WETH", "--amount", "100");
        assertThat(over.exit()).as(over.out() + over.err()).isEqualTo(ChainCommand.EXIT_REFUSED);
        assertThat(over.json().path("result").asText()).isEqualTo("refused");
        assertThat(over.json().path("exactMessage").asText()).contains("local limit maxTokenPerOperation");
        assertThat(cli.chain("account", "show").json().path("balances").path("USDC").asText()).as("nothing moved").isEqualTo("1000");

        CliRunner.Run under = cli.chain("trade", "swap", "--from", "USDC", "--to", "WETH", "--amount", "40");
        assertThat(under.exit()).as(under.out() + under.err()).isZero();
        assertThat(under.json().path("result").asText()).isEqualTo("included");
    }
}
