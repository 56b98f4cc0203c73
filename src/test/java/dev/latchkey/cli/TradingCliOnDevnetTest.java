package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole one-click path through the command line (picocli in-process, {@code --json} parsed) on the devnet through
 * Alto: account, session from the Uniswap template, the one approval, swaps, live usage, a refusal, revocation; and
 * {@code signer run} resuming an operation a trade command left in flight.
 */
@ExtendWith(DevnetExtension.class)
class TradingCliOnDevnetTest {

    @TempDir Path tmp;

    @Test
    void approveOnceTradeShowRefuseRevoke(Devnet devnet) throws Exception {
        CliRunner cli = new CliRunner(tmp, devnet.config().dir().resolve("manifest.json"));
        assertThat(cli.init().exit()).isZero();
        assertThat(cli.chain("account", "create").exit()).isZero();
        assertThat(cli.chain("account", "fund", "--eth", "1", "--usdc", "3000").exit()).isZero();
        String session = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH", "--max-per-trade", "500",
                "--max-per-day", "2000", "--days", "7").json().path("session").asText();

        CliRunner.Run enable = cli.chain("session", "enable", "--session", session.substring(0, 12));
        assertThat(enable.exit()).as(enable.err()).isZero();
        assertThat(enable.json().path("status").asText()).isEqualTo("ready");
        assertThat(enable.json().path("review").toString()).contains("recipient == this account");
        assertThat(cli.chain("session", "enable", "--session", session).json().path("message").asText()).contains("already approved");
        JsonNode listed = cli.chain("session", "list").json().path("sessions");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("status").asText()).isEqualTo("ready");

        for (String amount : List.of("100", "150")) {
            CliRunner.Run swap = cli.chain("trade", "swap", "--from", "USDC", "--to", "WETH", "--amount", amount, "--max-slippage", "0.5%");
            assertThat(swap.exit()).as(swap.out() + swap.err()).isZero();
            assertThat(swap.json().path("result").asText()).isEqualTo("included");
            assertThat(swap.json().path("userOpHash").asText()).matches("0x[0-9a-f]{64}");
            assertThat(swap.json().path("minimumOut").asText()).endsWith(" WETH");
        }

        JsonNode shown = cli.chain("session", "show", "--session", session).json();
        assertThat(shown.path("status").asText()).isEqualTo("enabled");
        assertThat(shown.path("usesLeft").asText()).isEqualTo("348 of 350");
        JsonNode usdc = shown.path("spending").get(0);
        assertThat(usdc.path("token").asText()).isEqualTo("USDC");
        assertThat(usdc.path("per").asText()).isEqualTo("1 day(s)");
        assertThat(usdc.path("spent").asText()).isEqualTo("250");
        assertThat(usdc.path("left").asText()).isEqualTo("1750");

        CliRunner.Run tooBig = cli.chain("trade", "swap", "--from", "USDC", "--to", "WETH", "--amount", "600");
        assertThat(tooBig.exit()).as(tooBig.out() + tooBig.err()).isEqualTo(ChainCommand.EXIT_REFUSED);
        assertThat(tooBig.json().path("result").asText()).isEqualTo("refused");
        assertThat(tooBig.json().path("reason").asText()).isEqualTo("policy:rules[1].lessThanOrEqual");
        assertThat(tooBig.json().path("message").asText()).isEqualTo("USDC.approve: amount is 600 USDC; this session allows at most 500 USDC");
        assertThat(tooBig.json().path("exactMessage").asText()).contains("lessThanOrEqual");

        JsonNode account = cli.chain("account", "show").json();
        assertThat(account.path("balances").path("USDC").asText()).isEqualTo("2750");
        assertThat(account.path("balances").path("WETH").asText()).startsWith("0.08");

        for (int i = 0; i < 3; i++) { // 250 + 3 × 500 = 1,750 of the 2,000 USDC daily cap
            CliRunner.Run ok = cli.chain("trade", "swap", "--from", "USDC", "--to", "WETH", "--amount", "500");
            assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        }
        CliRunner.Run overDay = cli.chain("trade", "swap", "--from", "USDC", "--to", "WETH", "--amount", "500");
        assertThat(overDay.exit()).as(overDay.out() + overDay.err()).isEqualTo(ChainCommand.EXIT_REFUSED);
        assertThat(overDay.json().path("message").asText())
                .matches("USDC\\.approve: 2,250 USDC today over the 2,000 USDC daily cap; 250 USDC left; resets \\d\\d:\\d\\d UTC");

        CliRunner.Run revoke = cli.chain("session", "revoke", "--session", session);
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        JsonNode revoked = revoke.json().path("revoked").get(0);
        assertThat(revoked.path("revoked").asText()).isEqualTo("removed on chain (removeSession)");
        assertThat(revoked.path("keyWiped").asBoolean()).isTrue();
        CliRunner.Run after = cli.chain("trade", "swap", "--from", "USDC", "--to", "WETH", "--amount", "10");
        assertThat(after.exit()).as(after.out() + after.err()).isEqualTo(ChainCommand.EXIT_REFUSED);
        assertThat(after.json().path("reason").asText()).isEqualTo("session-not-enabled");
        assertThat(after.json().path("message").asText()).isEqualTo("session is REVOKED");
        assertThat(cli.chain("session", "show", "--session", session).json().path("status").asText()).isEqualTo("revoked");
    }

    @Test
    void signerRunResumesWhatAnInterruptedTradeLeftInFlight(Devnet devnet) throws Exception {
        CliRunner cli = new CliRunner(tmp, devnet.config().dir().resolve("manifest.json"));
        cli.init();
        cli.chain("account", "create");
        cli.chain("account", "fund", "--eth", "1", "--usdc", "1000");
        String session = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH", "--max-per-trade", "100",
                "--max-per-day", "500", "--days", "1").json().path("session").asText();
        cli.chain("session", "enable", "--session", session);

        String intent;
        try (SendDroppingProxy proxy = new SendDroppingProxy(URI.create(devnet.manifest().bundlerUrl()))) {
            CliRunner.Run stuck = cli.chain("trade", "swap", "--from", "USDC", "--to", "WETH", "--amount", "20", "--timeout", "4",
                    "--bundler-url", proxy.uri().toString());
            assertThat(stuck.exit()).isEqualTo(ChainCommand.EXIT_ERROR);
            // the bundler never answered: the operation is signed and may still land, so it is not "failed" (issue 09)
            assertThat(stuck.json().path("result").asText()).isEqualTo(dev.latchkey.wallet.TradeResult.Unconfirmed.HEADLINE);
            assertThat(stuck.json().path("message").asText()).contains("latchkey signer run");
            assertThat(proxy.dropped.get()).isPositive();
            intent = stuck.json().path("intent").asText();
        }
        assertThat(cli.chain("account", "show").json().path("balances").path("USDC").asText()).as("not sent yet").isEqualTo("1000");

        CliRunner.Background runner = cli.background("signer-run", "signer", "run", "--poll-ms", "100");
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!runner.out().contains("signer.included") && System.nanoTime() < deadline && runner.running()) Thread.sleep(100);
        assertThat(runner.stop()).as(runner.out()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : runner.out().split("\n")) if (!l.isBlank()) lines.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(l));
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("decision").asText()).isEqualTo("signer.resumed");
            assertThat(l.path("intent").asText()).isEqualTo(intent);
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("decision").asText()).isEqualTo("signer.included");
            assertThat(l.path("intent").asText()).isEqualTo(intent);
        });
        assertThat(lines.get(lines.size() - 1).path("stopped").asBoolean()).isTrue();
        assertThat(cli.chain("account", "show").json().path("balances").path("USDC").asText()).as("landed exactly once").isEqualTo("980");
    }
}
