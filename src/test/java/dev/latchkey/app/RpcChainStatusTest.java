package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.latchkey.chain.RpcException;
import dev.latchkey.ui.status.BundlerHealth;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status bar's RPC adapter against a real loopback JSON-RPC server whose answers the test sets. */
class RpcChainStatusTest {

    private static final String V07 = "0x0000000071727De22E5E9d8BAf0edAc6f37da032";

    private HttpServer server;
    private final AtomicReference<String> entryPoints = new AtomicReference<>("[\"" + V07 + "\"]");
    private URI url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String answer = request.contains("eth_blockNumber")
                    ? "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1d6a5e8\"}"
                    : entryPoints.get().startsWith("{") ? entryPoints.get()
                    : "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + entryPoints.get() + "}";
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RpcChainStatus status(URI bundler) {
        return new RpcChainStatus("Local devnet", () -> new RpcChainStatus.Endpoints(url, bundler, V07.toLowerCase()),
                Duration.ofSeconds(5));
    }

    @Test
    void latestBlockAndAHealthyBundler() {
        RpcChainStatus status = status(url);
        assertThat(status.networkName()).isEqualTo("Local devnet");
        assertThat(status.latestBlock()).isEqualTo(30_844_392L);
        assertThat(status.bundlerHealth()).isEqualTo(new BundlerHealth.Healthy(java.util.List.of(V07)));
    }

    @Test
    void aBundlerWithoutOurEntryPointOrWithAnErrorIsNotHealthy() {
        RpcChainStatus status = status(url);
        entryPoints.set("[\"0x5FF137D4b0FDCD49DcA30c7CF57E578a026d2789\"]");
        assertThat(status.bundlerHealth()).isInstanceOf(BundlerHealth.WrongEntryPoint.class);
        entryPoints.set("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}");
        assertThat(status.bundlerHealth()).isInstanceOfSatisfying(BundlerHealth.Unreachable.class,
                u -> assertThat(u.reason()).contains("Method not found"));
    }

    @Test
    void noBundlerMeansDirectSubmissionAndAStoppedNodeSaysWhy() {
        assertThat(status(null).bundlerHealth()).isEqualTo(new BundlerHealth.NotConfigured());
        server.stop(0);
        RpcChainStatus stopped = status(url);
        assertThatThrownBy(stopped::latestBlock).isInstanceOf(RpcException.class).hasMessageContaining("cannot reach");
        assertThat(status(url).bundlerHealth()).isInstanceOf(BundlerHealth.Unreachable.class);
    }

    @Test
    void aMissingDevnetIsReportedNotThrownByTheBundlerCheck() {
        RpcChainStatus missing = new RpcChainStatus("Local devnet", () -> {
            throw new IllegalStateException("no devnet manifest at ~/.latchkey/devnet/manifest.json");
        }, Duration.ofSeconds(5));
        assertThatThrownBy(missing::latestBlock).hasMessageContaining("no devnet manifest");
        assertThat(missing.bundlerHealth()).isEqualTo(new BundlerHealth.Unreachable(
                "no devnet manifest at ~/.latchkey/devnet/manifest.json"));
    }
}
