package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.latchkey.app.FxLookups.text;
import static dev.latchkey.app.FxLookups.waitFor;
import static dev.latchkey.app.FxLookups.waitUntil;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.onchain.StoredSessionDefinitions;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.wallet.SessionRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
 * Issue 15's first acceptance point, the whole app headless on the real devnet: a stop-loss is created, the person
 * leaves the wallet idle past a short auto-lock (the app's clock is moved on; the app's own 5 s auto-lock check
 * locks it), the lock screen says the rule and the session-key signer keep running while the owner key is locked,
 * then another trader drops the pool price below the stop: the stop fires and sells through the signer while the
 * screens stay locked. Unlock brings the owner key back.
 */
@ExtendWith({DevnetExtension.class, ApplicationExtension.class})
class AwayAutomationsFxTest {

    private static Devnet devnet;

    @TempDir Path dir;
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);
    private AppContext context;

    @BeforeAll
    static void devnet(Devnet shared) {
        devnet = shared;
    }

    @Start
    void start(Stage stage) {
        AppContext.Config config = new AppContext.Config(dir.resolve("wallet"), TestWalletSessions.POLICY, () -> TestWalletSessions.CHEAP,
                () -> Instant.now().plus(ahead.get()), ThemeService.Mode.LIGHT, devnet.config().dir())
                .withServices(wallet -> {
                    WalletNetwork network = new WalletNetwork(wallet, devnet.config().dir());
                    return new UiServices(step -> step.accept("the local devnet is already running"),
                            ProductionServices.environment(wallet, network, ZoneId.of("UTC")),
                            () -> new Address(wallet.keystore().keys().createSessionKey("session").address()),
                            ProductionServices.approvals(wallet, network), UiServices.randomSalts(), ZoneId.of("UTC"),
                            new AppAutomations(wallet, network));
                });
        context = AppContext.create(config);
        stage.setScene(context.mainWindow().createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void aStopLossFiresWhileTheWalletIsAutoLockedAndTheLockScreenSaidItWould(FxRobot robot) throws Exception {
        robot.clickOn("#continueButton");
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#confirmation").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#create");
        waitFor(robot, "#lock");

        WalletWorkspace ws = context.workspace().current();
        context.workspace().portfolio().fund((f, m) -> { });
        Address account = new Address(ws.account().address());
        HexBytes pid = ws.sessions().create(ws.account(), new SessionRequest.FromTemplate(new SessionTemplate.UniswapSwap("WETH", "USDC", 500,
                eth("1"), eth("2")), 7)).permissionId();
        ws.sessions().approve(ws.keystore().sessions().get(pid.bytes()), TestWalletSessions.PASSWORD.toCharArray());

        PoolWhale whale = new PoolWhale(devnet);
        BigDecimal market = whale.wethPrice();
        try {
            BigDecimal stop = market.multiply(new BigDecimal("0.98")).setScale(2, RoundingMode.DOWN);
            AutomationService rules = new AutomationService(ws.keystore(), ws.profile().tradeNetwork(), new StoredSessionDefinitions(),
                    ws.profile().policies());
            AutomationRule rule = rules.add(pid.bytes(), "stop at " + stop.toPlainString(), new RuleSpec.StopOrder("WETH", "USDC", 500,
                    eth("0.1"), stop, null, 200), ws.chain().chainTime());
            BigInteger wethBefore = balance(ws, "WETH", account);
            BigInteger usdcBefore = balance(ws, "USDC", account);

            // the person goes away: one idle minute allowed, two pass (the app's own auto-lock check locks it)
            context.wallet().setAutoLockTimeout(Duration.ofMinutes(1));
            ahead.set(Duration.ofMinutes(2));
            waitFor(robot, "#unlock");
            assertThat(text(robot, "#running")).isEqualTo("While locked: 1 rule active, signer running with session keys only."
                    + " The owner key is locked: new sessions, approvals and revocations need the password.");
            assertThat(robot.lookup("#stopAndLock").queryAs(Node.class).isVisible()).isTrue();
            assertThat(context.workspace().ifOpen()).as("the workspace (signer, engine) stays open").containsSame(ws);
            String owner = ws.keystore().keys().ownerKeys().get(0).publicRef();
            assertThatThrownBy(() -> ws.keystore().keys().signHashWithOwner(owner, new byte[32]))
                    .as("the owner key is as locked as before").isInstanceOf(KeystoreException.LockedException.class);

            // the market drops below the stop while nobody is at the screen
            whale.moveTo(market.multiply(new BigDecimal("0.96")));
            waitUntil(120, () -> ws.keystore().automations().get(rule.ruleId()).status() == AutomationRule.Status.DONE);
            assertThat(ws.keystore().automations().firings(rule.ruleId())).singleElement()
                    .extracting(AutomationFiring::state).isEqualTo(AutomationFiring.State.SUCCEEDED);
            assertThat(balance(ws, "WETH", account)).as("0.1 WETH sold by the session key").isEqualTo(wethBefore.subtract(eth("0.1")));
            assertThat(balance(ws, "USDC", account)).isGreaterThan(usdcBefore);
            assertThat(robot.lookup("#unlock").queryAs(Node.class).isVisible()).as("the screens stayed locked").isTrue();
            waitUntil(20, () -> text(robot, "#running").startsWith("While locked: 0 rules active"));

            // back at the desk: the password brings the owner key back
            robot.clickOn("#password").write(TestWalletSessions.PASSWORD).type(KeyCode.ENTER);
            waitFor(robot, "#lock");
            assertThat(ws.keystore().keys().signHashWithOwner(owner, new byte[32])).hasSize(65);
        } finally {
            whale.moveTo(market);
        }
    }

    private static BigInteger eth(String whole) {
        return new BigDecimal(whole).movePointRight(18).toBigIntegerExact();
    }

    private static BigInteger balance(WalletWorkspace ws, String symbol, Address holder) {
        Address token = ws.profile().tradeNetwork().token("t", symbol).address();
        return dev.latchkey.chain.Abi.word(ws.chain().node().call(token.hex(), dev.latchkey.chain.Abi.call("balanceOf(address)",
                new org.web3j.abi.datatypes.Address(holder.hex()))), 0);
    }

}
