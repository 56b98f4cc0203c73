package dev.latchkey.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured logs: one JSON object per line on the agent's output ({@code ts}, {@code level}, {@code event},
 * {@code agent}, then the event's fields) — what journald or a log shipper keeps. Never a key or a passphrase:
 * the fields are the signer's and the engine's activity rows, which hold none.
 */
public final class AgentLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final String agentId;
    private final Clock clock;

    public AgentLog(PrintWriter out, String agentId, Clock clock) {
        this.out = out;
        this.agentId = agentId;
        this.clock = clock;
    }

    public void info(String event, Map<String, ?> fields) {
        write("info", event, fields);
    }

    public void warn(String event, Map<String, ?> fields) {
        write("warn", event, fields);
    }

    private void write(String level, String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ts", clock.instant().toString());
        line.put("level", level);
        line.put("event", event);
        line.put("agent", agentId);
        line.putAll(fields);
        String text;
        try {
            text = JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            text = "{\"level\":\"error\",\"event\":\"log.unwritable\",\"agent\":\"" + agentId + "\"}";
        }
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
