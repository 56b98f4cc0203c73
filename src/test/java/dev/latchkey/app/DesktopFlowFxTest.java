package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.WalletLocation;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.common.ThemeService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * The desktop app, headless (Monocle): first run -> create wallet -> shell -> lock -> unlock with a wrong and then
 * the right password. Real keystore, cheap KDF passed explicitly; waits on conditions, never sleeps.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopFlowFxTest {

    @TempDir Path dir;
    private AppContext context;

    @Start
    void start(Stage stage) {
        context = AppContext.create(new AppContext.Config(dir.resolve("wallet"), TestWalletSessions.POLICY,
                () -> TestWalletSessions.CHEAP, Clock.systemUTC(), ThemeService.Mode.LIGHT));
        stage.setScene(context.mainWindow().createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void firstRunCreateShellLockUnlock(FxRobot robot) throws TimeoutException {
        // first run: the strength meter and the reasons react while typing
        robot.clickOn("#password").write("short");
        assertThat(text(robot, "#passwordHint")).contains("5 so far");
        assertThat(robot.lookup("#create").queryAs(Button.class).isDisabled()).isTrue();
        robot.doubleClickOn("#password").eraseText(5).write(TestWalletSessions.PASSWORD);
        robot.clickOn("#confirmation").write(TestWalletSessions.PASSWORD);
        assertThat(text(robot, "#confirmationHint")).isEqualTo("Passwords match.");
        robot.clickOn("#create");

        waitFor(robot, "#lock");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#owner").startsWith("Owner 0x"));
        assertThat(Files.isRegularFile(WalletLocation.walletFile(dir.resolve("wallet")))).isTrue();

        // shell: the rail switches the placeholder
        robot.clickOn("#nav-sessions");
        assertThat(text(robot, "#sectionTitle")).isEqualTo("Sessions");
        assertThat(text(robot, "#sectionArrival")).contains("issue 06");

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

    private static void waitFor(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
