package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.latchkey.app.FxLookups.fx;
import static dev.latchkey.app.FxLookups.text;
import static dev.latchkey.app.FxLookups.waitUntil;

import dev.latchkey.devnet.BareChainWorld;
import dev.latchkey.session.model.Address;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.common.OwnerKeySource;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.network.NetworksViewModel;
import dev.latchkey.wallet.UserNetworks;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
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
 * A user network added in the app (issue 13): on a fresh chain with another chain id that has only the EntryPoint,
 * the deterministic deployer, tokens, Uniswap, Aave and Alto, Settings refuses a wrong address (nothing kept), adds the
 * network after asking the chain, the user runs {@code contracts deploy} as the findings say, switches to it, funds
 * the account from outside and deploys it from Portfolio; after a quit and relaunch the wallet still works on it.
 */
@ExtendWith(ApplicationExtension.class)
class OwnNetworkAppFxTest {

    private static final long CHAIN_ID = 4_343_434L;
    /** anvil's second well-known dev account (public by design): pays for `contracts deploy`. */
    private static final String PAYER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    @TempDir Path dir;
    private Stage stage;
    private AppContext context;
    private BareChainWorld world;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path walletDir = dir.resolve("wallet");
        WalletSession cli = TestWalletSessions.session(walletDir, Clock.systemUTC());
        cli.create(walletDir, TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(), (f, m) -> { });
        cli.close();
        world = BareChainWorld.start(Files.createDirectories(dir.resolve("chain")), CHAIN_ID);
        launch();
    }

    private void launch() {
        AppContext.Config config = new AppContext.Config(dir.resolve("wallet"), TestWalletSessions.POLICY, () -> TestWalletSessions.CHEAP,
                Clock.systemUTC(), ThemeService.Mode.LIGHT, dir.resolve("no-devnet"))
                .withServices(wallet -> {
                    WalletNetwork network = new WalletNetwork(wallet, dir.resolve("no-devnet"));
                    return new UiServices(step -> step.accept("no local devnet in this test"),
                            ProductionServices.environment(wallet, network, ZoneId.of("UTC")),
                            () -> new Address(wallet.keystore().keys().createSessionKey("session").address()),
                            ProductionServices.approvals(wallet, network), UiServices.randomSalts(), ZoneId.of("UTC"),
                            new AppAutomations(wallet, network), new LiveNetworkBook());
                });
        context = AppContext.create(config);
        stage.setScene(context.mainWindow().createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        if (context != null) context.close();
        if (world != null) world.close();
    }

    @Test
    void aNetworkAddedInSettingsIsCheckedUsedAndKeptAcrossARelaunch(FxRobot robot) throws Exception {
        unlock(robot);
        robot.clickOn("#nav-settings");
        waitUntil(30, () -> robot.lookup("#addNetwork").tryQuery().isPresent());
        Path networks = dir.resolve("wallet").resolve(UserNetworks.FILE);

        fill(robot, "#networkAddresses", "SwapRouter02=" + world.address("SwapRouter02") + "\nQuoterV2=" + world.address("QuoterV2")
                + "\nAavePool=" + world.address("AavePool") + "\nRateLimitPolicy=" + world.address("USDC"));
        fill(robot, "#networkName", "rehearsal");
        fill(robot, "#networkChainId", Long.toString(CHAIN_ID));
        fill(robot, "#networkRpcUrl", world.rpcUrl());
        fill(robot, "#networkBundlerUrl", world.bundlerUrl());
        fill(robot, "#networkTokens", "USDC=" + world.address("USDC") + "\nWETH=" + world.address("WETH"));
        fire(robot, "#addNetwork");
        waitUntil(60, () -> text(robot, "#networkStatus").startsWith("Not added:"));
        assertThat(text(robot, "#networkStatus")).contains("RateLimitPolicy").contains("other code");
        assertThat(networks).as("a refused network is not kept").doesNotExist();

        fill(robot, "#networkAddresses", "SwapRouter02=" + world.address("SwapRouter02") + "\nQuoterV2=" + world.address("QuoterV2")
                + "\nAavePool=" + world.address("AavePool"));
        fire(robot, "#addNetwork");
        waitUntil(60, () -> text(robot, "#networkStatus").startsWith("Added 'rehearsal'"));
        assertThat(networks).exists();
        assertThat(robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText))
                .as("the findings tell what to run next").anyMatch(t -> t.contains("latchkey contracts deploy --network rehearsal"));

        Files.writeString(dir.resolve("payer.key"), PAYER_KEY + "\n");
        int deployed = new picocli.CommandLine(new dev.latchkey.cli.LatchkeyCommand()).execute("contracts", "deploy", "--network",
                "rehearsal", "--key-file", dir.resolve("payer.key").toString(), "--wallet-dir", dir.resolve("wallet").toString(), "--json");
        assertThat(deployed).as("contracts deploy, as the findings said").isZero();

        robot.interact(() -> {
            @SuppressWarnings("unchecked") ComboBox<NetworksViewModel.Item> choice = robot.lookup("#networkChoice").queryAs(ComboBox.class);
            choice.getItems().stream().filter(i -> i.label().startsWith("rehearsal")).findFirst().ifPresent(choice::setValue);
        });
        fire(robot, "#useNetwork");
        waitUntil(60, () -> text(robot, "#networkStatus").startsWith("The wallet now works on rehearsal"));

        robot.clickOn("#nav-portfolio");
        waitUntil(90, () -> text(robot, "#accountNetwork").startsWith("rehearsal (chain " + CHAIN_ID + ")"));
        String account = text(robot, "#address");
        assertThat(world.client().hasCode(account)).isFalse();
        world.fund(account, BigInteger.TEN.pow(17), BigInteger.valueOf(1_000_000_000L));
        fire(robot, "#refresh");
        waitUntil(60, () -> "1,000".equals(text(robot, "#balance-USDC")));
        assertThat(buttonText(robot, "#fund")).isEqualTo("Deploy the account (paid from its ETH)");
        fire(robot, "#fund");
        waitUntil(120, () -> "Deployed".equals(text(robot, "#deployment")));
        assertThat(world.client().hasCode(account)).as("deployed by one owner operation through Alto").isTrue();

        robot.interact(() -> context.close());
        context = null;
        robot.interact(this::launch);
        unlock(robot);
        waitUntil(90, () -> text(robot, "#accountNetwork").startsWith("rehearsal (chain " + CHAIN_ID + ")"));
        assertThat(text(robot, "#address")).as("the same account after a relaunch").isEqualTo(account);
        waitUntil(30, () -> "Deployed".equals(text(robot, "#deployment")));
    }

    private static void unlock(FxRobot robot) throws Exception {
        waitUntil(30, () -> robot.lookup("#unlock").tryQuery().isPresent());
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD).type(KeyCode.ENTER);
        waitUntil(60, () -> robot.lookup("#lock").tryQuery().isPresent());
    }

    /** Sets a field as typing would (the form scrolls; what is bound is what is tested). */
    private static void fill(FxRobot robot, String id, String value) {
        robot.interact(() -> robot.lookup(id).queryAs(TextInputControl.class).setText(value));
    }

    private static void fire(FxRobot robot, String id) throws Exception {
        waitUntil(30, () -> fx(() -> !robot.lookup(id).queryAs(Button.class).isDisabled()));
        robot.interact(() -> robot.lookup(id).queryAs(Button.class).fire());
    }

    private static String buttonText(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Button.class).getText());
    }

}
