package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.latchkey.devnet.Manifest;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.common.OwnerKeySource;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.common.WalletSession;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The FX thread never waits for the network: the whole app (unlock → shell) against a real loopback JSON-RPC server
 * whose first {@code eth_blockNumber} answers only after 3 s (and not before the test has looked). While that call is
 * out, an AnimationTimer keeps counting pulses and a navigation button still switches the screen; then the answer
 * arrives and the status bar shows it. A status bar that polled on the FX thread would stall both and never let the
 * test release the answer.
 */
@ExtendWith(ApplicationExtension.class)
class FxThreadNeverBlocksFxTest {

    private static final String ENTRY_POINT = "0x0000000071727De22E5E9d8BAf0edAc6f37da032";

    @TempDir Path dir;
    private AppContext context;
    private HttpServer rpc;
    private ExecutorService rpcThreads;
    private AnimationTimer pulse;
    private final AtomicLong pulses = new AtomicLong();
    private final CountDownLatch blockAsked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean blockAnswered = new AtomicBoolean();
    private final AtomicBoolean firstBlockCall = new AtomicBoolean(true);

    @Start
    void start(Stage stage) throws Exception {
        startSlowRpc();
        Path devnet = Files.createDirectories(dir.resolve("devnet"));
        String url = "http://127.0.0.1:" + rpc.getAddress().getPort();
        Files.writeString(devnet.resolve("manifest.json"), new Manifest(Manifest.CURRENT_VERSION, 31337, url, url,
                Map.of("EntryPoint", ENTRY_POINT), Map.of(), "0x00").toJson());
        Path wallet = dir.resolve("wallet");
        try (WalletSession setup = TestWalletSessions.session(wallet, Clock.systemUTC())) {
            setup.create(wallet, TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(), (f, m) -> { });
        }
        context = AppContext.create(new AppContext.Config(wallet, TestWalletSessions.POLICY,
                () -> TestWalletSessions.CHEAP, Clock.systemUTC(), ThemeService.Mode.LIGHT, devnet));
        stage.setScene(context.mainWindow().createScene(1280, 800));
        stage.show();
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        pulse.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        WaitForAsyncUtils.asyncFx(() -> pulse.stop()).get(10, TimeUnit.SECONDS);
        context.close();
        rpc.stop(0);
        rpcThreads.shutdownNow();
    }

    @Test
    void uiKeepsRespondingWhileTheNodeTakesThreeSeconds(FxRobot robot) throws Exception {
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD).type(KeyCode.ENTER);
        waitFor(robot, "#lock");

        // the status bar's first poll is now out and held by the server
        assertThat(blockAsked.await(20, TimeUnit.SECONDS)).as("the status bar asked for the latest block").isTrue();
        long before = pulses.get();
        robot.clickOn("#nav-trade");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#pair").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> pulses.get() >= before + 30);
        assertThat(blockAnswered).as("all of the above happened while eth_blockNumber was still unanswered").isFalse();
        assertThat(text(robot, "#block")).isEqualTo("Block …");

        release.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Block 4,660".equals(text(robot, "#block")));
        assertThat(blockAnswered).isTrue();
        assertThat(text(robot, "#bundler")).isEqualTo("Bundler OK");
        assertThat(text(robot, "#network")).isEqualTo("Local devnet");
    }

    private void startSlowRpc() throws IOException {
        rpcThreads = Executors.newCachedThreadPool();
        rpc = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rpc.setExecutor(rpcThreads);
        rpc.createContext("/", this::answer);
        rpc.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String result;
        if (request.contains("eth_blockNumber")) {
            if (firstBlockCall.getAndSet(false)) {
                long asked = System.nanoTime();
                blockAsked.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                    long left = TimeUnit.SECONDS.toNanos(3) - (System.nanoTime() - asked);
                    if (left > 0) {
                        TimeUnit.NANOSECONDS.sleep(left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                blockAnswered.set(true);
            }
            result = "\"0x1234\"";
        } else if (request.contains("eth_supportedEntryPoints")) {
            result = "[\"" + ENTRY_POINT + "\"]";
        } else {
            result = "null";
        }
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void waitFor(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) throws Exception {
        Label label = robot.lookup(query).queryAs(Label.class);
        return WaitForAsyncUtils.asyncFx(label::getText).get(10, TimeUnit.SECONDS);
    }
}
