package dev.latchkey.signer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lying bundler for tests: a loopback HTTP proxy in front of the real Alto that forwards every request unchanged,
 * except the first {@code eth_sendUserOperation} of each operation (keyed by sender and nonce), which it mistreats the
 * way real bundlers and networks do. Not a mock of Alto: every answer that is not the fault is Alto's own, and every
 * operation the proxy "loses" or "rejects" reaches Alto or not exactly as the fault says.
 */
public final class FaultProxy implements AutoCloseable {

    /** What happens to the first send of each operation. */
    public enum Fault {
        /** Answers JSON-RPC error -32500 at once, and forwards the same request to Alto {@code delay} later. */
        REJECT_BUT_FORWARD,
        /** Forwards to Alto at once but answers only after {@code delay} (longer than the client's time-out). */
        TIME_OUT_AND_FORWARD,
        /** Forwards to Alto, answers Alto's answer, then forwards the same request again {@code delay} later. */
        FORWARD_TWICE,
        /** Answers success with a made-up userOpHash and never forwards it. */
        DROP
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI target;
    private final Fault fault;
    private final Duration delay;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fault-proxy-", 0).factory());
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final HttpServer server;
    /** How many sends the fault was applied to. */
    public final AtomicInteger faulted = new AtomicInteger();

    public FaultProxy(URI target, Fault fault, Duration delay) throws IOException {
        this.target = target;
        this.fault = fault;
        this.delay = delay;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Fault fault() {
        return fault;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode request = JSON.readTree(body);
            String op = sendKey(request);
            if (op == null || !seen.add(op)) {
                reply(exchange, forward(body));
                return;
            }
            faulted.incrementAndGet();
            switch (fault) {
                case REJECT_BUT_FORWARD -> {
                    later(body);
                    reply(exchange, error(request, -32500, "AA23 reverted: fault proxy rejects this operation (and forwards it later)"));
                }
                case TIME_OUT_AND_FORWARD -> {
                    byte[] answer = forward(body);
                    Thread.sleep(delay);
                    reply(exchange, answer);
                }
                case FORWARD_TWICE -> {
                    byte[] answer = forward(body);
                    later(body);
                    reply(exchange, answer);
                }
                case DROP -> {
                    ObjectNode ok = JSON.createObjectNode().put("jsonrpc", "2.0");
                    ok.set("id", request.get("id"));
                    ok.put("result", "0x" + "00".repeat(31) + "01");
                    reply(exchange, JSON.writeValueAsBytes(ok));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code sender:nonce} of an {@code eth_sendUserOperation}, else null. */
    private static String sendKey(JsonNode request) {
        if (!"eth_sendUserOperation".equals(request.path("method").asText())) return null;
        JsonNode op = request.path("params").path(0);
        return op.path("sender").asText().toLowerCase(Locale.ROOT) + ":" + op.path("nonce").asText().toLowerCase(Locale.ROOT);
    }

    private void later(byte[] body) {
        workers.execute(() -> {
            try {
                Thread.sleep(delay);
                forward(body);
            } catch (IOException | InterruptedException e) {
                // the test sees the effect on chain, or its absence
            }
        });
    }

    private byte[] forward(byte[] body) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(target).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.body();
    }

    private static byte[] error(JsonNode request, int code, String message) throws IOException {
        ObjectNode e = JSON.createObjectNode().put("jsonrpc", "2.0");
        e.set("id", request.get("id"));
        e.putObject("error").put("code", code).put("message", message);
        return JSON.writeValueAsBytes(e);
    }

    private static void reply(HttpExchange exchange, byte[] answer) throws IOException {
        exchange.getResponseHeaders().add("content-type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "FaultProxy[" + fault.name().toLowerCase(Locale.ROOT) + ", " + delay.toMillis() + " ms]";
    }
}
