package dev.latchkey.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.chain.ContractArtifacts;
import dev.latchkey.chain.DeterministicDeployment;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.cli.LatchkeyCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code latchkey contracts deploy} on a chain like a fresh public one: a bare anvil with Sepolia's chain id that has
 * only the deterministic deployment proxy (anvil preinstalls it) and the canonical EntryPoint v0.7.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OurContractsOnBareChainTest {

    /** anvil's first and second well-known dev accounts (public by design). */
    private static final String ANVIL_ACCOUNT_0 = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private static final String PAYER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private static final long SEPOLIA = 11155111;

    @TempDir
    static Path tmp;
    static AnvilNode anvil;
    static EvmClient client;
    static Path keyFile;

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    @BeforeAll
    static void bareChain() throws Exception {
        DevnetConfig config = DevnetConfig.defaults(tmp).withChainId(SEPOLIA);
        anvil = AnvilNode.spawn(config, tmp.resolve("state.json"), tmp.resolve("anvil.log"));
        anvil.awaitReady();
        client = new EvmClient(anvil.rpcUrl());
        String entryPoint = CoreContracts.entryPoint(new Deployer(client, ANVIL_ACCOUNT_0, DevnetProgress.silent()),
                ContractArtifacts.loadFromClasspath().get("EntryPoint").bytecode());
        assertThat(entryPoint).isEqualTo(DeterministicDeployment.CANONICAL_ENTRY_POINT);
        keyFile = tmp.resolve("payer.key");
        Files.writeString(keyFile, PAYER_KEY + "\n");
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
        if (anvil != null) anvil.close();
    }

    @Test
    @Order(1)
    void deploysWhatIsMissingAtTheComputedAddressesWithProgress() throws Exception {
        Map<String, String> computed = computed();
        for (String address : computed.values()) {
            assertThat(client.hasCode(address)).isFalse();
        }
        Run text = deploy(false);
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("RateLimitPolicy").contains(computed.get("RateLimitPolicy") + "  deployed")
                .contains(computed.get("LatchkeyAccount") + "  created by the factory")
                .contains("deployed 14 of 15 contracts on sepolia (chain 11155111)")
                .contains("every contract's code matches this build");
        for (Map.Entry<String, String> e : computed.entrySet()) {
            assertThat(client.hasCode(e.getValue())).as(e.getKey()).isTrue();
        }
    }

    @Test
    @Order(2)
    void aSecondRunDeploysNothing() throws Exception {
        long nonce = client.transactionCount(payer()).longValueExact();
        Run again = deploy(true);
        assertThat(again.exit()).as(again.err()).isZero();
        JsonNode json = again.json();
        assertThat(json.get("deployed").asLong()).isZero();
        List<String> statuses = new ArrayList<>();
        json.get("contracts").forEach(c -> statuses.add(c.get("status").asText()));
        assertThat(statuses).hasSize(15).containsOnly("present");
        assertThat(client.transactionCount(payer()).longValueExact()).isEqualTo(nonce);
        Map<String, String> deployed = new LinkedHashMap<>();
        json.get("contracts").forEach(c -> deployed.put(c.get("name").asText(), c.get("address").asText()));
        assertThat(deployed).isEqualTo(computed());
    }

    @Test
    @Order(3)
    void aUserNetworkIsAddedAfterEveryAddressIsCheckedAndSurvivesARestart() throws Exception {
        String wallet = tmp.resolve("wallet").toString();
        Run added = cli("network", "add", "rehearsal", "--chain-id", "11155111", "--rpc-url", anvil.rpcUrl(),
                "--bundler-url", "http://127.0.0.1:1/rpc", "--explorer-url", "https://sepolia.etherscan.io",
                "--wallet-dir", wallet, "--json");
        assertThat(added.exit()).as(added.err()).isZero();
        Map<String, String> states = new LinkedHashMap<>();
        added.json().get("contracts").forEach(c -> states.put(c.get("name").asText(), c.get("state").asText()));
        assertThat(states).containsEntry("EntryPoint", "code-present").containsEntry("LatchkeyAccountFactory", "verified")
                .containsEntry("RateLimitPolicy", "verified").hasSize(16);
        // a new process (a new CommandLine, nothing in memory) reads it back from the wallet directory
        Run listed = cli("network", "list", "--wallet-dir", wallet, "--json");
        assertThat(listed.json().get("networks").get(0).get("name").asText()).isEqualTo("rehearsal");
        assertThat(listed.json().get("networks").get(0).get("bundlerUrl").asText()).isEqualTo("http://127.0.0.1:1/rpc");
        Run shown = cli("network", "show", "rehearsal", "--wallet-dir", wallet, "--json");
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.json().get("chainId").asLong()).isEqualTo(SEPOLIA);

        Map<String, String> computed = computed();
        Run wrongCode = cli("network", "add", "wrong-code", "--chain-id", "11155111", "--rpc-url", anvil.rpcUrl(),
                "--address", "RateLimitPolicy=" + computed.get("SudoPolicy"), "--wallet-dir", wallet, "--json");
        assertThat(wrongCode.exit()).isEqualTo(1);
        assertThat(wrongCode.err()).contains("RateLimitPolicy at " + computed.get("SudoPolicy") + " on wrong-code is other"
                + " code than this build's RateLimitPolicy");
        Run noCode = cli("network", "add", "no-code", "--chain-id", "11155111", "--rpc-url", anvil.rpcUrl(),
                "--address", "PeriodicSpendingLimitPolicy=0x000000000000000000000000000000000000dead", "--wallet-dir", wallet);
        assertThat(noCode.exit()).isEqualTo(1);
        assertThat(noCode.err()).contains("PeriodicSpendingLimitPolicy has no code at 0x000000000000000000000000000000000000dead");
        Run wrongChain = cli("network", "add", "wrong-chain", "--chain-id", "84532", "--rpc-url", anvil.rpcUrl(),
                "--wallet-dir", wallet);
        assertThat(wrongChain.exit()).isEqualTo(5);
        assertThat(wrongChain.err()).contains("serves chain 11155111, but wrong-chain is chain 84532");
        // nothing refused was stored
        assertThat(cli("network", "list", "--wallet-dir", wallet, "--json").json().get("networks")).hasSize(1);

        assertThat(cli("network", "remove", "rehearsal", "--wallet-dir", wallet).exit()).isZero();
        assertThat(cli("network", "list", "--wallet-dir", wallet, "--json").json().get("networks")).isEmpty();
        assertThat(cli("network", "show", "rehearsal", "--wallet-dir", wallet).err()).contains("no network named 'rehearsal'");
    }

    @Test
    @Order(4)
    void otherCodeAtAComputedAddressIsRefusedNamingTheContract() throws Exception {
        Map<String, String> computed = computed();
        String original = client.code(computed.get("RateLimitPolicy"));
        client.rpc().call("anvil_setCode", computed.get("RateLimitPolicy"), client.code(computed.get("SudoPolicy")));
        try {
            Run run = deploy(true);
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.json().get("error").asText()).isEqualTo("Deployment");
            assertThat(run.err()).contains("RateLimitPolicy at " + computed.get("RateLimitPolicy")
                    + " is other code than this build's");
        } finally {
            client.rpc().call("anvil_setCode", computed.get("RateLimitPolicy"), original);
        }
    }

    @Test
    @Order(5)
    void aChainWithoutTheDeterministicDeployerIsRefused() throws Exception {
        client.rpc().call("anvil_setCode", DeterministicDeployment.PROXY, "0x");
        Run run = deploy(false);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("chain 11155111 has no deterministic deployment proxy at "
                + DeterministicDeployment.PROXY);
    }

    @Test
    @Order(6)
    void aKeyFileWithoutAKeyIsRefusedBeforeAnythingIsSent() throws Exception {
        Path bad = tmp.resolve("bad.key");
        Files.writeString(bad, "not a key\n");
        Run run = cli("contracts", "deploy", "--network", "sepolia", "--rpc-url", anvil.rpcUrl(), "--key-file", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("does not hold a private key").doesNotContain("not a key");
    }

    private static String payer() {
        return DevnetKeys.addressOf(PAYER_KEY);
    }

    private static Map<String, String> computed() throws Exception {
        Run run = cli("contracts", "addresses", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, String> byName = new LinkedHashMap<>();
        run.json().get("contracts").forEach(c -> byName.put(c.get("name").asText(), c.get("address").asText()));
        return byName;
    }

    private static Run deploy(boolean json) {
        List<String> args = new ArrayList<>(List.of("contracts", "deploy", "--network", "sepolia", "--rpc-url",
                anvil.rpcUrl(), "--key-file", keyFile.toString()));
        if (json) args.add("--json");
        return cli(args.toArray(String[]::new));
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LatchkeyCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
