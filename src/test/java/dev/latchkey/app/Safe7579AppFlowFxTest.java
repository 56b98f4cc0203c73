package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.latchkey.app.FxLookups.fx;
import static dev.latchkey.app.FxLookups.text;
import static dev.latchkey.app.FxLookups.waitFor;
import static dev.latchkey.app.FxLookups.waitUntil;

import dev.latchkey.chain.Abi;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.ui.MainWindow;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.common.OwnerKeySource;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.notifications.NotificationsViewModel.Notification;
import dev.latchkey.wallet.AccountService;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.NetworkRequest;
import dev.latchkey.wallet.Networks;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
 * The app's path once on a Safe7579 account (headless, real devnet, production ports): the wallet's only account is a
 * Safe made by {@code account create --kind safe7579} (here its service call, before the app starts, as a user who
 * used the command line first); the app unlocks it, the faucet funds and deploys the Safe, a Uniswap session is built
 * and approved with the password (the only owner signature: Safe's message hash through {@code checkSignatures}), and
 * three one-click swaps are included.
 */
@ExtendWith({DevnetExtension.class, ApplicationExtension.class})
class Safe7579AppFlowFxTest {

    private static Devnet devnet;

    @TempDir Path dir;
    private AppContext context;
    private final List<String> titles = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Address safe;

    @BeforeAll
    static void devnet(Devnet shared) {
        devnet = shared;
    }

    @Start
    void start(Stage stage) throws Exception {
        Path walletDir = dir.resolve("wallet");
        WalletSession cli = TestWalletSessions.session(walletDir, Clock.systemUTC());
        cli.create(walletDir, TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(), (f, m) -> { });
        try (ChainConnection chain = ChainConnection.open(Networks.resolve(new NetworkRequest(NetworkRequest.DEVNET, Optional.empty(),
                Optional.of(devnet.config().dir()), Optional.empty(), Optional.empty())))) {
            safe = new AccountService(cli.keystore(), chain).create(Optional.empty(), 0, "Safe", AccountKind.SAFE7579).address();
        }
        cli.close();

        AppContext.Config config = new AppContext.Config(walletDir, TestWalletSessions.POLICY, () -> TestWalletSessions.CHEAP,
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
        MainWindow window = context.mainWindow();
        window.notifications().items().addListener((javafx.collections.ListChangeListener<Notification>) c -> {
            while (c.next()) c.getAddedSubList().forEach(n -> titles.add(n.title()));
        });
        stage.setScene(window.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void theSafeIsFundedApprovedOnceAndTradesThreeTimes(FxRobot robot) throws Exception {
        waitFor(robot, "#unlock");
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD).type(KeyCode.ENTER);
        waitFor(robot, "#lock");

        waitUntil(60, () -> text(robot, "#address").startsWith("0x"));
        assertThat(Address.parse("account", text(robot, "#address"))).as("the app drives the Safe").isEqualTo(safe);
        waitUntil(20, () -> !robot.lookup("#fund").query().isDisabled());
        robot.clickOn("#fund");
        waitUntil(60, () -> "10,000".equals(text(robot, "#balance-USDC")));
        assertThat(text(robot, "#deployment")).isEqualTo("Deployed");
        WalletWorkspace ws = context.workspace().current();
        assertThat(Abi.word(ws.chain().node().call(safe.hex(), Abi.call("getThreshold()")), 0)).as("a real Safe").isEqualTo(BigInteger.ONE);

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
        robot.clickOn("#done");

        robot.clickOn("#nav-trade");
        waitUntil(30, () -> robot.lookup("#pair").tryQuery().isPresent() && !fx(() -> ((javafx.scene.control.ComboBox<?>)
                robot.lookup("#pair").query()).getItems().isEmpty()));
        robot.clickOn("#pair");
        robot.clickOn("WETH / USDC · 0.05%");
        waitFor(robot, "#preset-100");
        for (int i = 0; i < 3; i++) robot.clickOn("#preset-100");
        waitUntil(120, () -> count("Included: Buy WETH with 100 USDC") == 3);
        assertThat(count("Refused:") + count("Failed:")).isZero();
        Address usdc = ws.profile().tradeNetwork().token("t", "USDC").address();
        assertThat(Abi.word(ws.chain().node().call(usdc.hex(), Abi.call("balanceOf(address)",
                new org.web3j.abi.datatypes.Address(safe.hex()))), 0)).isEqualTo(BigInteger.valueOf(9_700_000_000L));
        assertThat(ws.keystore().activity().recent(500).stream().filter(e -> e.kind().equals(dev.latchkey.wallet.OwnerSignatures.KIND)))
                .as("one owner signature: the approval").hasSize(1);
    }

    private long count(String titlePrefix) {
        return titles.stream().filter(t -> t.startsWith(titlePrefix)).count();
    }

}
