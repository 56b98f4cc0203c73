package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code account} and {@code session create} through picocli in-process, {@code --json} parsed, on the devnet. */
@ExtendWith(DevnetExtension.class)
class AccountSessionCliOnDevnetTest {

    @TempDir Path tmp;

    @Test
    void createFundShowAndCreateASession(Devnet devnet) throws Exception {
        CliRunner cli = new CliRunner(tmp, devnet.config().dir().resolve("manifest.json"));
        assertThat(cli.init().exit()).isZero();

        JsonNode created = cli.chain("account", "create", "--label", "trading").json();
        assertThat(created.path("newOwnerKey").asBoolean()).isTrue();
        assertThat(created.path("deployed").asBoolean()).isFalse();
        String account = created.path("account").asText();

        CliRunner.Run fund = cli.chain("account", "fund", "--eth", "1", "--usdc", "2500");
        assertThat(fund.exit()).as(fund.err()).isZero();
        assertThat(fund.json().path("deployment").asText()).isEqualTo("deployed by the devnet faucet (no owner signature)");

        JsonNode shown = cli.chain("account", "show").json();
        assertThat(shown.path("account").asText()).isEqualTo(account);
        assertThat(shown.path("deployed").asBoolean()).isTrue();
        assertThat(shown.path("balances").path("ETH").asText()).isEqualTo("1");
        assertThat(shown.path("balances").path("USDC").asText()).isEqualTo("2500");
        assertThat(shown.path("aave").path("healthFactor").asText()).isEqualTo("infinite (no debt)");

        CliRunner.Run session = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH",
                "--max-per-trade", "500", "--max-per-day", "2000", "--days", "7");
        assertThat(session.exit()).as(session.err()).isZero();
        JsonNode s = session.json();
        assertThat(s.path("session").asText()).matches("0x[0-9a-f]{64}");
        assertThat(s.path("status").asText()).isEqualTo("awaiting approval");
        assertThat(s.path("summary").asText()).startsWith("Swap USDC → WETH on Uniswap V3 (SwapRouter02, 0.05% pool), at most 500 USDC"
                + " per trade and 2,000 USDC per day");
        assertThat(s.path("ledgerCaps").size()).isEqualTo(1);
        assertThat(s.path("ledgerCaps").elements().next().asText()).isEqualTo("14000000000");

        CliRunner.Run missing = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH", "--max-per-trade", "500");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.json().path("error").asText()).isEqualTo("InvalidInput");
        assertThat(missing.json().path("message").asText()).isEqualTo("--max-per-day: required by this template");

        CliRunner.Run decimals = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH",
                "--max-per-trade", "0.0000001", "--max-per-day", "1");
        assertThat(decimals.json().path("message").asText()).isEqualTo("--max-per-trade: USDC has 6 decimals; 0.0000001 has more");

        CliRunner.Run unknown = cli.walletOnly("account", "show", "--network", "mainnet");
        assertThat(unknown.exit()).as("a name the wallet does not know is not a network failure").isEqualTo(ChainCommand.EXIT_ERROR);
        assertThat(unknown.json().path("message").asText()).isEqualTo("unknown network 'mainnet'; known: devnet, sepolia,"
                + " base-sepolia (add your own with 'latchkey network add')");
        CliRunner.Run misplaced = cli.chain("account", "show", "--network", "sepolia");
        assertThat(misplaced.json().path("message").asText()).isEqualTo("--manifest only applies to --network devnet (got sepolia)");
        CliRunner.Run wrongChain = cli.walletOnly("account", "show", "--network", "sepolia", "--rpc-url", devnet.manifest().rpcUrl());
        assertThat(wrongChain.exit()).isEqualTo(ChainCommand.EXIT_NETWORK);
        assertThat(wrongChain.json().path("message").asText()).contains("but sepolia is chain 11155111");
    }

    @Test
    void aSessionFileIsReviewedGrantByGrantAndAMeaninglessRuleIsRefused(Devnet devnet) throws Exception {
        CliRunner cli = new CliRunner(tmp, devnet.config().dir().resolve("manifest.json"));
        assertThat(cli.init().exit()).isZero();
        assertThat(cli.chain("account", "create", "--label", "trading").exit()).isZero();
        String usdc = dev.latchkey.session.model.Address.parse("usdc", devnet.manifest().address("USDC")).checksummed();
        String router = devnet.manifest().address("SwapRouter02");

        // exactInputSingle with "recipient ≤ 0xff…": numerically almost every address; refused even with --allow-broad.
        String lessOrEqual = "{\"owners\":{\"type\":\"ecdsa\",\"accounts\":[\"0x" + "ab".repeat(20) + "\"]},\"actions\":[{\"target\":\""
                + router + "\",\"selector\":\"0x04e45aaf\",\"policies\":[{\"type\":\"universal-action\",\"rules\":[{\"condition\":"
                + "\"lessThanOrEqual\",\"calldataOffset\":96,\"referenceValue\":\"0x" + "ff".repeat(20) + "\"}]}]}]}";
        Path bad = tmp.resolve("recipient-le.json");
        java.nio.file.Files.writeString(bad, lessOrEqual);
        CliRunner.Run refused = cli.chain("session", "create", "--file", bad.toString(), "--allow-broad");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.json().path("message").asText()).isEqualTo("actions[0].policies[0].rules[0].condition: recipient is an address:"
                + " only = or ≠ mean something (it would allow every address numerically below the value)");

        CliRunner.Run missing = cli.chain("session", "create", "--file", tmp.resolve("nowhere.json").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.json().path("message").asText()).isEqualTo("--file: there is no file " + tmp.resolve("nowhere.json").toAbsolutePath());

        String broad = dev.latchkey.ui.builder.BuilderFixtures.BROAD_FILE
                .replace(dev.latchkey.ui.builder.BuilderFixtures.USDC.checksummed(), usdc)
                .replace(dev.latchkey.ui.builder.BuilderFixtures.SESSION_KEY.checksummed(), "0x" + "ab".repeat(20))
                .replace("\"validUntil\":1800604800,\"validAfter\":1800000000", "\"validUntil\":\"2030-01-01T00:00:00Z\"");
        Path file = tmp.resolve("broad.json");
        java.nio.file.Files.writeString(file, broad);
        CliRunner.Run created = cli.chain("session", "create", "--file", file.toString(), "--allow-broad");
        assertThat(created.exit()).as(created.err()).isZero();
        CliRunner.Run enabled = cli.chain("session", "enable", "--session", created.json().path("session").asText());
        assertThat(enabled.exit()).as(enabled.err()).isZero();
        java.util.List<String> review = new java.util.ArrayList<>();
        enabled.json().path("review").forEach(n -> review.add(n.asText()));
        assertThat(review).contains("USDC.transfer", "  amount ≤ 1 USDC",
                "ANY contract, ANY function (fallback action: every call no other action matches)",
                "paymaster: ALLOWED: the session key may name any paymaster to pay its gas (a paymaster may charge the account in its own way)");
        assertThat(review).anySatisfy(l -> assertThat(l).startsWith("signing: MAY SIGN MESSAGES").contains("PermitSingle", "SUDO"));
    }
}
