package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.WalletLocation;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line path of docs/cli.md, run unchanged on two stacks (subclasses pick the devnet): our SmartSession,
 * and the canonical module's bytecode with our builds of the canonical policies. The wallet reads every policy through
 * the canonical getters, so live spend, refusals and automations are the same on both.
 */
abstract class OneClickCliPath {

    @TempDir java.nio.file.Path tmp;

    /** The command that gives the wallet its account (the kind under test). */
    String[] createAccount() {
        return new String[] {"account", "create"};
    }

    /** Checks that the account the path runs on is of the kind under test (its own contracts say so). */
    void assertAccountKind(CliRunner cli, Devnet devnet) throws Exception { }

    @Test
    void oneApprovalThreeSwapsLiveSpendRefusalBeforeSigningAndRevoke(Devnet devnet) throws Exception {
        CliRunner cli = new CliRunner(tmp, devnet.config().dir().resolve("manifest.json"));
        assertThat(cli.init().exit()).isZero();
        CliRunner.Run created = cli.chain(createAccount());
        assertThat(created.exit()).as(created.out() + created.err()).isZero();
        CliRunner.Run funded = cli.chain("account", "fund", "--eth", "1", "--usdc", "3000");
        assertThat(funded.exit()).as(funded.out() + funded.err()).isZero();
        assertAccountKind(cli, devnet);
        String session = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH", "--max-per-trade", "500",
                "--max-per-day", "2000", "--days", "7").json().path("session").asText();
        CliRunner.Run enable = cli.chain("session", "enable", "--session", session);
        assertThat(enable.exit()).as(enable.err()).isZero();
        // Every operation dies minutes after signing (OperationDeadlinePolicy), and the review says so.
        assertThat(enable.json().path("review").toString()).contains("each operation expires 10 minutes after it is signed");

        String firstIntent = null;
        for (int i = 0; i < 3; i++) { // the first enables the session on chain (ENABLE mode), the others use it (USE)
            CliRunner.Run swap = cli.chain("trade", "swap", "--from", "USDC", "--to", "WETH", "--amount", "100", "--max-slippage", "0.5%");
            assertThat(swap.exit()).as(swap.out() + swap.err()).isZero();
            assertThat(swap.json().path("result").asText()).isEqualTo("included");
            if (firstIntent == null) firstIntent = swap.json().path("intent").asText();
        }
        // A landed operation cannot be sped up: refused, nothing signed (FeeBumpOnDevnetTest bumps a stuck one).
        CliRunner.Run bump = cli.chain("signer", "bump", "--intent", firstIntent, "--wait", "0");
        assertThat(bump.exit()).as(bump.out() + bump.err()).isEqualTo(ChainCommand.EXIT_REFUSED);
        assertThat(bump.json().path("message").asText()).startsWith("not sped up: it is not waiting for the chain");
        assertThat(cli.chain("signer", "bump", "--intent", "12ab").json().path("message").asText())
                .isEqualTo("--intent: an intent id is 32 hex digits, not '12ab'");

        CliRunner.Run show = cli.chain("session", "show", "--session", session);
        assertThat(show.exit()).as(show.out() + show.err()).isZero();
        JsonNode shown = show.json();
        assertThat(shown.path("status").asText()).isEqualTo("enabled");
        assertThat(shown.path("usesLeft").asText()).isEqualTo("347 of 350");
        JsonNode usdc = shown.path("spending").get(0);
        assertThat(usdc.path("token").asText()).isEqualTo("USDC");
        assertThat(usdc.path("spent").asText()).isEqualTo("300");
        assertThat(usdc.path("left").asText()).isEqualTo("1700");
        assertThat(cli.chain("session", "list").exit()).isZero();

        long journalBefore = journalRows(session);
        CliRunner.Run tooBig = cli.chain("trade", "swap", "--from", "USDC", "--to", "WETH", "--amount", "600");
        assertThat(tooBig.exit()).as(tooBig.out() + tooBig.err()).isEqualTo(ChainCommand.EXIT_REFUSED);
        assertThat(tooBig.json().path("message").asText()).isEqualTo("USDC.approve: amount is 600 USDC; this session allows at most 500 USDC");
        assertThat(journalRows(session)).as("refused before signing: nothing journaled").isEqualTo(journalBefore);
        assertThat(cli.chain("account", "show").json().path("balances").path("USDC").asText()).isEqualTo("2700");

        CliRunner.Run revoke = cli.chain("session", "revoke", "--session", session);
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        CliRunner.Run after = cli.chain("trade", "swap", "--from", "USDC", "--to", "WETH", "--amount", "10");
        assertThat(after.exit()).isEqualTo(ChainCommand.EXIT_REFUSED);
        assertThat(after.json().path("reason").asText()).isEqualTo("session-not-enabled");
    }

    @Test
    void aRecurringPaymentFiresEveryPeriodUnderSignerRun(Devnet devnet) throws Exception {
        CliRunner cli = new CliRunner(tmp, devnet.config().dir().resolve("manifest.json"));
        assertThat(cli.init().exit()).isZero();
        assertThat(cli.chain(createAccount()).exit()).isZero();
        assertThat(cli.chain("account", "fund", "--eth", "1", "--usdc", "1000").exit()).isZero();
        assertAccountKind(cli, devnet);
        String sid = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH", "--max-per-trade", "100",
                "--max-per-day", "500", "--days", "7").json().path("session").asText();
        assertThat(cli.chain("session", "enable", "--session", sid).exit()).isZero();
        CliRunner.Run added = cli.chain("automation", "add", "recurring", "--session", sid, "--token", "USDC", "--amount", "10",
                "--every", "60s", "--swap-to", "WETH", "--count", "3", "--label", "dca");
        assertThat(added.exit()).as(added.out() + added.err()).isZero();

        CliRunner.Background run = cli.background("signer-run-recurring", "signer", "run", "--poll-ms", "100");
        // The devnet mines on demand, so chain time only moves when the test moves it: one period per step.
        try (EvmClient node = new EvmClient(devnet.manifest().rpcUrl())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (count(run.out(), "automation.succeeded") < 3 && System.nanoTime() < deadline && run.running()) {
                Thread.sleep(1500);
                node.rpc().call("evm_increaseTime", 61);
                node.rpc().call("evm_mine");
            }
        }
        assertThat(run.stop()).as(run.out()).isZero();
        assertThat(count(run.out(), "automation.succeeded")).as(run.out()).isEqualTo(3);
        JsonNode rule = cli.chain("automation", "list", "--all").json().path("rules").get(0);
        assertThat(rule.path("status").asText()).as(rule.toString()).isEqualTo("DONE");
        assertThat(rule.path("firings").asInt()).isEqualTo(3);
        assertThat(cli.chain("account", "show").json().path("balances").path("USDC").asText()).as("exactly 3 × 10 USDC").isEqualTo("970");
    }

    /** What the real signer journaled for the session (the wallet opened locked, as `wallet info` does). */
    private long journalRows(String session) throws Exception {
        byte[] pid = java.util.HexFormat.of().parseHex(session.replaceFirst("^0x", ""));
        try (Keystore ks = Keystore.open(WalletLocation.walletFile(tmp.resolve("wallet")), KdfPolicy.standard(), java.time.Clock.systemUTC())) {
            long n = 0;
            for (JournalState state : JournalState.values()) n += ks.journal().inState(pid, state).size();
            return n;
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }

}
