package dev.latchkey.app;

import static dev.latchkey.app.FxLookups.fx;
import static dev.latchkey.app.FxLookups.waitFor;
import static dev.latchkey.app.FxLookups.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.ActivityKind;
import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.onchain.StoredSessionDefinitions;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.wallet.PendingTrade;
import dev.latchkey.wallet.SessionRequest;
import dev.latchkey.wallet.TradeResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 15's benchmark (run by name, see docs/benchmarks.md; not part of the default test run because filling the
 * wallet takes minutes): the whole app on the real devnet, a wallet filled through the real writers — swaps signed
 * and included through the background signer, trades the signer refused over the session's per-trade cap, rules
 * added through {@link AutomationService} — then the time from the click on Activity (Automations) to the first
 * layout pulse whose table (list) holds every row, five times each. Asserts the median is under 500 ms.
 */
@ExtendWith({DevnetExtension.class, ApplicationExtension.class})
class ThousandRowsBenchmark {

    private static final int INCLUDED = Integer.getInteger("bench.included", 600);
    private static final int REFUSED = Integer.getInteger("bench.refused", 400);
    private static final int RULES = Integer.getInteger("bench.rules", 1000);
    private static final int RUNS = 5;

    private static Devnet devnet;

    @TempDir Path dir;
    private AppContext context;
    private Scene scene;

    @BeforeAll
    static void devnet(Devnet shared) {
        devnet = shared;
    }

    @Start
    void start(Stage stage) {
        AppContext.Config config = new AppContext.Config(dir.resolve("wallet"), TestWalletSessions.POLICY, () -> TestWalletSessions.CHEAP,
                Clock.systemUTC(), ThemeService.Mode.LIGHT, devnet.config().dir())
                .withServices(wallet -> {
                    WalletNetwork network = new WalletNetwork(wallet, devnet.config().dir());
                    return new UiServices(step -> step.accept("the local devnet is already running"),
                            ProductionServices.environment(wallet, network, ZoneId.of("UTC")),
                            () -> new Address(wallet.keystore().keys().createSessionKey("session").address()),
                            ProductionServices.approvals(wallet, network), UiServices.randomSalts(), ZoneId.of("UTC"),
                            new AppAutomations(wallet, network));
                });
        context = AppContext.create(config);
        scene = context.mainWindow().createScene(1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void activityAndAutomationsShowAThousandRowsInUnderHalfASecond(FxRobot robot) throws Exception {
        robot.clickOn("#continueButton");
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#confirmation").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#create");
        waitFor(robot, "#lock");
        WalletWorkspace ws = context.workspace().current();
        context.workspace().portfolio().fund((f, m) -> { });
        HexBytes pid = ws.sessions().create(ws.account(), new SessionRequest.FromTemplate(new SessionTemplate.UniswapSwap("USDC", "WETH", 500,
                usdc(1), usdc(1_000)), 7)).permissionId();
        ws.sessions().approve(ws.keystore().sessions().get(pid.bytes()), TestWalletSessions.PASSWORD.toCharArray());

        long t0 = System.nanoTime();
        fill(ws, pid);
        long filled = System.nanoTime();
        List<ActivityLog.Entry> log = ws.keystore().activity().recent(100_000);
        long included = log.stream().filter(e -> e.kind() == ActivityKind.SIGNER_INCLUDED).count();
        long refused = log.stream().filter(e -> e.kind() == ActivityKind.SIGNER_REFUSED).count();
        assertThat(included).as("operations included on the devnet").isEqualTo(INCLUDED);
        assertThat(refused).as("trades the signer refused").isEqualTo(REFUSED);
        System.out.printf("filled in %.1f s: %d log lines (%d included, %d refused), %d rules%n", (filled - t0) / 1e9, log.size(),
                included, refused, ws.keystore().automations().all().size());

        int expectedActivity = INCLUDED + REFUSED; // one row per operation (its approved + included lines) or refusal, at least
        List<Long> activity = new ArrayList<>();
        List<Long> automations = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            // a fresh shell each run (lock, unlock): the Activity screen is built once per shell
            robot.clickOn("#lock");
            waitFor(robot, "#unlock");
            robot.clickOn("#password").write(TestWalletSessions.PASSWORD).type(javafx.scene.input.KeyCode.ENTER);
            waitFor(robot, "#lock");
            activity.add(timeToRows(robot, "#nav-activity", () -> tableSize(robot), expectedActivity));
            automations.add(timeToRows(robot, "#nav-automations", () -> ruleCount(robot), RULES));
        }
        System.out.printf("Activity, click to %d+ rows shown: %s ms (median %d)%n", expectedActivity, activity, median(activity));
        System.out.printf("Automations, click to %d rules shown: %s ms (median %d)%n", RULES, automations, median(automations));
        assertThat(median(activity)).as("Activity: median ms from the click to %d rows shown", expectedActivity).isLessThan(500);
        assertThat(median(automations)).as("Automations: median ms from the click to %d rules shown", RULES).isLessThan(500);
    }

    /** Included swaps and refused ones, through the wallet's trade service and its signer (at most 8 in flight). */
    private void fill(WalletWorkspace ws, HexBytes pid) throws Exception {
        Deque<PendingTrade> pending = new ArrayDeque<>();
        for (int i = 0; i < INCLUDED + REFUSED; i++) {
            long total = INCLUDED + REFUSED;
            boolean refuse = (i + 1L) * REFUSED / total > (long) i * REFUSED / total; // spread over the run
            BigInteger amount = refuse ? usdc(2) : BigInteger.valueOf(10_000 + i); // 0.01 USDC, or over the 1 USDC per-trade cap
            pending.add(ws.trades().submitSwap(ws.account(), new SwapIntent("USDC", "WETH", amount, 500, 500)));
            if (pending.size() >= 8) settle(ws, pending.removeFirst());
        }
        while (!pending.isEmpty()) settle(ws, pending.removeFirst());
        AutomationService rules = new AutomationService(ws.keystore(), ws.profile().tradeNetwork(), new StoredSessionDefinitions(),
                ws.profile().policies());
        long now = ws.chain().chainTime();
        for (int i = 0; i < RULES; i++) {
            // far below the market: waits, as most rules do
            rules.add(pid.bytes(), "dip " + i, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(1),
                    new BigDecimal(1 + i % 50), 100), now);
        }
    }

    private static void settle(WalletWorkspace ws, PendingTrade p) {
        TradeResult r = ws.trades().await(p, Duration.ofMinutes(2));
        if (!(r instanceof TradeResult.Included) && !(r instanceof TradeResult.Refused)) {
            throw new IllegalStateException("trade neither included nor refused: " + r);
        }
    }

    /** ms from the click to the first layout pulse in which {@code size} reaches {@code expected}. */
    private long timeToRows(FxRobot robot, String nav, IntSupplier size, int expected) throws Exception {
        robot.clickOn("#nav-portfolio");
        waitUntil(30, () -> fx(() -> size.getAsInt() < 0));
        CompletableFuture<Long> shown = new CompletableFuture<>();
        Runnable pulse = () -> {
            if (!shown.isDone() && size.getAsInt() >= expected) shown.complete(System.nanoTime());
        };
        fx(() -> {
            scene.addPostLayoutPulseListener(pulse);
            return null;
        });
        long click = System.nanoTime();
        fx(() -> {
            ((javafx.scene.control.ToggleButton) robot.lookup(nav).query()).fire();
            return null;
        });
        long at = shown.get(60, TimeUnit.SECONDS);
        fx(() -> {
            scene.removePostLayoutPulseListener(pulse);
            return null;
        });
        return (at - click) / 1_000_000;
    }

    /** Rows of the Activity table on screen; -1 when it is not showing. */
    private int tableSize(FxRobot robot) {
        return robot.lookup("#table").tryQuery().filter(n -> n instanceof TableView<?> && n.isVisible()).map(n -> ((TableView<?>) n).getItems().size()).orElse(-1);
    }

    /** Rules in the Automations list on screen; -1 when it is not showing. */
    private int ruleCount(FxRobot robot) {
        return robot.lookup("#ruleList").tryQuery().filter(Node::isVisible).map(n -> n instanceof ListView<?> l ? l.getItems().size()
                : ((javafx.scene.layout.Pane) n).getChildren().size()).orElse(-1);
    }

    private static long median(List<Long> ms) {
        return ms.stream().sorted().toList().get(ms.size() / 2);
    }

    private static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }
}
