package dev.latchkey.signer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A loopback HTTP forwarder in front of the real bundler that the test can stop (connection refused) and start again. */
final class BundlerProxy implements AutoCloseable {

    private final URI target;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;
    private HttpServer server;

    BundlerProxy(URI target) throws IOException {
        this.target = target;
        this.server = open(0);
        this.port = server.getAddress().getPort();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    synchronized void stop() {
        server.stop(0);
    }

    synchronized void start() throws IOException {
        server = open(port);
    }

    private HttpServer open(int p) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), 16);
        s.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(target).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes())).build(), HttpResponse.BodyHandlers.ofByteArray());
                exchange.getResponseHeaders().add("content-type", "application/json");
                exchange.sendResponseHeaders(r.statusCode(), r.body().length);
                out.write(r.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
        });
        s.start();
        return s;
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }
}
