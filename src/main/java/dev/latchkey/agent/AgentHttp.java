package dev.latchkey.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The agent's endpoint on 127.0.0.1 only (the JDK's HttpServer): {@code GET /health} (JSON; 200 while running, 503
 * once revoked or stopping) and {@code GET /metrics} (Prometheus text). Nothing here changes state; a remote
 * Prometheus reaches it through the server's own tunnel or proxy, never by binding a public address.
 */
final class AgentHttp implements AutoCloseable {

    /** What {@code /metrics} renders; may fail (the store is closing), then the scrape gets a 503. */
    interface Text {
        String get() throws Exception;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads;

    AgentHttp(int port, Supplier<Map<String, Object>> health, Supplier<Boolean> healthy, Text metrics) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "agent-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/health", ex -> {
            if (!get(ex)) return;
            reply(ex, healthy.get() ? 200 : 503, "application/json", JSON.writeValueAsString(health.get()));
        });
        server.createContext("/metrics", ex -> {
            if (!get(ex)) return;
            try {
                reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get());
            } catch (Exception e) {
                reply(ex, 503, "text/plain; charset=utf-8", "metrics unavailable: " + e.getMessage() + "\n");
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static boolean get(HttpExchange ex) throws IOException {
        if ("GET".equals(ex.getRequestMethod())) return true;
        reply(ex, 405, "text/plain; charset=utf-8", "only GET\n");
        return false;
    }

    private static void reply(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
