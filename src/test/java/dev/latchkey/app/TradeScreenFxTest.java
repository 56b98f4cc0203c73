package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.latchkey.app.FxLookups.fx;
import static dev.latchkey.app.FxLookups.text;
import static dev.latchkey.app.FxLookups.waitFor;
import static dev.latchkey.app.FxLookups.waitUntil;

import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.common.Formats;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.wallet.SessionRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
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
 * The Trade screen as a trader uses it, headless on the real devnet with the app's ports: the pair's price and
 * balances from the chain, Max, an amount that keeps its meaning across Buy/Sell (converted at the quote) and across a
 * pair whose spent token differs (cleared, said so), the pair remembered after lock and unlock (fresh screens), and a
 * fill that says what was received at which price.
 */
@ExtendWith({DevnetExtension.class, ApplicationExtension.class})
class TradeScreenFxTest {

    private static Devnet devnet;

    @TempDir Path dir;
    private AppContext context;

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
        stage.setScene(context.mainWindow().createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void priceBalancesMaxUnitKeepingAmountRememberedPairAndFill(FxRobot robot) throws Exception {
        robot.clickOn("#continueButton");
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#confirmation").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#create");
        waitFor(robot, "#lock");
        WalletWorkspace ws = context.workspace().current();
        context.workspace().portfolio().fund((f, m) -> { });
        Address account = new Address(ws.account().address());
        HexBytes pid = ws.sessions().create(ws.account(), new SessionRequest.FromTemplate(new SessionTemplate.UniswapSwap("USDC", "WETH", 500,
                usdc(500), usdc(2000)), 7)).permissionId();
        ws.sessions().approve(ws.keystore().sessions().get(pid.bytes()), TestWalletSessions.PASSWORD.toCharArray());

        robot.clickOn("#nav-trade");
        waitUntil(30, () -> !fx(() -> combo(robot).getItems().isEmpty()));
        robot.clickOn("#pair");
        robot.clickOn("WETH / USDC · 0.05%");
        BigInteger usdcHeld = balance(ws, "USDC", account);
        BigInteger wethHeld = balance(ws, "WETH", account);
        waitUntil(30, () -> text(robot, "#pairBalances").equals("You hold " + Formats.amount(wethHeld, 18, "WETH") + " · "
                + Formats.amount(usdcHeld, 6, "USDC")));
        BigDecimal mid = new PoolWhale(devnet).wethPrice();
        assertThat(text(robot, "#pairPrice")).startsWith("1 WETH = " + String.format(java.util.Locale.ROOT, "%,.2f", mid) + " USDC")
                .contains("Uniswap pool price, block ");

        // Max: the whole USDC balance, exactly
        robot.clickOn("#max");
        assertThat(field(robot)).isEqualTo(new BigDecimal(usdcHeld, 6).stripTrailingZeros().toPlainString());

        // 600 USDC, quoted; Sell WETH turns it into the WETH that quote gave, and says so
        fx(() -> {
            ((TextField) robot.lookup("#amount").query()).setText("600");
            return null;
        });
        waitUntil(30, () -> text(robot, "#quote").startsWith("≈ "));
        String quoted = text(robot, "#quote").substring(2, text(robot, "#quote").indexOf(" WETH"));
        robot.clickOn("#sell");
        waitUntil(10, () -> text(robot, "#unit").equals("WETH"));
        BigDecimal converted = new BigDecimal(field(robot));
        assertThat(converted.compareTo(new BigDecimal(quoted.replace(",", "")))).as("the amount the quote gave, rounded down").isLessThanOrEqualTo(0);
        assertThat(converted).isGreaterThan(new BigDecimal("0.1"));
        assertThat(text(robot, "#amountNote")).isEqualTo("Converted at the quote: 600 USDC ≈ " + field(robot) + " WETH");

        // another pair spends another token: the amount is cleared, visibly
        robot.clickOn("#pair");
        robot.clickOn("DAI / USDC · 0.01%");
        waitUntil(10, () -> field(robot).isEmpty());
        assertThat(text(robot, "#amountNote")).isEqualTo("Cleared the amount: " + converted.toPlainString() + " was WETH; you now spend DAI");
        robot.clickOn("#pair");
        robot.clickOn("WETH / USDC · 0.05%");
        robot.clickOn("#buy");

        // lock and unlock: fresh screens, the pair is the one picked last
        robot.clickOn("#lock");
        waitFor(robot, "#unlock");
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD).type(KeyCode.ENTER);
        waitFor(robot, "#lock");
        robot.clickOn("#nav-trade");
        waitUntil(30, () -> fx(() -> combo(robot).getValue() != null));
        assertThat(fx(() -> combo(robot).getConverter().toString(combo(robot).getValue()))).isEqualTo("WETH / USDC · 0.05%");

        // one click: what was received, at which price
        waitUntil(30, () -> text(robot, "#pairPrice").startsWith("1 WETH"));
        BigInteger wethBefore = balance(context.workspace().current(), "WETH", account);
        robot.clickOn("#preset-100");
        waitUntil(120, () -> text(robot, "#swapFill").startsWith("Received "));
        BigInteger got = balance(context.workspace().current(), "WETH", account).subtract(wethBefore);
        assertThat(text(robot, "#swapFill")).startsWith("Received " + Formats.amount(got, 18, "WETH") + " for " + Amounts.format(usdc(100), 6)
                + " USDC · fill price ").contains(" USDC per WETH · ").endsWith(" than the pool price before the trade (fee included)");
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Object> combo(FxRobot robot) {
        return (ComboBox<Object>) robot.lookup("#pair").query();
    }

    private static String field(FxRobot robot) throws Exception {
        return fx(() -> ((TextField) robot.lookup("#amount").query()).getText());
    }

    private static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }

    private static BigInteger balance(WalletWorkspace ws, String symbol, Address holder) {
        Address token = ws.profile().tradeNetwork().token("t", symbol).address();
        return dev.latchkey.chain.Abi.word(ws.chain().node().call(token.hex(), dev.latchkey.chain.Abi.call("balanceOf(address)",
                new org.web3j.abi.datatypes.Address(holder.hex()))), 0);
    }

}
