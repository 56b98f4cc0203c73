package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.devnet.BareChainWorld;
import dev.latchkey.wallet.UserNetworks;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public-network rehearsal of docs/networks.md, through the CLI only: a fresh chain with another chain id that
 * has the canonical EntryPoint, the deterministic deployer, tokens, Uniswap, Aave and a real Alto — and nothing of
 * Latchkey's. {@code network add} → {@code contracts deploy} → {@code account create} → fund → {@code account deploy} → template session →
 * approve → one-click swaps through Alto → revoke. A wrong address is refused before anything is stored, naming the
 * contract.
 */
class PublicNetworkRehearsalTest {

    private static final long CHAIN_ID = 4_242_424L;
    /** anvil's second well-known dev account (public by design): pays for `contracts deploy`. */
    private static final String PAYER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    @TempDir Path tmp;

    @Test
    void aNewUserOnAFreshChainGoesFromNetworkAddToARevokedSession() throws Exception {
        try (BareChainWorld world = BareChainWorld.start(Files.createDirectories(tmp.resolve("chain")), CHAIN_ID)) {
            CliRunner cli = new CliRunner(tmp, tmp.resolve("no-devnet-manifest.json"));
            assertThat(cli.init().exit()).isZero();
            Path walletDir = tmp.resolve("wallet");
            Path networks = walletDir.resolve(UserNetworks.FILE);

            CliRunner.Run wrongCode = cli.raw(add(world, walletDir, "--address", "RateLimitPolicy=" + world.address("USDC")));
            assertThat(wrongCode.exit()).isEqualTo(ChainCommand.EXIT_ERROR);
            assertThat(wrongCode.json().path("message").asText()).startsWith("RateLimitPolicy at " + world.address("USDC"))
                    .contains("is other code than this build's RateLimitPolicy");
            CliRunner.Run noCode = cli.raw(add(world, walletDir, "--address", "AavePool=0x" + "12".repeat(20)));
            assertThat(noCode.json().path("message").asText()).isEqualTo("AavePool has no code at 0x" + "12".repeat(20)
                    + " on rehearsal (chain " + CHAIN_ID + ")");
            CliRunner.Run notUsdc = cli.raw(add(world, walletDir, "--token", "USDT=" + world.address("DAI")));
            assertThat(notUsdc.json().path("message").asText()).contains("is DAI, not USDT");
            assertThat(networks).as("nothing stored by a refused add").doesNotExist();

            CliRunner.Run added = cli.raw(add(world, walletDir));
            assertThat(added.exit()).as(added.out() + added.err()).isZero();
            assertThat(states(added.json())).contains("LatchkeyAccountFactory=not-deployed", "SwapRouter02=code-present",
                    "USDC=code-present");
            assertThat(added.json().path("tokens").get(0).path("decimals").asInt()).as("read from the chain").isEqualTo(6);

            Files.writeString(tmp.resolve("payer.key"), PAYER_KEY + "\n");
            CliRunner.Run deployed = cli.raw("contracts", "deploy", "--network", "rehearsal", "--key-file",
                    tmp.resolve("payer.key").toString(), "--wallet-dir", walletDir.toString(), "--json");
            assertThat(deployed.exit()).as(deployed.out() + deployed.err()).isZero();
            assertThat(states(cli.raw("network", "show", "rehearsal", "--wallet-dir", walletDir.toString(), "--json").json()))
                    .contains("LatchkeyAccountFactory=verified", "SmartSession=verified", "PeriodicSpendingLimitPolicy=verified");

            CliRunner.Run created = cli.walletOnly("account", "create", "--network", "rehearsal");
            assertThat(created.exit()).as(created.out() + created.err()).isZero();
            String account = created.json().path("account").asText();
            world.fund(account, BigInteger.TEN.pow(18), BigInteger.valueOf(3_000_000_000L));

            String session = cli.walletOnly("session", "create", "--network", "rehearsal", "--template", "uniswap-swap",
                    "--pair", "USDC/WETH", "--max-per-trade", "500", "--max-per-day", "2000", "--days", "7")
                    .json().path("session").asText();
            CliRunner.Run enable = cli.walletOnly("session", "enable", "--network", "rehearsal", "--session", session);
            assertThat(enable.exit()).as(enable.out() + enable.err()).isZero();
            CliRunner.Run early = cli.walletOnly("trade", "swap", "--network", "rehearsal", "--from", "USDC", "--to", "WETH",
                    "--amount", "100");
            assertThat(early.json().path("message").asText()).as(early.out()).contains("is not deployed on this network yet")
                    .contains("latchkey account deploy");
            CliRunner.Run deploy = cli.walletOnly("account", "deploy", "--network", "rehearsal");
            assertThat(deploy.exit()).as(deploy.out() + deploy.err()).isZero();
            assertThat(world.client().hasCode(account)).as("deployed by one owner operation through Alto").isTrue();
            for (int i = 0; i < 2; i++) { // ENABLE mode, then USE, both through Alto
                CliRunner.Run swap = cli.walletOnly("trade", "swap", "--network", "rehearsal", "--from", "USDC", "--to", "WETH",
                        "--amount", "100", "--max-slippage", "0.5%");
                assertThat(swap.exit()).as(swap.out() + swap.err()).isZero();
                assertThat(swap.json().path("result").asText()).isEqualTo("included");
            }
            JsonNode shown = cli.walletOnly("session", "show", "--network", "rehearsal", "--session", session).json();
            assertThat(shown.path("spending").get(0).path("spent").asText()).isEqualTo("200");
            assertThat(cli.walletOnly("account", "show", "--network", "rehearsal").json().path("balances").path("USDC").asText())
                    .isEqualTo("2800");

            CliRunner.Run revoke = cli.walletOnly("session", "revoke", "--network", "rehearsal", "--session", session);
            assertThat(revoke.exit()).as(revoke.out() + revoke.err()).isZero();
            CliRunner.Run after = cli.walletOnly("trade", "swap", "--network", "rehearsal", "--from", "USDC", "--to", "WETH",
                    "--amount", "10");
            assertThat(after.exit()).isEqualTo(ChainCommand.EXIT_REFUSED);
            assertThat(after.json().path("reason").asText()).isEqualTo("session-not-enabled");
        }
    }

    /** {@code network add rehearsal} (no password: nothing secret) with the world's endpoints, tokens and venues, then {@code extra}. */
    private static String[] add(BareChainWorld world, Path walletDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("network", "add", "rehearsal", "--chain-id", Long.toString(CHAIN_ID),
                "--rpc-url", world.rpcUrl(), "--bundler-url", world.bundlerUrl(), "--explorer-url", "https://explorer.example.org",
                "--token", "USDC=" + world.address("USDC"), "--token", "WETH=" + world.address("WETH"),
                "--token", "DAI=" + world.address("DAI"), "--address", "SwapRouter02=" + world.address("SwapRouter02"),
                "--address", "QuoterV2=" + world.address("QuoterV2"), "--address", "AavePool=" + world.address("AavePool")));
        args.addAll(List.of(extra));
        args.addAll(List.of("--wallet-dir", walletDir.toString(), "--json"));
        return args.toArray(String[]::new);
    }

    private static List<String> states(JsonNode out) {
        List<String> states = new ArrayList<>();
        out.path("contracts").forEach(c -> states.add(c.path("name").asText() + "=" + c.path("state").asText()));
        return states;
    }
}
