package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code automation add|edit|list|pause|resume|remove} through picocli in-process with {@code --json}, on the shared devnet (no time moves). */
@ExtendWith(DevnetExtension.class)
class AutomationCliOnDevnetTest {

    @TempDir Path tmp;

    @Test
    void addListPauseResumeRemoveAndARefusalWithItsReason(Devnet devnet) throws Exception {
        CliRunner cli = new CliRunner(tmp, devnet.config().dir().resolve("manifest.json"));
        assertThat(cli.init().exit()).isZero();
        assertThat(cli.chain("account", "create", "--label", "auto").exit()).isZero();
        CliRunner.Run session = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH",
                "--max-per-trade", "500", "--max-per-day", "2000", "--days", "7");
        assertThat(session.exit()).as(session.err()).isZero();
        String sid = session.json().path("session").asText();

        CliRunner.Run added = cli.chain("automation", "add", "limit-order", "--session", sid.substring(0, 12), "--pair", "WETH/USDC",
                "--side", "buy", "--amount", "500", "--price", "2500", "--max-slippage", "1%");
        assertThat(added.exit()).as(added.err() + added.out()).isZero();
        JsonNode rule = added.json();
        assertThat(rule.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(rule.path("kind").asText()).isEqualTo("LIMIT_ORDER");
        assertThat(rule.path("spec").path("amount").asText()).isEqualTo("500000000");
        assertThat(rule.path("spec").path("maxSlippageBps").asInt()).isEqualTo(100);
        String id = rule.path("rule").asText();

        CliRunner.Run tooBig = cli.chain("automation", "add", "limit-order", "--session", sid, "--pair", "WETH/USDC", "--side", "buy",
                "--amount", "501", "--price", "2500");
        assertThat(tooBig.exit()).isEqualTo(ChainCommand.EXIT_REFUSED);
        assertThat(tooBig.json().path("reason").asText())
                .isEqualTo("the session does not allow this rule: USDC.approve: amount is 501 USDC; this session allows at most 500 USDC");
        assertThat(tooBig.json().path("exactReason").asText()).contains("does not allow this rule").contains("lessThanOrEqual");
        CliRunner.Run reverse = cli.chain("automation", "add", "stop", "--session", sid, "--pair", "WETH/USDC", "--amount", "0.1",
                "--stop-loss", "2000");
        assertThat(reverse.exit()).isEqualTo(ChainCommand.EXIT_REFUSED);
        assertThat(reverse.json().path("reason").asText()).contains("no action allows");
        CliRunner.Run recurring = cli.chain("automation", "add", "recurring", "--session", sid, "--token", "USDC", "--amount", "10",
                "--every", "1d", "--swap-to", "WETH", "--count", "3");
        assertThat(recurring.exit()).as(recurring.out()).isZero();
        assertThat(recurring.json().path("nextRun").asText()).isNotEmpty();
        CliRunner.Run bad = cli.chain("automation", "add", "recurring", "--session", sid, "--token", "USDC", "--amount", "10",
                "--every", "soon", "--swap-to", "WETH", "--count", "3");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.json().path("message").asText()).isEqualTo("--every: expected 60s, 15m, 1h, 1d or 1w, got soon");

        JsonNode listed = cli.chain("automation", "list").json();
        assertThat(listed.path("rules").size()).isEqualTo(2);

        assertThat(cli.chain("automation", "pause", "--rule", id.substring(0, 8)).json().path("status").asText()).isEqualTo("PAUSED");
        assertThat(cli.chain("automation", "resume", "--rule", id).json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(cli.chain("automation", "remove", "--rule", id).json().path("status").asText()).isEqualTo("REMOVED");
        assertThat(cli.chain("automation", "list").json().path("rules").size()).isEqualTo(1);
        assertThat(cli.chain("automation", "list", "--all").json().path("rules").size()).isEqualTo(2);
    }

    @Test
    void editReplacesTheParametersUnderTheSameIdAndRefusesWhatTheSessionOrTheKindDoesNotAllow(Devnet devnet) throws Exception {
        CliRunner cli = new CliRunner(tmp, devnet.config().dir().resolve("manifest.json"));
        assertThat(cli.init().exit()).isZero();
        assertThat(cli.chain("account", "create", "--label", "edit").exit()).isZero();
        String sid = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH", "--max-per-trade", "500",
                "--max-per-day", "2000", "--days", "7").json().path("session").asText();
        String id = cli.chain("automation", "add", "limit-order", "--session", sid, "--pair", "WETH/USDC", "--side", "buy",
                "--amount", "300", "--price", "2500", "--label", "dip").json().path("rule").asText();

        CliRunner.Run edited = cli.chain("automation", "edit", "limit-order", "--rule", id.substring(0, 8), "--pair", "WETH/USDC",
                "--side", "buy", "--amount", "450", "--price", "2400", "--max-slippage", "1%");
        assertThat(edited.exit()).as(edited.err() + edited.out()).isZero();
        assertThat(edited.json().path("rule").asText()).isEqualTo(id);
        assertThat(edited.json().path("version").asLong()).isEqualTo(2);
        assertThat(edited.json().path("label").asText()).as("no --label keeps the name").isEqualTo("dip");
        assertThat(edited.json().path("previous").path("amount").asText()).isEqualTo("300000000");
        JsonNode stored = only(cli.chain("automation", "list").json());
        assertThat(stored.path("rule").asText()).isEqualTo(id);
        assertThat(stored.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(stored.path("spec").path("amount").asText()).isEqualTo("450000000");
        assertThat(stored.path("spec").path("price").asText()).isEqualTo("2400");
        assertThat(stored.path("spec").path("maxSlippageBps").asInt()).isEqualTo(100);

        CliRunner.Run tooBig = cli.chain("automation", "edit", "limit-order", "--rule", id, "--pair", "WETH/USDC", "--side", "buy",
                "--amount", "501", "--price", "2400", "--label", "bigger");
        assertThat(tooBig.exit()).isEqualTo(ChainCommand.EXIT_REFUSED);
        assertThat(tooBig.json().path("refused").asBoolean()).isTrue();
        assertThat(tooBig.json().path("reason").asText()).contains("does not allow this rule").contains("this session allows at most 500 USDC")
                .contains("the rule is unchanged");
        assertThat(tooBig.json().path("exactReason").asText()).contains("lessThanOrEqual");
        CliRunner.Run otherKind = cli.chain("automation", "edit", "stop", "--rule", id, "--pair", "WETH/USDC", "--amount", "0.1",
                "--take-profit", "4000");
        assertThat(otherKind.exit()).isEqualTo(ChainCommand.EXIT_REFUSED);
        assertThat(otherKind.json().path("reason").asText()).startsWith("rule " + id + " is a limit-order rule and cannot become a stop rule");
        JsonNode after = only(cli.chain("automation", "list").json());
        assertThat(after.path("spec")).isEqualTo(stored.path("spec"));
        assertThat(after.path("label").asText()).isEqualTo("dip");
        assertThat(after.path("kind").asText()).isEqualTo("LIMIT_ORDER");

        // a paused rule stays paused after an edit; the owner resumes it
        assertThat(cli.chain("automation", "pause", "--rule", id).exit()).isZero();
        CliRunner.Run whilePaused = cli.chain("automation", "edit", "limit-order", "--rule", id, "--pair", "WETH/USDC", "--side", "buy",
                "--amount", "200", "--price", "2300", "--label", "deeper dip");
        assertThat(whilePaused.exit()).as(whilePaused.out()).isZero();
        assertThat(whilePaused.json().path("status").asText()).isEqualTo("PAUSED");
        assertThat(whilePaused.json().path("label").asText()).isEqualTo("deeper dip");
        assertThat(whilePaused.json().path("message").asText()).contains("automation resume --rule " + id.substring(0, 8));
    }

    @Test
    void editingARecurringPaymentKeepsItsStartUnlessOneIsGiven(Devnet devnet) throws Exception {
        CliRunner cli = new CliRunner(tmp, devnet.config().dir().resolve("manifest.json"));
        assertThat(cli.init().exit()).isZero();
        assertThat(cli.chain("account", "create", "--label", "dca").exit()).isZero();
        String sid = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH", "--max-per-trade", "500",
                "--max-per-day", "2000", "--days", "7").json().path("session").asText();
        JsonNode added = cli.chain("automation", "add", "recurring", "--session", sid, "--token", "USDC", "--amount", "10",
                "--every", "1d", "--swap-to", "WETH", "--count", "3").json();
        long start = added.path("spec").path("start").asLong();
        String id = added.path("rule").asText();

        CliRunner.Run edited = cli.chain("automation", "edit", "recurring", "--rule", id, "--token", "USDC", "--amount", "20",
                "--every", "12h", "--swap-to", "WETH", "--count", "5");
        assertThat(edited.exit()).as(edited.out()).isZero();
        JsonNode spec = edited.json().path("spec");
        assertThat(spec.path("start").asLong()).isEqualTo(start);
        assertThat(spec.path("amount").asText()).isEqualTo("20000000");
        assertThat(spec.path("periodSeconds").asLong()).isEqualTo(12 * 3600);
        assertThat(spec.path("maxPayments").asLong()).isEqualTo(5);

        CliRunner.Run moved = cli.chain("automation", "edit", "recurring", "--rule", id, "--token", "USDC", "--amount", "20",
                "--every", "12h", "--swap-to", "WETH", "--count", "5", "--start", String.valueOf(start + 3600));
        assertThat(moved.json().path("spec").path("start").asLong()).isEqualTo(start + 3600);
        // chain time may not have moved since the rule was added, so only a moved start tells "kept" from "now"
        CliRunner.Run kept = cli.chain("automation", "edit", "recurring", "--rule", id, "--token", "USDC", "--amount", "15",
                "--every", "12h", "--swap-to", "WETH", "--count", "5");
        assertThat(kept.exit()).as(kept.out()).isZero();
        assertThat(kept.json().path("spec").path("start").asLong()).isEqualTo(start + 3600);
        assertThat(kept.json().path("version").asLong()).isEqualTo(4);
    }

    private static JsonNode only(JsonNode list) {
        assertThat(list.path("rules").size()).isEqualTo(1);
        return list.path("rules").get(0);
    }

    @Test
    void signerRunExecutesTheRulesWithALinePerDecision(Devnet devnet) throws Exception {
        CliRunner cli = new CliRunner(tmp, devnet.config().dir().resolve("manifest.json"));
        assertThat(cli.init().exit()).isZero();
        assertThat(cli.chain("account", "create", "--label", "runner").exit()).isZero();
        CliRunner.Run fund = cli.chain("account", "fund", "--eth", "1", "--usdc", "1000");
        assertThat(fund.exit()).as(fund.err()).isZero();
        String sid = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH", "--max-per-trade", "500",
                "--max-per-day", "2000", "--days", "7").json().path("session").asText();
        CliRunner.Run enable = cli.chain("session", "enable", "--session", sid);
        assertThat(enable.exit()).as(enable.err() + enable.out()).isZero();
        // a marketable buy limit (the pool price is far below the level): it fires on the first block signer run sees
        CliRunner.Run added = cli.chain("automation", "add", "limit-order", "--session", sid, "--pair", "WETH/USDC", "--side", "buy",
                "--amount", "100", "--price", "1000000", "--label", "marketable");
        assertThat(added.exit()).as(added.out()).isZero();

        java.io.StringWriter out = new java.io.StringWriter();
        java.util.concurrent.atomic.AtomicInteger exit = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread run = new Thread(() -> {
            picocli.CommandLine line = new picocli.CommandLine(new LatchkeyCommand());
            line.setOut(new java.io.PrintWriter(out, true));
            line.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));
            exit.set(line.execute("signer", "run", "--wallet-dir", tmp.resolve("wallet").toString(), "--password-file",
                    tmp.resolve("password").toString(), "--manifest", devnet.config().dir().resolve("manifest.json").toString()));
        }, "signer-run-test");
        run.start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(180);
        while (!out.toString().contains("automation.succeeded") && System.nanoTime() < deadline && run.isAlive()) Thread.sleep(250);
        run.interrupt();
        run.join(30_000);
        assertThat(out.toString()).as(out.toString()).contains("automations running").contains("automation.fired").contains("automation.succeeded");
        assertThat(exit.get()).isZero();
        JsonNode rules = cli.chain("automation", "list").json().path("rules");
        assertThat(rules.size()).isEqualTo(1);
        assertThat(rules.get(0).path("status").asText()).isEqualTo("DONE");
        assertThat(rules.get(0).path("firings").asInt()).isEqualTo(1);
        assertThat(rules.get(0).path("lastFiring").asText()).startsWith("SUCCEEDED included");
    }
}
