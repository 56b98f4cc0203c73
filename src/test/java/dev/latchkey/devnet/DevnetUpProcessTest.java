package dev.latchkey.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code latchkey devnet up} as a real process: manifest on stdout, and SIGTERM / SIGINT leave no child behind. */
class DevnetUpProcessTest {

    @TempDir
    Path dir;

    @Test
    void stopsAnvilAndAltoOnSigtermAndOnCtrlC() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
            runUntilSignal(null, true);
            // second start reuses the saved state; Ctrl-C is SIGINT, unless this run inherited SIGINT as ignored (a shell
            // starts background jobs that way, and the child would inherit it), where only SIGTERM can stop the child
            runUntilSignal(sigintIgnored() ? "TERM" : "INT", false);
        });
    }

    private void runUntilSignal(String signal, boolean expectFresh) throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process cli = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                "-Dlatchkey.projectDir=" + DevnetConfig.defaults(dir).projectDir(),
                "dev.latchkey.app.Launcher", "devnet", "up", "--dir", dir.toString(), "--chain-id", "31339")
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("cli.err").toFile())).start();
        try {
            Manifest manifest = Manifest.fromJson(readJson(cli));
            assertThat(manifest.chainId()).isEqualTo(31339);
            assertThat(manifest.bundlerUrl()).isNotNull();
            List<ProcessHandle> children = cli.descendants().toList();
            assertThat(children).hasSizeGreaterThanOrEqualTo(2); // anvil and Node (Alto)

            if (signal == null) {
                cli.destroy(); // SIGTERM
            } else {
                new ProcessBuilder("kill", "-" + signal, Long.toString(cli.pid())).start().waitFor();
            }
            boolean exited = cli.waitFor(90, TimeUnit.SECONDS);
            assertThat(exited).as("the CLI exits after the signal; its log ends with:%n%s",
                    tail(java.nio.file.Files.readString(dir.resolve("cli.err")))).isTrue();
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("child " + child.pid() + " stopped").isFalse();
            }
            String log = java.nio.file.Files.readString(dir.resolve("cli.err"));
            assertThat(log.contains("reusing the saved chain state")).isEqualTo(!expectFresh);
        } finally {
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly();
        }
    }

    /** Whether this process ignores SIGINT (Linux {@code SigIgn} mask, bit of signal 2); children inherit that. */
    static boolean sigintIgnored() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & 2L) != 0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux: assume the default disposition
        }
        return false;
    }

    private static String tail(String log) {
        return log.length() <= 3_000 ? log : log.substring(log.length() - 3_000);
    }

    private static String readJson(Process cli) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder json = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            json.append(line).append('\n');
            if (line.equals("}")) {
                // keep reading whatever else it prints, so a full pipe can never hold up its shutdown
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // discarded
                        }
                    } catch (java.io.IOException ignored) {
                        // the process is gone
                    }
                }, "devnet-up-stdout");
                drain.setDaemon(true);
                drain.start();
                return json.toString();
            }
        }
        throw new AssertionError("devnet up printed no manifest");
    }
}
