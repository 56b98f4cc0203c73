package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.latchkey.app.FxLookups.fx;
import static dev.latchkey.app.FxLookups.text;
import static dev.latchkey.app.FxLookups.waitFor;

import dev.latchkey.aa.flow.ChainPolicyState;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.ui.MainWindow;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.activity.ActivityRow;
import dev.latchkey.ui.activity.ActivityViewModel;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.notifications.NotificationsViewModel.Notification;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 06's main path, headless (Monocle), on the real devnet (anvil + Alto, real EntryPoint, Uniswap V3, real
 * keystore, the app's production ports): first run -> wallet created -> faucet -> Sessions -> New session -> the
 * Uniswap template -> Review -> Approve with the password (the only owner signature of the whole run) -> three
 * one-click swaps from the Trade screen, signed by the background signer (the first enables the session) -> a trade
 * above the per-trade cap is refused with its reason -> Activity shows three included operations -> the Sessions spend
 * meter shows 300 USDC, equal to the PeriodicSpendingLimit's own counter -> lock stops the signer, unlock restarts it
 * and the next click is included again.
 */
@ExtendWith({DevnetExtension.class, ApplicationExtension.class})
class TradingFlowFxTest {

    private static Devnet devnet;

    @TempDir Path dir;
    private AppContext context;
    private MainWindow window;
    private Stage stage;
    /** Every notification title ever shown (successes go away by themselves after a few seconds). */
    private final List<String> titles = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void devnet(Devnet shared) {
        devnet = shared;
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // the production ports, except that the devnet is the test run's (already started, so first run only reports it)
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
        window = context.mainWindow();
        window.notifications().items().addListener((javafx.collections.ListChangeListener<Notification>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(n -> titles.add(n.title()));
            }
        });
        stage.setScene(window.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void threeOneClickSwapsAppearInActivityAndTheSpendMeter(FxRobot robot) throws Exception {
        // first run: the local devnet, a password, a new owner key
        robot.clickOn("#continueButton");
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#confirmation").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#create");
        waitFor(robot, "#lock");

        // Portfolio: the counterfactual account, then the faucet funds and deploys it
        waitUntil(60, () -> text(robot, "#address").startsWith("0x"));
        Address account = Address.parse("account", text(robot, "#address"));
        waitUntil(20, () -> !robot.lookup("#fund").query().isDisabled());
        robot.clickOn("#fund");
        waitUntil(60, () -> "10,000".equals(text(robot, "#balance-USDC")));
        assertThat(text(robot, "#deployment")).isEqualTo("Deployed");

        // Sessions -> New session -> the Uniswap template -> Review -> Approve with the password: the one owner signature
        robot.clickOn("#nav-sessions");
        waitFor(robot, "#build");
        robot.clickOn("#build");
        waitFor(robot, "#applyTemplate");
        robot.clickOn("#applyTemplate");
        waitUntil(10, () -> text(robot, "#exposure").startsWith("at most 2,000 USDC per day"));
        robot.clickOn("#review");
        waitFor(robot, "#approve");
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#approve");
        waitUntil(60, () -> text(robot, "#result").startsWith("Approved."));
        HexBytes permissionId = HexBytes.parse("pid", text(robot, "#permissionId").substring("permission id ".length()));
        robot.clickOn("#done");
        waitUntil(30, () -> robot.lookup(".status-pill").tryQuery().map(n -> ((Label) n).getText().equals("ready")).orElse(false));
        WalletWorkspace ws = context.workspace().current();
        SessionRecord stored = ws.keystore().sessions().get(permissionId.bytes());
        assertThat(stored.approved()).isTrue();
        assertThat(ws.keystore().activity().recent(200).stream().filter(e -> e.kind().equals(dev.latchkey.wallet.OwnerSignatures.KIND)))
                .as("one owner signature so far: the approval").hasSize(1);

        // Trade: WETH / USDC, buy with 100 USDC, three clicks
        robot.clickOn("#nav-trade");
        waitUntil(30, () -> robot.lookup("#pair").tryQuery().isPresent() && !fx(() -> ((javafx.scene.control.ComboBox<?>)
                robot.lookup("#pair").query()).getItems().isEmpty()));
        robot.clickOn("#pair");
        robot.clickOn("WETH / USDC · 0.05%");
        waitFor(robot, "#preset-100");
        BigInteger wethBefore = balance(ws, "WETH", account);
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#preset-100");
        }
        waitUntil(120, () -> count("Included: Buy WETH with 100 USDC") == 3);
        assertThat(count("Refused:") + count("Failed:")).isZero();
        assertThat(balance(ws, "USDC", account)).isEqualTo(usdc(10_000 - 300));
        assertThat(balance(ws, "WETH", account)).isGreaterThan(wethBefore);

        // above the 500 USDC per-trade cap: refused with its reason, nothing signed
        robot.clickOn("#amount").write("600");
        waitUntil(30, () -> text(robot, "#quote").startsWith("≈"));
        robot.clickOn("#submit");
        waitUntil(60, () -> count("Refused: Buy WETH with 600 USDC") == 1);
        Notification refusal = fx(() -> window.notifications().items().stream()
                .filter(n -> n.title().equals("Refused: Buy WETH with 600 USDC")).findFirst().orElseThrow()); // errors stay
        assertThat(refusal.text()).as("the reason is shown").doesNotStartWith("no-session").contains("500");
        assertThat(balance(ws, "USDC", account)).isEqualTo(usdc(9_700));

        // Activity: three included operations (and the refusal with its reason), details with the receipt
        robot.clickOn("#nav-activity");
        ActivityViewModel activity = (ActivityViewModel) fx(() -> window.content().viewModel());
        waitUntil(30, () -> fx(() -> activity.rows().stream().filter(r -> r.status() == ActivityRow.Status.INCLUDED).count()) == 3);
        robot.clickOn("#filter");
        robot.clickOn("Included");
        TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
        assertThat(fx(() -> table.getItems().size())).isEqualTo(3);
        assertThat(fx(() -> activity.rows().stream().allMatch(r -> r.what().startsWith("Swap 100 USDC → WETH")
                && r.userOpHash().isPresent() && r.transactionHash().isPresent() && r.session().equals(permissionId.hex()))))
                .isTrue();
        robot.clickOn(robot.lookup(".table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getIndex() == 0
                && r.getItem() != null).queryAs(Node.class));
        waitUntil(30, () -> text(robot, "#receipt").startsWith("Block "));
        assertThat(text(robot, "#details")).contains("userOpHash: 0x", "Transaction: 0x");
        robot.clickOn("#filter");
        robot.clickOn("Refused");
        assertThat(fx(() -> activity.rows().size())).isEqualTo(1);
        assertThat(fx(() -> activity.rows().get(0).reason())).isEqualTo(refusal.text().replace(" — ", ": "));

        // Sessions: the spend meter equals the PeriodicSpendingLimit's counter on chain
        robot.clickOn("#nav-sessions");
        waitUntil(30, () -> robot.lookup("#meter-USDC-today").tryQuery().map(n -> ((Label) n).getText().equals("300 / 2,000 USDC"))
                .orElse(false));
        assertThat(text(robot, ".status-pill")).isEqualTo("enabled");
        TradeNetwork n = ws.profile().tradeNetwork();
        Address usdc = n.token("t", "USDC").address();
        HexBytes approveConfig = Ids.configId(account, Ids.actionPolicyId(permissionId, Ids.actionId(usdc,
                Catalog.APPROVE.selector())));
        BigInteger onChain = new ChainPolicyState(ws.chain().node(), ws.profile().smartSession(), account)
                .periodicBudget(ws.profile().policy(PolicyKind.PERIODIC_SPENDING_LIMIT), approveConfig, usdc).used();
        assertThat(onChain).isEqualTo(usdc(300));
        assertThat(text(robot, "#meter-USDC-in-total")).isEqualTo("300 / 14,000 USDC");

        // lock stops the signer; unlock starts it again and the next click lands
        robot.clickOn("#lock");
        waitFor(robot, "#unlock");
        waitUntil(20, () -> context.workspace().ifOpen().isEmpty());
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD).type(KeyCode.ENTER);
        waitFor(robot, "#lock");
        waitUntil(60, () -> "Signer running".equals(text(robot, "#signer")));
        robot.clickOn("#nav-trade");
        waitUntil(30, () -> robot.lookup("#preset-50").tryQuery().isPresent());
        robot.clickOn("#pair");
        robot.clickOn("WETH / USDC · 0.05%");
        robot.clickOn("#preset-50");
        waitUntil(120, () -> count("Included: Buy WETH with 50 USDC") == 1);
        assertThat(balance(context.workspace().current(), "USDC", account)).isEqualTo(usdc(9_650));
        assertThat(context.workspace().current().keystore().activity().recent(500).stream()
                .filter(e -> e.kind().equals(dev.latchkey.wallet.OwnerSignatures.KIND))).as("still only the approval").hasSize(1);
    }

    private long count(String titlePrefix) {
        return titles.stream().filter(t -> t.startsWith(titlePrefix)).count();
    }

    private static BigInteger balance(WalletWorkspace ws, String symbol, Address holder) {
        Address token = ws.profile().tradeNetwork().token("t", symbol).address();
        return dev.latchkey.chain.Abi.word(ws.chain().node().call(token.hex(), dev.latchkey.chain.Abi.call("balanceOf(address)",
                new org.web3j.abi.datatypes.Address(holder.hex()))), 0);
    }

    private static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }

    private void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            snapshot();
            throw e;
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What the window showed when a wait timed out: target/TradingFlowFxTest-timeout.png. */
    private void snapshot() {
        try {
            javafx.scene.image.WritableImage image = fx(() -> stage.getScene().snapshot(null));
            java.awt.image.BufferedImage png = new java.awt.image.BufferedImage((int) image.getWidth(), (int) image.getHeight(),
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < png.getHeight(); y++) {
                for (int x = 0; x < png.getWidth(); x++) {
                    png.setRGB(x, y, image.getPixelReader().getArgb(x, y));
                }
            }
            javax.imageio.ImageIO.write(png, "png", Path.of("target", "TradingFlowFxTest-timeout.png").toFile());
        } catch (Exception ignored) {
            // the timeout itself is what the test reports
        }
    }

}
