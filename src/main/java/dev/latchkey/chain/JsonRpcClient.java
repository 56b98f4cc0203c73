package dev.latchkey.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plain JSON-RPC 2.0 over HTTP, for nodes and bundlers alike. We use it instead of web3j's typed requests where
 * web3j has no type (EntryPoint v0.7 user operations, anvil_* methods); see style-anchors §5.4 item 7.
 */
public final class JsonRpcClient implements AutoCloseable {

    private final URI uri;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong();
    private final Duration timeout;
    private final Observer observer;

    /** Sees every call this client makes, on the calling thread, when it returns or fails (metrics, benchmarks). */
    @FunctionalInterface
    public interface Observer {
        void completed(String method, long startNanos, long endNanos);
    }

    public JsonRpcClient(URI uri, Duration timeout) {
        this(uri, timeout, (m, s, e) -> { });
    }

    public JsonRpcClient(URI uri, Duration timeout, Observer observer) {
        this.uri = uri;
        this.timeout = timeout;
        this.observer = observer;
        // HTTP/1.1: an h2c upgrade header makes Node servers (Alto) drop the request.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public JsonRpcClient(String url) {
        this(URI.create(url), Duration.ofSeconds(60));
    }

    public URI uri() {
        return uri;
    }

    /** Calls {@code method}; params are serialized by Jackson (strings, numbers, maps, lists). */
    public JsonNode call(String method, Object... params) {
        long start = System.nanoTime();
        try {
            return send(method, params);
        } finally {
            observer.completed(method, start, System.nanoTime());
        }
    }

    private JsonNode send(String method, Object... params) {
        ObjectNode request = mapper.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", ids.incrementAndGet());
        request.put("method", method);
        request.set("params", mapper.valueToTree(Arrays.asList(params)));
        HttpResponse<String> response;
        try {
            HttpRequest httpRequest = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(request))).build();
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RpcException("cannot reach " + uri + " for " + method + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted while calling " + method + " on " + uri, e);
        }
        JsonNode body;
        try {
            body = mapper.readTree(response.body());
        } catch (IOException e) {
            throw new RpcException(uri + " answered " + method + " with HTTP " + response.statusCode()
                    + " and no JSON: " + abbreviate(response.body()), e);
        }
        if (body == null || !body.isObject()) {
            // Jackson reads an empty body as a missing node: that is no answer, not an empty result.
            throw new RpcException(uri + " answered " + method + " with HTTP " + response.statusCode()
                    + " and no JSON-RPC response: " + abbreviate(response.body()), null);
        }
        JsonNode error = body.get("error");
        if (error != null && !error.isNull()) {
            JsonNode data = error.get("data");
            String dataText = data == null || data.isNull() ? null : data.isTextual() ? data.asText() : data.toString();
            throw new RpcException(method + " failed: " + error.path("message").asText(error.toString())
                    + (dataText == null ? "" : " (data " + abbreviate(dataText) + ")"),
                    error.path("code").asInt(), dataText, null);
        }
        return body.path("result");
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    @Override
    public void close() {
        http.close();
    }
}
