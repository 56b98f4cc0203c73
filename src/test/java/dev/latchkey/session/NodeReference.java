package dev.latchkey.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs src/test/resources/dev/latchkey/session/reference.mjs (module-sdk + viem) from the project directory. */
public final class NodeReference implements AutoCloseable {

    public static final String SCRIPT = "src/test/resources/dev/latchkey/session/reference.mjs";
    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;

    private NodeReference(Process process) {
        this.process = process;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public static File projectDir() {
        return new File(System.getProperty("latchkey.projectDir", System.getProperty("user.dir")));
    }

    /** One batch: writes {@code input} as JSON to stdin, parses stdout as JSON. */
    public static JsonNode batch(ObjectMapper mapper, JsonNode input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", SCRIPT).directory(projectDir()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            mapper.writeValue(w, input);
        }
        byte[] stdout = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("reference.mjs failed: exit " + p.exitValue());
        return mapper.readTree(stdout);
    }

    /** A long-lived line-mode process: {@code flz-lines}. */
    public static NodeReference flzLines() throws IOException {
        return new NodeReference(new ProcessBuilder("node", SCRIPT, "flz-lines").directory(projectDir())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    public synchronized String ask(String line) throws IOException {
        in.write(line);
        in.newLine();
        in.flush();
        String answer = out.readLine();
        if (answer == null) throw new IOException("reference.mjs closed its output");
        return answer;
    }

    @Override
    public void close() throws IOException {
        in.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
