package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 * Issue 11: a node that answers null or the wrong JSON type is a network failure in words (exit 5, {@code Network}),
 * never a stack trace. A loopback proxy in front of the real anvil answers one method wrongly; the rest is anvil's.
 */
@ExtendWith(DevnetExtension.class)
class RpcWrongAnswerCliOnDevnetTest {

    @TempDir Path tmp;

    @Test
    void nullOrMistypedAnswersExitFiveInWords(Devnet devnet) throws Exception {
        CliRunner cli = new CliRunner(tmp, devnet.config().dir().resolve("manifest.json"));
        assertThat(cli.init().exit()).isZero();
        assertThat(cli.chain("account", "create", "--label", "t").exit()).isZero();
        URI anvil = URI.create(devnet.manifest().rpcUrl());
        JsonNodeFactory n = JsonNodeFactory.instance;
        record Case(String method, JsonNode result, String words) { }
        List<Case> cases = List.of(
                new Case("eth_getBalance", n.nullNode(), "answered eth_getBalance with null where a number (hex quantity) was expected"),
                new Case("eth_getBalance", n.objectNode().put("wei", 1), "answered eth_getBalance with object"),
                new Case("eth_call", n.numberNode(7), "answered eth_call with number 7 where 0x-hex data was expected"),
                new Case("eth_chainId", n.textNode("thirty-one"), "answered eth_chainId with string \"thirty-one\""));
        List<String> seen = new ArrayList<>();
        for (Case c : cases) {
            try (WrongAnswerRpcProxy proxy = new WrongAnswerRpcProxy(anvil, c.method(), c.result())) {
                CliRunner.Run run = cli.chain("account", "show", "--rpc-url", proxy.uri().toString());
                seen.add(c.method() + " -> " + run.exit() + " " + run.err());
                assertThat(proxy.faulted.get()).as("the fault was served").isPositive();
                assertThat(run.exit()).as(run.err()).isEqualTo(ChainCommand.EXIT_NETWORK);
                assertThat(run.json().path("error").asText()).isEqualTo("Network");
                assertThat(run.json().path("message").asText()).contains(c.words()).contains("the RPC endpoint is faulty or not an Ethereum node");
                assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").hasLineCount(1);
            }
        }
        CliRunner.Run healthy = cli.chain("account", "show");
        assertThat(healthy.exit()).as("the same command through anvil itself works: " + seen).isZero();
    }
}
