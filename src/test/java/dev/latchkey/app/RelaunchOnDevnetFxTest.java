package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.chain.EvmClient;
import dev.latchkey.devnet.Manifest;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.common.ThemeService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
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
 * Quit and relaunch, as a person does, with the installed app's wiring (no stand-in): the first launch creates the
 * wallet on the local devnet, which the app starts itself; quitting stops it; the second launch unlocks, starts the
 * devnet again from its saved state with progress on the unlock screen — no terminal — and the shell reads the same
 * account from the chain.
 */
@ExtendWith(ApplicationExtension.class)
class RelaunchOnDevnetFxTest {

    @TempDir Path dir;
    private Stage stage;
    private AppContext context;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        launch();
    }

    private void launch() {
        context = AppContext.create(new AppContext.Config(dir.resolve("wallet"), TestWalletSessions.POLICY,
                () -> TestWalletSessions.CHEAP, Clock.systemUTC(), ThemeService.Mode.LIGHT, dir.resolve("devnet")));
        stage.setScene(context.mainWindow().createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        if (context != null) context.close();
    }

    @Test
    void theSecondLaunchStartsTheDevnetOnUnlockAndTheShellWorksAgain(FxRobot robot) throws Exception {
        robot.clickOn("#continueButton"); // the local devnet is the default network
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#confirmation").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#create");
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> robot.lookup("#lock").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#owner").startsWith("Owner 0x"));
        String owner = text(robot, "#owner");
        Manifest first = Manifest.read(dir.resolve("devnet"));

        context.close(); // quit: the app stops the devnet it started
        context = null;
        assertThat(answers(first.rpcUrl())).as("the devnet stopped with the app").isFalse();

        robot.interact(this::launch);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#unlock").tryQuery().isPresent());
        Set<String> progress = new CopyOnWriteArraySet<>();
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> {
            robot.lookup("#status").tryQueryAs(Label.class).map(Label::getText).filter(t -> !t.isBlank()).ifPresent(progress::add);
            return robot.lookup("#lock").tryQuery().isPresent();
        });
        assertThat(progress).as("the unlock screen said what it was doing").anyMatch(t -> t.startsWith("Local devnet:")
                || t.equals("Starting the local devnet"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#owner").startsWith("Owner 0x"));
        assertThat(text(robot, "#owner")).isEqualTo(owner);
        assertThat(answers(Manifest.read(dir.resolve("devnet")).rpcUrl())).as("started again by the app").isTrue();
        assertThat(List.of(robot.lookup("#error").tryQueryAs(Label.class).map(Label::getText).orElse("")))
                .as("no error on the way").containsOnly("");
    }

    private static boolean answers(String rpcUrl) {
        try (EvmClient client = new EvmClient(rpcUrl)) {
            client.chainId();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }
}
