package dev.latchkey.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.cli.LatchkeyCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code packaging/systemd/latchkey-agent.service}: its command line is one the real {@code agent run} accepts, the
 * credentials it loads are the files it passes, it stops on SIGTERM and treats the JVM's 143 as clean, restarts on
 * failure only, keeps no core dumps; and {@code systemd-analyze verify} accepts it (with the launcher path pointed at a
 * real executable here; {@code InstallerSmokeIT} verifies it against the installed launcher).
 */
class SystemdUnitTest {

    static final Path UNIT = Path.of(System.getProperty("latchkey.projectDir", ".")).toAbsolutePath().resolve("packaging/systemd/latchkey-agent.service");

    @TempDir Path tmp;

    @Test
    void theUnitRunsTheAgentAsTheCommandLineDefinesIt() throws Exception {
        Map<String, List<String>> service = section("Service");
        String exec = one(service, "ExecStart");
        List<String> argv = Arrays.asList(exec.split(" +"));
        assertThat(argv.get(0)).isEqualTo("/opt/latchkey/bin/Latchkey");
        assertThat(argv.subList(1, 3)).containsExactly("agent", "run");
        CommandLine.ParseResult parsed = LatchkeyCommand.commandLine().parseArgs(argv.subList(1, argv.size()).toArray(String[]::new));
        CommandLine.ParseResult run = parsed.subcommand().subcommand();
        assertThat(run.commandSpec().name()).isEqualTo("run");
        assertThat(run.matchedOptionValue("--port", 0)).isEqualTo(9477);
        for (String credential : service.get("LoadCredential")) {
            String name = credential.substring(0, credential.indexOf(':'));
            assertThat(exec).as("credential %s is passed to the agent", name).contains("${CREDENTIALS_DIRECTORY}/" + name);
        }
        assertThat(run.matchedOptionValue("--bundle", (Object) null)).hasToString("${CREDENTIALS_DIRECTORY}/session.bundle");
        assertThat(one(service, "KillSignal")).isEqualTo("SIGTERM");
        assertThat(one(service, "SuccessExitStatus")).isEqualTo("143");
        assertThat(one(service, "Restart")).isEqualTo("on-failure");
        assertThat(one(service, "LimitCORE")).isEqualTo("0");
        assertThat(one(service, "DynamicUser")).isEqualTo("yes");
        assertThat(one(service, "StateDirectory")).isEqualTo("latchkey-agent");
        assertThat(exec).contains("--data /var/lib/latchkey-agent/data");
        assertThat(service).as("the JIT writes and executes memory").doesNotContainKey("MemoryDenyWriteExecute");
        assertThat(one(section("Install"), "WantedBy")).isEqualTo("multi-user.target");
    }

    @Test
    void systemdAnalyzeVerifiesIt() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(analyze) || "true".equalsIgnoreCase(System.getenv("CI")),
                "systemd-analyze is not installed (apt-get install systemd)");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path unit = tmp.resolve("latchkey-agent.service");
        Files.writeString(unit, Files.readString(UNIT).replace("/opt/latchkey/bin/Latchkey", java.toString()));
        assertThat(verify(analyze, unit)).isEmpty();
        Path broken = tmp.resolve("broken/latchkey-agent.service");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, Files.readString(unit).replace("KillSignal=SIGTERM", "KillSignal=SIGNOPE"));
        assertThat(verify(analyze, broken)).as("the check can fail").contains("SIGNOPE");
    }

    static String verify(Path analyze, Path unit) throws Exception {
        Process p = new ProcessBuilder(analyze.toString(), "verify", unit.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes()).strip();
    }

    private static String one(Map<String, List<String>> section, String key) {
        assertThat(section.get(key)).as(key).hasSize(1);
        return section.get(key).get(0);
    }

    private static Map<String, List<String>> section(String name) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String current = null;
        for (String raw : Files.readAllLines(UNIT)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("[")) {
                current = line.substring(1, line.length() - 1);
                continue;
            }
            if (!name.equals(current)) continue;
            int eq = line.indexOf('=');
            out.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
        }
        return out;
    }
}
