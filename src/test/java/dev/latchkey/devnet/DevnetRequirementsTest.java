package dev.latchkey.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the installed app says when the devnet's tools are missing, and that nothing starts then. */
class DevnetRequirementsTest {

    @TempDir Path dir;

    private DevnetConfig config(Path project) {
        return new DevnetConfig(dir.resolve("devnet"), 0, DevnetConfig.DEFAULT_CHAIN_ID, true, project, null,
                "latchkey-test-no-such-node", SmartSessionBuild.LATCHKEY);
    }

    @Test
    void withoutTheProjectsToolsEverythingMissingIsNamedWithItsFix() {
        Path project = dir.resolve("opt-latchkey");
        DevnetRequirements requirements = DevnetRequirements.check(config(project));
        assertThat(requirements.ready()).isFalse();
        assertThat(requirements.missing()).singleElement().asString()
                .contains("no node_modules in " + project, "npm ci", "LATCHKEY_HOME");
        assertThat(requirements.warnings()).singleElement().asString()
                .contains("Node.js 20+", "latchkey-test-no-such-node", "LATCHKEY_NODE", "without a bundler");
        assertThat(requirements.message())
                .startsWith("The local devnet needs developer tools that the installed app does not include:")
                .endsWith("Public networks work without them.");
    }

    @Test
    void anEmptyNodeModulesLacksAnvilAndTheArtifacts() throws Exception {
        Path project = Files.createDirectories(dir.resolve("checkout/node_modules")).getParent();
        DevnetRequirements requirements = DevnetRequirements.check(config(project).withBundler(false));
        assertThat(requirements.missing()).hasSize(2);
        assertThat(requirements.missing().get(0)).startsWith("anvil not found at ").contains("LATCHKEY_ANVIL");
        assertThat(requirements.missing().get(1)).contains("UniswapV3Factory.json", "Pool.json");
        assertThat(requirements.warnings()).as("no bundler asked for, so Node is not checked").isEmpty();
    }

    @Test
    void theProjectCheckoutHasEverything() {
        Path project = Path.of(System.getProperty("latchkey.projectDir", ".")).toAbsolutePath();
        DevnetRequirements requirements = DevnetRequirements.check(config(project).withNode("node"));
        assertThat(requirements.missing()).isEmpty();
        assertThat(requirements.warnings()).isEmpty();
        assertThat(requirements.ready()).isTrue();
        assertThat(requirements.message()).isEmpty();
    }

    @Test
    void startRefusesBeforeStartingAnything() {
        assertThatThrownBy(() -> Devnet.start(config(dir.resolve("empty")), DevnetProgress.silent()))
                .isInstanceOf(DevnetException.class)
                .hasMessageContaining("needs developer tools")
                .hasMessageContaining("npm ci");
        assertThat(dir.resolve("devnet")).doesNotExist();
    }
}
