package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.WalletLocation;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.model.Address;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.approve.KeystoreApprovalService;
import dev.latchkey.ui.builder.BuilderContext;
import dev.latchkey.ui.builder.BuilderFixtures;
import dev.latchkey.ui.common.ThemeService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
 * The desktop app, headless (Monocle): first run with the devnet choice -> create wallet -> devnet steps -> shell ->
 * Sessions -> New session -> Uniswap template -> Review -> the approve screen shows the decoded rules -> password ->
 * approved (signed by the owner key in the real keystore) -> lock -> unlock with a wrong and then the right
 * password. The devnet start is the only stand-in (it reports steps; the devnet itself is covered by the devnet
 * suites); the builder runs on the template-snapshot network with the real clock. Waits on conditions, never sleeps.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopFlowFxTest {

    @TempDir Path dir;
    private AppContext context;
    private final List<String> devnetSteps = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        AppContext.Config config = new AppContext.Config(dir.resolve("wallet"), TestWalletSessions.POLICY,
                () -> TestWalletSessions.CHEAP, Clock.systemUTC(), ThemeService.Mode.LIGHT).withServices(wallet -> new UiServices(
                step -> {
                    for (String s : List.of("starting anvil (chain id 31337)", "deploying Uniswap V3", "starting the Alto bundler")) {
                        devnetSteps.add(s);
                        step.accept(s);
                    }
                },
                () -> new BuilderContext(BuilderFixtures.DEVNET, BuilderFixtures.ACCOUNT, BuilderFixtures.POLICIES, Clock.systemUTC(), ZoneId.of("UTC")),
                () -> new Address(wallet.keystore().keys().createSessionKey("session").address()),
                new KeystoreApprovalService(wallet), UiServices.randomSalts(), ZoneId.of("UTC")));
        context = AppContext.create(config);
        stage.setScene(context.mainWindow().createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void firstRunBuildApproveLockUnlock(FxRobot robot) throws Exception {
        // first run, step 1: the local devnet is the default
        assertThat(text(robot, "#stepLabel")).isEqualTo("Step 1 of 2 · Network");
        robot.clickOn("#continueButton");
        // step 2: the strength meter and the reasons react while typing
        robot.clickOn("#password").write("short");
        assertThat(text(robot, "#passwordHint")).contains("5 so far");
        assertThat(robot.lookup("#create").queryAs(Button.class).isDisabled()).isTrue();
        robot.doubleClickOn("#password").eraseText(5).write(TestWalletSessions.PASSWORD);
        robot.clickOn("#confirmation").write(TestWalletSessions.PASSWORD);
        assertThat(text(robot, "#confirmationHint")).isEqualTo("Passwords match.");
        robot.clickOn("#create");

        waitFor(robot, "#lock");
        assertThat(devnetSteps).hasSize(3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#owner").startsWith("Owner 0x"));
        assertThat(Files.isRegularFile(WalletLocation.walletFile(dir.resolve("wallet")))).isTrue();

        // Sessions -> New session -> the Uniswap template
        robot.clickOn("#nav-sessions");
        waitFor(robot, "#build");
        robot.clickOn("#build");
        waitFor(robot, "#applyTemplate");
        robot.clickOn("#applyTemplate");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text(robot, "#exposure").startsWith("at most 2,000 USDC per day"));
        assertThat(text(robot, "#summary")).contains("SwapRouter02.exactInputSingle: tokenIn == USDC, tokenOut == WETH");
        robot.clickOn("#review");

        // approve: the decoded rules, the digest, the password once
        waitFor(robot, "#approve");
        assertThat(labels(robot)).contains("recipient == this account", "amountIn ≤ 500 USDC (at most 14,000 USDC in total)",
                "spending at most 2,000 USDC per day", "permitGenericPolicy = false (no any-contract, any-function fallback action)");
        assertThat(text(robot, "#digest")).matches("0x[0-9a-f]{64}");
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#approve");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#result").startsWith("Approved."));
        String permissionId = text(robot, "#permissionId").substring("permission id ".length());
        assertThat(context.wallet().keystore().keys().enableSignature(dev.latchkey.session.model.HexBytes.parse("id", permissionId).bytes()))
                .hasSize(65);
        robot.clickOn("#done");
        waitFor(robot, "#revokeAll");

        // lock -> unlock: wrong password shows the error under the field, the right one returns to the shell
        robot.clickOn("#lock");
        waitFor(robot, "#unlock");
        assertThat(context.wallet().isUnlocked()).isFalse();
        robot.clickOn("#password").write("not my password");
        robot.clickOn("#unlock");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#error").startsWith("Wrong password"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#password").query().isDisabled());
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD).type(KeyCode.ENTER);
        waitFor(robot, "#lock");
        assertThat(context.wallet().isUnlocked()).isTrue();
    }

    @Test
    void theAutoLockReturnsToUnlock(FxRobot robot) throws Exception {
        robot.clickOn("#continueButton");
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#confirmation").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#create");
        waitFor(robot, "#lock");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#signer").equals("Signer off"));

        // what the auto-lock does after the idle timeout, from its own thread (the timing itself: WalletSessionAutoLockTest)
        Thread locker = new Thread(() -> context.wallet().lock(), "test-autolock");
        locker.start();
        locker.join();

        waitFor(robot, "#unlock");
        assertThat(context.wallet().isUnlocked()).isFalse();
    }

    private static List<String> labels(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".review-text").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static void waitFor(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
