package dev.latchkey.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback forwarder in front of the real anvil that answers one method with a given (wrong) result — null, an
 * object, a number where hex text belongs — and forwards every other request unchanged.
 */
final class WrongAnswerRpcProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI target;
    private final String method;
    private final JsonNode result;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpServer server;
    final AtomicInteger faulted = new AtomicInteger();

    WrongAnswerRpcProxy(URI target, String method, JsonNode result) throws IOException {
        this.target = target;
        this.method = method;
        this.result = result;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                JsonNode request = JSON.readTree(body);
                byte[] answer;
                if (method.equals(request.path("method").asText())) {
                    faulted.incrementAndGet();
                    ObjectNode wrong = JSON.createObjectNode().put("jsonrpc", "2.0");
                    wrong.set("id", request.get("id"));
                    wrong.set("result", result);
                    answer = JSON.writeValueAsBytes(wrong);
                } else {
                    answer = forward(body);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    private byte[] forward(byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }
}
