package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.model.Address;
import dev.latchkey.ui.MainWindow;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.shell.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
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
 * No control is cut short (issue 15): on first run, unlock, every section of the shell, at
 * 1280×800 and at 1024×700, every visible {@link Labeled} (buttons, labels, toggles, check boxes) shows its whole text —
 * the skin's displayed text equals the text, no ellipsis. Without a devnet the wallet screens show their "no network"
 * state; their controls are laid out all the same. (The builder and the screens full of devnet data are not covered
 * here: they need the devnet.)
 */
@ExtendWith(ApplicationExtension.class)
class LabelsFitFxTest {

    private static final int[][] SIZES = {{1280, 800}, {1024, 700}};

    @TempDir Path dir;
    private AppContext context;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path noDevnet = Files.createDirectories(dir.resolve("devnet"));
        AppContext.Config config = new AppContext.Config(dir.resolve("wallet"), TestWalletSessions.POLICY, () -> TestWalletSessions.CHEAP,
                Clock.systemUTC(), ThemeService.Mode.LIGHT, noDevnet)
                .withServices(wallet -> new UiServices(step -> step.accept("the local devnet is already running"),
                        ProductionServices.environment(wallet, new WalletNetwork(wallet, noDevnet), ZoneId.of("UTC")),
                        () -> new Address(wallet.keystore().keys().createSessionKey("session").address()),
                        (request, plan, password) -> {
                            throw new IllegalStateException("not approved in this test");
                        }, UiServices.randomSalts(), ZoneId.of("UTC")));
        context = AppContext.create(config);
        window = context.mainWindow();
        stage.setScene(window.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void everyLabeledShowsItsWholeTextAtBothSizes(FxRobot robot) throws Exception {
        List<String> cut = new ArrayList<>();
        check(robot, "first run", cut);
        robot.clickOn("#continueButton");
        check(robot, "first run, wallet step", cut);
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#confirmation").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#create");
        waitFor(robot, "#lock");
        for (Section s : Section.values()) {
            robot.clickOn("#nav-" + s.name().toLowerCase(Locale.ROOT));
            WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS); // the screen's first load (it fails: no devnet) settles
            check(robot, s.name(), cut);
        }
        robot.clickOn("#lock");
        waitFor(robot, "#unlock");
        check(robot, "unlock", cut);
        assertThat(cut).as("controls whose text is cut short").isEmpty();
    }

    private void check(FxRobot robot, String screen, List<String> cut) throws Exception {
        for (int[] size : SIZES) {
            fx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            cut.addAll(fx(() -> {
                List<String> found = new ArrayList<>();
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                collect(stage.getScene().getRoot(), screen + " at " + size[0] + "×" + size[1], found);
                return found;
            }));
        }
    }

    private static void collect(Node node, String where, List<String> found) {
        if (!node.isVisible()) return;
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && !l.isWrapText()) {
            Text shown = (Text) l.lookup(".text");
            if (shown != null && !shown.getText().equals(l.getText())) {
                found.add(where + ": " + (l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId()) + " \"" + l.getText()
                        + "\" shown as \"" + shown.getText() + "\"");
            }
        }
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) collect(c, where, found);
        }
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
