package dev.latchkey.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code latchkey agent run} as its own OS process, through the program's real entry point ({@code app.Launcher}), with
 * the JVM's class-loading log on: its JSON lines are collected while it runs.
 */
public final class AgentProcess {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final Process process;
    final Path classLog;
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    public AgentProcess(Path classLog, String... args) throws IOException {
        this.classLog = classLog;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog, "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-cp", System.getProperty("java.class.path"), "dev.latchkey.app.Launcher", "agent", "run"));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                    System.out.println("[agent " + process.pid() + "] " + line);
                }
            } catch (IOException e) {
                lines.add("(output ended: " + e.getMessage() + ")");
            }
        });
    }

    /** The JSON log lines of {@code event} so far. */
    public List<JsonNode> events(String event) {
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.startsWith("{")) continue;
            try {
                JsonNode n = JSON.readTree(l);
                if (event.equals(n.path("event").asText())) out.add(n);
            } catch (IOException e) {
                // not a log line
            }
        }
        return out;
    }

    /** Waits until {@code done} holds over the collected lines (or the process ended, or the timeout). */
    public boolean await(Predicate<AgentProcess> done, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (done.test(this)) return true;
            if (!process.isAlive()) return done.test(this);
            Thread.sleep(100);
        }
        return false;
    }

    public void sigkill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(5_000);
    }

    /** SIGTERM; returns the exit code. */
    public int sigterm() throws InterruptedException {
        process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
        if (!process.waitFor(45, TimeUnit.SECONDS)) throw new AssertionError("the agent did not stop on SIGTERM:\n" + String.join("\n", lines));
        reader.join(5_000);
        return process.exitValue();
    }

    public int waitForExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) throw new AssertionError("the agent did not exit:\n" + String.join("\n", lines));
        reader.join(5_000);
        return process.exitValue();
    }

    public String output() {
        return String.join("\n", lines);
    }

    /** Classes the JVM loaded, from its class-loading log. */
    public List<String> loadedClasses() throws IOException {
        return Files.readAllLines(classLog).stream().filter(l -> l.contains("[class,load]")).toList();
    }
}
