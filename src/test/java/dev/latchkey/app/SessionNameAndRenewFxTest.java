package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.latchkey.app.FxLookups.fx;
import static dev.latchkey.app.FxLookups.text;
import static dev.latchkey.app.FxLookups.waitFor;
import static dev.latchkey.app.FxLookups.waitUntil;

import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.codec.SessionAbiReader;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.ui.MainWindow;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.activity.ActivityViewModel;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.wallet.SessionLabels;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
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
 * A session named in the builder is that name on the approve screen, its Sessions card and its Activity rows; the
 * approve screen calls its signer what it is (a new session key in the vault, on the network's OwnableValidator, not
 * "custom validator 0x…"); Renew on the card opens the approve screen for a new session with the same scope and a
 * validity of the same length, approved with one password entry and then "ready" beside the old one.
 */
@ExtendWith({DevnetExtension.class, ApplicationExtension.class})
class SessionNameAndRenewFxTest {

    private static Devnet devnet;

    @TempDir Path dir;
    private AppContext context;
    private MainWindow window;

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
        window = context.mainWindow();
        stage.setScene(window.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void aNamedSessionIsNamedEverywhereAndRenewsWithOneApproval(FxRobot robot) throws Exception {
        robot.clickOn("#continueButton");
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#confirmation").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#create");
        waitFor(robot, "#lock");
        context.workspace().portfolio().fund((f, m) -> { });

        robot.clickOn("#nav-sessions");
        waitFor(robot, "#build");
        robot.clickOn("#build");
        waitFor(robot, "#applyTemplate");
        robot.clickOn("#applyTemplate");
        waitUntil(10, () -> field(robot, "#sessionName").equals("Swap USDC → WETH on Uniswap"));
        fx(() -> {
            ((TextField) robot.lookup("#sessionName").query()).setText("Scalp WETH");
            return null;
        });
        robot.clickOn("#review");
        waitFor(robot, "#approve");
        assertThat(text(robot, "#title")).isEqualTo("Approve “Scalp WETH”");
        assertThat(approveLines(robot)).contains("Scalp WETH").anyMatch(l -> l.startsWith("a new session key in your vault, 0x"))
                .noneMatch(l -> l.startsWith("custom validator"));
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#approve");
        waitUntil(60, () -> text(robot, "#result").startsWith("Approved."));
        HexBytes first = HexBytes.parse("pid", text(robot, "#permissionId").substring("permission id ".length()));
        robot.clickOn("#done");
        waitUntil(30, () -> robot.lookup(".session-card #title").queryAll().stream().anyMatch(n -> ((Label) n).getText().equals("Scalp WETH")));

        WalletWorkspace ws = context.workspace().current();
        assertThat(SessionLabels.of(ws.keystore().settings(), first)).isEqualTo("Scalp WETH");
        robot.clickOn("#nav-activity");
        ActivityViewModel activity = (ActivityViewModel) fx(() -> window.content().viewModel());
        waitUntil(30, () -> fx(() -> activity.rows().stream().anyMatch(r -> r.session().equals(first.hex()) && r.sessionLabel().equals("Scalp WETH"))));

        // Renew: same scope, a new key, one approval
        robot.clickOn("#nav-sessions");
        waitFor(robot, "#renew-" + first.hex());
        robot.clickOn("#renew-" + first.hex());
        waitFor(robot, "#approve");
        assertThat(text(robot, "#title")).isEqualTo("Approve “Renewed: Scalp WETH”");
        assertThat(approveLines(robot)).anyMatch(l -> l.startsWith("a new session key in your vault, 0x"));
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#approve");
        waitUntil(60, () -> text(robot, "#result").startsWith("Approved."));
        HexBytes renewed = HexBytes.parse("pid", text(robot, "#permissionId").substring("permission id ".length()));
        robot.clickOn("#done");
        waitUntil(30, () -> robot.lookup(".session-card #title").queryAll().size() == 2);

        SessionRecord old = ws.keystore().sessions().get(first.bytes());
        SessionRecord next = ws.keystore().sessions().get(renewed.bytes());
        assertThat(renewed).isNotEqualTo(first);
        assertThat(next.approved()).isTrue();
        assertThat(next.sessionKeyAddress()).isNotEqualTo(old.sessionKeyAddress());
        assertThat(next.validUntil() - next.validAfter()).as("a validity of the same length").isEqualTo(old.validUntil() - old.validAfter());
        assertThat(next.validAfter()).isGreaterThanOrEqualTo(old.validAfter());
        OnchainSession a = SessionAbiReader.decode(HexBytes.of(old.sessionStruct()));
        OnchainSession b = SessionAbiReader.decode(HexBytes.of(next.sessionStruct()));
        assertThat(b.actions()).as("the same functions with the same rules and caps").isEqualTo(a.actions());
        assertThat(b.sessionValidator()).isEqualTo(a.sessionValidator());
        assertThat(SessionLabels.of(ws.keystore().settings(), renewed)).isEqualTo("Renewed: Scalp WETH");
        assertThat(ws.keystore().activity().recent(200).stream().filter(e -> e.kind().equals(dev.latchkey.wallet.OwnerSignatures.KIND)))
                .as("one owner signature per approval").hasSize(2);
    }

    private static List<String> approveLines(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup("#lines").queryAs(javafx.scene.layout.GridPane.class).getChildren().stream()
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList());
    }

    private static String field(FxRobot robot, String query) throws Exception {
        return fx(() -> ((TextField) robot.lookup(query).query()).getText());
    }

}
