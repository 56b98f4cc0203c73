package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.devnet.SmartSessionBuild;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on a devnet whose SmartSession is the module bytecode @rhinestone/modulekit 0.5.9 ships — the only
 * SmartSession bytecode any registry package carries. It is an older build than Smart Sessions v1 (f5aaf86): other
 * EIP-712 types (ERC-7739 content as string[]), no getSessionDigest, no paymaster flag (docs/devnet.md). An owner
 * approval made for v1 would not enable a session there (ENABLE reverts HashMismatch), so the wallet asks the module
 * for its digest first and refuses before anything is stored or signed, naming the module and what to do.
 */
@ExtendWith(DevnetExtension.CanonicalModule.class)
class OneClickCliOnCanonicalModuleTest {

    @TempDir Path tmp;

    @Test
    void aSessionForAnOlderModuleBuildIsRefusedBeforeAnythingIsSignedNamingTheModule(Devnet devnet) throws Exception {
        assertThat(devnet.manifest().address("SmartSession")).isEqualToIgnoringCase(SmartSessionBuild.CANONICAL_ADDRESS);
        assertThat(devnet.client().code(SmartSessionBuild.CANONICAL_ADDRESS)).as("the shipped bytecode, not ours")
                .isNotEqualTo(devnet.client().code(devnet.manifest().address("SudoPolicy")));
        CliRunner cli = new CliRunner(tmp, devnet.config().dir().resolve("manifest.json"));
        assertThat(cli.init().exit()).isZero();
        CliRunner.Run account = cli.chain("account", "create");
        assertThat(account.exit()).as(account.out() + account.err()).isZero();
        CliRunner.Run created = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH",
                "--max-per-trade", "500", "--max-per-day", "2000", "--days", "7");
        assertThat(created.exit()).as(created.out() + created.err()).isEqualTo(ChainCommand.EXIT_ERROR);
        JsonNode error = created.json();
        assertThat(error.path("error").asText()).isEqualTo("IncompatibleModule");
        assertThat(error.path("message").asText())
                .startsWith("the SmartSession at 0x00000000008bDABA73cD9815d79069c247Eb4bDA is not the Smart Sessions v1 build")
                .contains("getSessionDigest");
        assertThat(cli.chain("session", "list").json().path("sessions").size()).as("nothing stored").isZero();
    }
}
