package dev.latchkey.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Picocli mixin: {@code --json}, and how results and errors are printed. Text output is {@code key: value} lines;
 * JSON is one object per invocation (an error object {@code {"error": kind, "message": ...}} on failure).
 */
final class Output {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", description = "Machine-readable output (one JSON object).")
    boolean json;

    static Map<String, Object> result() {
        return new LinkedHashMap<>();
    }

    void print(CommandSpec spec, Map<String, Object> result) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(JSON.writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            result.forEach((key, value) -> out.println(key + ": " + value));
        }
        out.flush();
    }

    /** Reports a failure on stderr (and as a JSON error object with {@code --json}); returns {@code code}. */
    int fail(CommandSpec spec, String prefix, String kind, String message, int code) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(prefix + ": " + message);
        err.flush();
        if (json) {
            Map<String, Object> out = result();
            out.put("error", kind);
            out.put("message", message);
            print(spec, out);
        }
        return code;
    }
}
