package dev.latchkey.app;

import static dev.latchkey.app.FxLookups.fx;
import static dev.latchkey.app.FxLookups.text;
import static dev.latchkey.app.FxLookups.waitFor;
import static dev.latchkey.app.FxLookups.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.agent.bundle.BundlePlaintext;
import dev.latchkey.automation.AgentProcess;
import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.DevnetWorld;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.chain.Abi;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.onchain.StoredSessionDefinitions;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.ui.MainWindow;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.activity.ActivityRow;
import dev.latchkey.ui.activity.ActivityViewModel;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.wallet.SessionRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 16's acceptance from the desktop, on a private devnet (chain time moves): the app's wallet creates and approves
 * a WETH → USDC session with a recurring swap and a stop-loss, the Sessions card's "Share with a server…" writes the
 * bundle to a file and the app quits; an agent process started from that file in another directory pays the recurring
 * swap N times (a SIGKILL between payments changes nothing) and fires the stop on a price drop; the relaunched app's
 * Activity shows the agent's operations, read from the chain; Revoke on the card stops the agent within one block.
 */
@ExtendWith(ApplicationExtension.class)
class ShareWithAgentFxTest {

    static final int N = 2;
    static final String PASSPHRASE = "bundle-Desk-Meadow-83 words";
    static final String AGENT_PASSWORD = "agent-Test-Lighthouse-19";

    @TempDir static Path shared;
    private static DevnetWorld world;

    @TempDir Path dir;
    private Stage stage;
    private AppContext context;
    private MainWindow window;
    private final List<AgentProcess> agents = new ArrayList<>();
    private Thread miner;

    @BeforeAll
    static void devnet() {
        world = DevnetWorld.start(shared.resolve("devnet"));
    }

    @AfterAll
    static void closeDevnet() {
        if (world != null) world.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        launch();
    }

    private void launch() {
        Path devnetDir = world.devnet.config().dir();
        AppContext.Config config = new AppContext.Config(dir.resolve("wallet"), TestWalletSessions.POLICY, () -> TestWalletSessions.CHEAP,
                Clock.systemUTC(), ThemeService.Mode.LIGHT, devnetDir)
                .withServices(wallet -> {
                    WalletNetwork network = new WalletNetwork(wallet, devnetDir);
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
    void tearDown() throws Exception {
        if (miner != null) miner.interrupt();
        for (AgentProcess a : agents) if (a.process.isAlive()) a.sigkill();
        if (context != null) context.close();
    }

    @Test
    void theDesktopSharesASessionAnAgentPaysAndStopsAndTheDesktopSeesItAndRevokesIt(FxRobot robot) throws Exception {
        robot.clickOn("#continueButton");
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#confirmation").write(TestWalletSessions.PASSWORD);
        robot.clickOn("#create");
        waitFor(robot, "#lock");

        // ---- the owner's desktop wallet: a session with a recurring swap and a stop-loss
        WalletWorkspace ws = context.workspace().current();
        context.workspace().portfolio().fund((f, m) -> { });
        Address account = new Address(ws.account().address().toLowerCase());
        HexBytes pid = ws.sessions().create(ws.account(), new SessionRequest.FromTemplate(new SessionTemplate.UniswapSwap("WETH", "USDC", 500,
                eth("0.5"), eth("2")), 7)).permissionId();
        ws.sessions().approve(ws.keystore().sessions().get(pid.bytes()), TestWalletSessions.PASSWORD.toCharArray());
        world.alignTo(60, 20);
        long start = world.client.latestTimestamp() + 600; // due later: the desktop's own engine must not pay it first
        BigDecimal stopLevel = world.wethPrice().multiply(new BigDecimal("0.9")).setScale(0, RoundingMode.DOWN);
        AutomationService rules = new AutomationService(ws.keystore(), ws.profile().tradeNetwork(), new StoredSessionDefinitions(),
                ws.profile().policies());
        rules.add(pid.bytes(), "dca", new RuleSpec.RecurringPayment(RuleSpec.Mode.SWAP, "WETH", null, "USDC", 500, eth("0.01"), 60, start, 0,
                N, 100), ws.chain().chainTime());
        rules.add(pid.bytes(), "stop", new RuleSpec.StopOrder("WETH", "USDC", 500, eth("0.1"), stopLevel, null, 200), ws.chain().chainTime());
        String ownerRef = ws.keystore().keys().ownerKeys().get(0).publicRef();
        byte[] ownerKey = ws.keystore().keys().withOwnerKey(ownerRef, k -> k.bytes().clone());

        // ---- Sessions → Share with a server… → a passphrase bundle in the server's directory
        robot.clickOn("#nav-sessions");
        waitFor(robot, "#share-" + pid.hex());
        robot.clickOn("#share-" + pid.hex());
        waitFor(robot, ".share-panel");
        waitUntil(30, () -> text(robot, ".share-panel #automations").contains("dca (recurring)"));
        assertThat(text(robot, ".share-panel #automations")).contains("stop (stop)");
        assertThat(text(robot, ".share-panel #warning")).contains("until you revoke it here");
        Path serverDir = Files.createDirectories(dir.resolve("server"));
        Path bundle = serverDir.resolve("session.bundle");
        robot.clickOn(".share-panel #server").write("rack-1");
        robot.clickOn(".share-panel #passphrase").write(PASSPHRASE);
        robot.clickOn(".share-panel #confirmation").write(PASSPHRASE);
        fill(robot, ".share-panel #file", bundle.toString());
        robot.clickOn(".share-panel #password").write(TestWalletSessions.PASSWORD);
        fire(robot, ".share-panel #share");
        waitUntil(60, () -> text(robot, ".share-panel #result").startsWith("Written to " + bundle));
        assertThat(text(robot, ".share-panel #result")).contains("2 automation rules now run on the server and are paused here.");
        waitUntil(30, () -> text(robot, "#shared-" + pid.hex()).startsWith("Shared with rack-1"));
        assertThat(fx(() -> robot.lookup("#share-" + pid.hex()).queryAs(Node.class).isVisible())).as("one session, one server").isFalse();
        byte[] plain = BundlePlaintext.of(bundle, PASSPHRASE.toCharArray());
        assertThat(BundlePlaintext.holds(plain, ownerKey)).as("the owner key in the decrypted bundle").isFalse();
        long shareBlock = world.client.blockNumber().longValueExact();
        BigInteger wethBefore = world.balance("WETH", account);

        // ---- the desktop quits; the server runs the bundle
        robot.interact(() -> context.close());
        context = null;
        Files.writeString(serverDir.resolve("password"), AGENT_PASSWORD + "\n");
        Files.writeString(serverDir.resolve("passphrase"), PASSPHRASE + "\n");
        miner = Thread.ofVirtual().start(() -> { // a real chain makes blocks by itself; a devnet mines on demand
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1000);
                    world.mine();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the devnet is closing
                }
            }
        });
        AgentProcess a = agent(serverDir);
        assertThat(a.await(p -> !p.events("agent.started").isEmpty(), 90)).as(a.output()).isTrue();
        world.mineAt(start + 1);
        assertThat(a.await(p -> succeeded() >= 1, 120)).as(a.output()).isTrue();
        a.sigkill();
        AgentProcess b = agent(serverDir);
        assertThat(b.await(p -> !p.events("agent.started").isEmpty(), 90)).as(b.output()).isTrue();
        world.mineAt(start + 61);
        assertThat(b.await(p -> succeeded() >= N, 120)).as(b.output()).isTrue();
        world.movePriceTo(stopLevel.multiply(new BigDecimal("0.97")));
        world.mine();
        assertThat(b.await(p -> succeeded() >= N + 1, 120)).as(b.output()).isTrue();
        world.mineAt(start + 121); // a third period: nothing more is paid (count N)
        Thread.sleep(3000);
        assertThat(succeeded()).as("N payments and one stop, nothing twice").isEqualTo(N + 1);
        List<JsonNode> ops = userOps(account, shareBlock + 1, world.client.blockNumber().longValueExact());
        assertThat(ops).as("the account's operations since the share").hasSize(N + 1);
        BigInteger sold = eth("0.01").multiply(BigInteger.valueOf(N)).add(eth("0.1"));
        assertThat(world.balance("WETH", account)).as("exactly N × 0.01 WETH and the 0.1 WETH stop sold").isEqualTo(wethBefore.subtract(sold));
        Set<String> onChain = ops.stream().map(l -> l.path("topics").get(1).asText().toLowerCase()).collect(Collectors.toSet());

        // ---- the desktop again: the card still says so, and Activity shows the agent's operations, from the chain
        robot.interact(this::launch);
        waitFor(robot, "#unlock");
        robot.clickOn("#password").write(TestWalletSessions.PASSWORD).type(KeyCode.ENTER);
        waitFor(robot, "#lock");
        robot.clickOn("#nav-activity");
        ActivityViewModel activity = (ActivityViewModel) fx(() -> window.content().viewModel());
        waitUntil(90, () -> fx(() -> agentRows(activity, pid).size() == N + 1));
        List<ActivityRow> rows = fx(() -> agentRows(activity, pid));
        assertThat(rows).extracting(r -> r.userOpHash().orElse("")).containsExactlyInAnyOrderElementsOf(onChain);
        assertThat(rows).allSatisfy(r -> assertThat(r.what()).as(r.toString()).startsWith("Swap").contains("WETH"));

        robot.clickOn("#nav-sessions");
        waitFor(robot, "#session-" + pid.hex());
        assertThat(text(robot, "#shared-" + pid.hex())).startsWith("Shared with rack-1");

        // ---- Revoke on the card: the agent sees it on that block (or the next), stops and says so
        miner.interrupt();
        miner.join();
        long beforeRevoke = world.client.blockNumber().longValueExact();
        Parent card = robot.lookup("#session-" + pid.hex()).queryAs(Parent.class);
        robot.interact(() -> ((Button) card.lookup("#revoke")).fire());
        robot.interact(() -> ((Button) card.lookup("#confirmRevoke")).fire());
        assertThat(b.waitForExit(90)).as(b.output()).isZero();
        long revokeBlock = firstBlockDisabled(pid, account, beforeRevoke + 1);
        JsonNode revoked = b.events("agent.revoked").get(0);
        assertThat(revoked.path("block").asLong()).as("seen within one block").isBetween(revokeBlock, revokeBlock + 1);
        assertThat(b.events("agent.stopped").get(0).path("reason").asText()).isEqualTo("revoked");
        assertThat(userOps(account, shareBlock + 1, revokeBlock - 1)).hasSize(N + 1);

        // what the desktop shows is what the agent did: its journaled intents are the Activity's rows
        Set<String> agentIntents = new HashSet<>();
        try (Keystore store = Keystore.open(serverDir.resolve("data/wallet.db"), KdfPolicy.standard(), Clock.systemUTC())) {
            store.unlock(AGENT_PASSWORD.toCharArray());
            for (AutomationRule r : store.automations().all()) {
                for (AutomationFiring f : store.automations().firings(r.ruleId())) {
                    if (f.state() == AutomationFiring.State.SUCCEEDED) agentIntents.add(HexFormat.of().formatHex(f.intentId()));
                }
            }
        }
        assertThat(rows).extracting(ActivityRow::key).containsExactlyInAnyOrderElementsOf(agentIntents);
    }

    /** The Activity's included operations of {@code pid} (the desktop itself signed none of them). */
    private static List<ActivityRow> agentRows(ActivityViewModel activity, HexBytes pid) {
        return activity.rows().stream().filter(r -> r.status() == ActivityRow.Status.INCLUDED && r.session().equalsIgnoreCase(pid.hex())).toList();
    }

    private AgentProcess agent(Path serverDir) throws Exception {
        AgentProcess p = new AgentProcess(serverDir.resolve("classes-" + agents.size() + ".log"), "--bundle", serverDir.resolve("session.bundle").toString(),
                "--data", serverDir.resolve("data").toString(), "--password-file", serverDir.resolve("password").toString(),
                "--passphrase-file", serverDir.resolve("passphrase").toString(), "--port", "0", "--poll-ms", "200", "--kdf", "65536,3,1");
        agents.add(p);
        return p;
    }

    private long succeeded() {
        return agents.stream().mapToLong(p -> p.events("automation.succeeded").size()).sum();
    }

    private long firstBlockDisabled(HexBytes pid, Address account, long from) {
        long head = world.client.blockNumber().longValueExact();
        for (long b = from; b <= head; b++) {
            String r = world.client.rpc().call("eth_call", Map.of("to", world.m.address("SmartSession"), "data", Abi.call(
                    "isPermissionEnabled(bytes32,address)", new org.web3j.abi.datatypes.generated.Bytes32(pid.bytes()),
                    new org.web3j.abi.datatypes.Address(account.hex()))), "0x" + Long.toHexString(b)).asText();
            if (Abi.word(r, 0).signum() == 0) return b;
        }
        throw new AssertionError("the session is still enabled at block " + head);
    }

    private List<JsonNode> userOps(Address sender, long from, long to) {
        String topic = "0x" + "0".repeat(24) + sender.hex().substring(2).toLowerCase();
        String event = org.web3j.crypto.Hash.sha3String("UserOperationEvent(bytes32,address,address,uint256,bool,uint256,uint256)");
        JsonNode logs = world.client.rpc().call("eth_getLogs", Map.of("address", world.m.address("EntryPoint"), "fromBlock", "0x" + Long.toHexString(from),
                "toBlock", "0x" + Long.toHexString(to), "topics", java.util.Arrays.asList(event, null, topic)));
        List<JsonNode> out = new ArrayList<>();
        logs.forEach(out::add);
        return out;
    }

    private static void fill(FxRobot robot, String query, String value) {
        robot.interact(() -> robot.lookup(query).queryAs(TextInputControl.class).setText(value));
    }

    private static void fire(FxRobot robot, String query) throws Exception {
        waitUntil(30, () -> fx(() -> !robot.lookup(query).queryAs(Button.class).isDisabled()));
        robot.interact(() -> robot.lookup(query).queryAs(Button.class).fire());
    }

    private static BigInteger eth(String whole) {
        return new BigDecimal(whole).movePointRight(18).toBigIntegerExact();
    }
}
