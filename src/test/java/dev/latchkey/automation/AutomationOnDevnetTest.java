package dev.latchkey.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.chain.Abi;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.signer.Outcome;
import dev.latchkey.signer.SignerConfig;
import dev.latchkey.signer.SignerIntent;
import dev.latchkey.signer.SignerService;
import dev.latchkey.trade.build.AaveIntent;
import dev.latchkey.trade.build.TradeBuilder;
import dev.latchkey.trade.template.SessionBounds;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance on a private devnet (anvil + Alto, chain time advanced with anvil): the real keystore, the real
 * background signer (session keys only, through the bundler) and the engine reading prices, time and Aave positions
 * from the chain. In each scenario the engine and the signer are stopped right after a firing is recorded (the op
 * may be anywhere between "not received" and "sent") and started again on the reopened wallet: no trigger fires
 * twice, none is lost. In the limit/stop and auto-repay scenarios a child wallet process ({@link WalletProcessMain}) is
 * started on the recorded, still pending firing and SIGKILLed at a random point before the in-process restart.
 */
class AutomationOnDevnetTest {

    static DevnetWorld world;
    @TempDir Path dir;
    final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void up() throws Exception {
        world = DevnetWorld.start(Files.createTempDirectory("latchkey-automation-devnet-"));
    }

    @AfterAll
    static void down() {
        if (world != null) world.close();
    }

    /** One wallet process: keystore + signer + engine. */
    final class Node implements AutoCloseable {
        final Keystore ks;
        final dev.latchkey.signer.onchain.OnchainPorts ports;
        final SignerService signer;
        final AutomationEngine engine;
        final AutomationService service;

        Node(Wallets w) throws Exception {
            ks = Wallets.reopen(dir);
            ports = world.ports(); // the real signer with main's live adapters; definitions decoded from the stored session bytes
            signer = ports.signer(ks, new SignerConfig(world.policies, SoftLimits.NONE, 4, 30, Duration.ofSeconds(2), Duration.ofMillis(200), 300));
            signer.start();
            engine = new AutomationEngine(ks, world.network, world.reader(), world.quotes(), signer::submit, ports.definitions(),
                    ports.policyState(), new AutomationConfig(world.policies, Duration.ofMillis(200), 3, 30, 3, log::add));
            service = new AutomationService(ks, world.network, ports.definitions(), world.policies);
        }

        AutomationEngine.Report step() throws Exception {
            return engine.evaluate(world.reader().head());
        }

        /** Evaluates until no firing of {@code rule} is pending (outcomes arrive from the signer between passes). */
        void settle(AutomationRule rule) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline) {
                step();
                if (ks.automations().firings(rule.ruleId()).stream().noneMatch(f -> f.state() == AutomationFiring.State.PENDING)) return;
                Thread.sleep(250);
            }
            throw new AssertionError("firing of " + rule.label() + " did not settle:\n" + String.join("\n", log));
        }

        Outcome run(SignerIntent intent) throws Exception {
            return signer.submit(intent).get(120, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            engine.stop();
            signer.stop();
            ports.close();
            ks.close();
        }
    }

    private Wallets wallets;

    private SessionBounds bounds() {
        return new SessionBounds(System.currentTimeMillis() / 1000 - 60, 7, 350, BigInteger.TEN.pow(18));
    }

    private SessionRecord store(Keystore ks, Wallets.Built b, SessionBounds bounds) throws Exception {
        return wallets.store(ks, b, bounds.validAfter(), bounds.validUntil(), world.network.chainId(), world.addr("SmartSession"));
    }

    @Test
    void limitOrderFiresOnceAtTheCrossAndAStopLossOnTheDrop() throws Exception {
        SessionBounds bounds = bounds();
        List<Wallets.Built> built = new ArrayList<>();
        try (Keystore ks = Wallets.create(dir)) {
            DevnetWorld.Account acc = world.deployAccount(a -> {
                wallets = new Wallets(world.network, world.policies, a, world.addr("OwnableValidator"));
                try {
                    built.add(wallets.template(ks, new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)), bounds));
                    built.add(wallets.template(ks, new SessionTemplate.UniswapSwap("WETH", "USDC", 500, eth("2"), eth("5")), bounds));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return built.stream().map(Wallets.Built::onchain).toList();
            });
            store(ks, built.get(0), bounds);
            store(ks, built.get(1), bounds);
            world.fund(acc.address(), 5000, "2");
        }
        Address account = wallets.account;
        SessionRecord buy;
        SessionRecord sell;
        AutomationRule limit;
        AutomationRule stop;
        try (Node n = new Node(wallets)) {
            buy = n.ks.sessions().all().get(0);
            sell = n.ks.sessions().all().get(1);
            long now = world.client.latestTimestamp();
            limit = n.service.add(buy.permissionId(), "buy the dip", new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, usdc(1000),
                    new BigDecimal("2800"), 100), now);
            stop = n.service.add(sell.permissionId(), "stop-loss", new RuleSpec.StopOrder("WETH", "USDC", 500, eth("1"), new BigDecimal("2600"),
                    null, 100), now);
            n.step();
            world.movePriceTo(new BigDecimal("2850"));
            n.step();
            assertThat(n.ks.automations().firings(limit.ruleId())).as("not before the level (price %s)", world.wethPrice()).isEmpty();
            world.movePriceTo(new BigDecimal("2790"));
            assertThat(n.step().fired()).as("price %s", world.wethPrice()).isEqualTo(1);
        } // stopped right after the firing was recorded
        java.util.Random random = killTiming(11);
        List<String> buyLines = new ArrayList<>(sigkillWalletProcess(random, true)); // the buy in flight
        try (Node n = new Node(wallets)) {
            n.settle(limit);
            for (int i = 0; i < 3; i++) {
                world.mine();
                n.step();
            }
            assertThat(n.ks.automations().get(limit.ruleId()).status()).as(() -> String.join("\n", log)).isEqualTo(AutomationRule.Status.DONE);
            buyLines.addAll(log);
            assertThat(buyLines).as("the killed or the restarted process re-submitted the recorded trigger").anyMatch(l -> l.contains("re-submitting pending intent"));
            assertThat(n.ks.journal().get(IntentIds.of(limit.ruleId(), 0, 0)).state()).isEqualTo(dev.latchkey.keystore.JournalState.FINAL);
            assertThat(n.ks.automations().firings(limit.ruleId())).as("one firing, one intent despite the SIGKILL").singleElement()
                    .extracting(AutomationFiring::state).isEqualTo(AutomationFiring.State.SUCCEEDED);
            assertThat(n.ks.automations().firings(stop.ruleId())).isEmpty();
        }
        assertThat(world.balance("USDC", account)).as("exactly one 1,000 USDC buy").isEqualTo(usdc(4000));
        BigInteger wethAfterBuy = world.balance("WETH", account);
        assertThat(wethAfterBuy).isGreaterThan(eth("2.3"));

        try (Node n = new Node(wallets)) {
            world.movePriceTo(new BigDecimal("2590"));
            assertThat(n.step().fired()).as("price %s", world.wethPrice()).isEqualTo(1);
        }
        sigkillWalletProcess(random, true); // the stop-loss sale in flight
        try (Node n = new Node(wallets)) {
            n.settle(stop);
            for (int i = 0; i < 3; i++) {
                world.mine();
                n.step();
            }
            assertThat(n.ks.automations().get(stop.ruleId()).status()).isEqualTo(AutomationRule.Status.DONE);
            assertThat(n.ks.automations().firings(limit.ruleId())).singleElement().extracting(AutomationFiring::state).isEqualTo(AutomationFiring.State.SUCCEEDED);
            assertThat(n.ks.automations().firings(stop.ruleId())).singleElement().extracting(AutomationFiring::state).isEqualTo(AutomationFiring.State.SUCCEEDED);
        }
        assertThat(world.balance("WETH", account)).as("exactly one 1 WETH stop-loss sale").isEqualTo(wethAfterBuy.subtract(eth("1")));
        assertThat(world.balance("USDC", account)).isGreaterThan(usdc(4000 + 2500));
    }

    @Test
    void recurringPaymentOfTenUsdcEverySixtySecondsPaysExactlyNTimes() throws Exception {
        SessionBounds bounds = bounds();
        Address bob = new Address("0x" + org.web3j.crypto.Keys.getAddress(org.web3j.crypto.Keys.createEcKeyPair()));
        List<Wallets.Built> built = new ArrayList<>();
        try (Keystore ks = Wallets.create(dir)) {
            DevnetWorld.Account acc = world.deployAccount(a -> {
                wallets = new Wallets(world.network, world.policies, a, world.addr("OwnableValidator"));
                try {
                    built.add(wallets.periodicTransfer(ks, world.addr("USDC"), bob, usdc(10), 60, bounds.validAfter(), bounds.validUntil()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return List.of(built.get(0).onchain());
            });
            store(ks, built.get(0), bounds);
            world.fund(acc.address(), 100, null);
        }
        AutomationRule rule;
        try (Node n = new Node(wallets)) {
            // Payments fire 20 s into a one-minute budget window, well before its end (policies.md §2.0).
            world.alignTo(60, 20);
            long now = world.client.latestTimestamp();
            rule = n.service.add(n.ks.sessions().all().get(0).permissionId(), "rent", new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", bob,
                    null, 0, usdc(10), 60, now + 30, 0, 4, 0), now);
            n.step();
            assertThat(n.ks.automations().firings(rule.ruleId())).as("not due yet").isEmpty();
        }
        for (int minute = 1; minute <= 7; minute++) {
            world.advance(60);
            try (Node n = new Node(wallets)) {
                n.step();
                if (minute != 2) n.settle(rule); // minute 2: killed right after the firing, settled by the next process
            }
        }
        try (Node n = new Node(wallets)) {
            n.settle(rule);
            List<AutomationFiring> firings = n.ks.automations().firings(rule.ruleId());
            assertThat(firings).as(() -> String.join("\n", log)).hasSize(4).allMatch(f -> f.state() == AutomationFiring.State.SUCCEEDED);
            assertThat(firings).extracting(AutomationFiring::seq).containsExactly(0L, 1L, 2L, 3L);
            assertThat(firings).extracting(f -> java.util.HexFormat.of().formatHex(f.intentId())).doesNotHaveDuplicates();
            for (AutomationFiring f : firings) {
                assertThat(n.ks.journal().get(f.intentId()).state()).isEqualTo(dev.latchkey.keystore.JournalState.FINAL);
            }
            assertThat(log).anyMatch(l -> l.contains("re-submitting pending intent"));
            assertThat(n.ks.automations().get(rule.ruleId()).status()).isEqualTo(AutomationRule.Status.DONE);
        }
        assertThat(world.balance("USDC", bob)).as("exactly 4 × 10 USDC").isEqualTo(usdc(40));
    }

    @Test
    void autoRepayRestoresTheHealthFactorAfterAnOraclePriceDrop() throws Exception {
        SessionBounds bounds = bounds();
        List<Wallets.Built> built = new ArrayList<>();
        try (Keystore ks = Wallets.create(dir)) {
            DevnetWorld.Account acc = world.deployAccount(a -> {
                wallets = new Wallets(world.network, world.policies, a, world.addr("OwnableValidator"));
                try {
                    built.add(wallets.template(ks, new SessionTemplate.AaveSupplyBorrowRepay("WETH", eth("2"), eth("2"), "USDC", usdc(2000),
                            usdc(3000)), bounds));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return List.of(built.get(0).onchain());
            });
            store(ks, built.get(0), bounds);
            world.fund(acc.address(), 0, "1");
        }
        Address account = wallets.account;
        TradeBuilder trades = new TradeBuilder(world.network, world.quotes());
        world.devnet.faucet().setPrice("WETH", new BigDecimal("3000"));
        AutomationRule rule;
        try (Node n = new Node(wallets)) {
            assertThat(n.run(intent(account, trades.aave(account, new AaveIntent.Supply("WETH", eth("1"))).callData()))).isInstanceOf(Outcome.Included.class);
            assertThat(n.run(intent(account, trades.aave(account, new AaveIntent.Borrow("USDC", usdc(2000))).callData()))).isInstanceOf(Outcome.Included.class);
            assertThat(healthFactor(account)).isBetween(new BigDecimal("1.2"), new BigDecimal("1.3"));
            rule = n.service.add(n.ks.sessions().all().get(0).permissionId(), "keep HF above 1.2",
                    new RuleSpec.AutoRepay("USDC", new BigDecimal("1.2"), new BigDecimal("1.5"), usdc(3000)), world.client.latestTimestamp());
            n.step();
            assertThat(n.ks.automations().firings(rule.ruleId())).as("healthy: nothing to do").isEmpty();
            world.devnet.faucet().setPrice("WETH", new BigDecimal("2800"));
            assertThat(healthFactor(account)).isLessThan(new BigDecimal("1.2"));
            assertThat(n.step().fired()).isEqualTo(1);
        }
        List<String> lines = new ArrayList<>(sigkillWalletProcess(killTiming(13), true)); // the repay in flight
        try (Node n = new Node(wallets)) {
            n.settle(rule);
            for (int i = 0; i < 3; i++) {
                world.mine();
                n.step();
            }
            assertThat(n.ks.automations().firings(rule.ruleId())).as(() -> String.join("\n", log)).singleElement()
                    .extracting(AutomationFiring::state).isEqualTo(AutomationFiring.State.SUCCEEDED);
            assertThat(n.ks.automations().get(rule.ruleId()).status()).isEqualTo(AutomationRule.Status.ACTIVE);
            lines.addAll(log);
            assertThat(lines).anyMatch(l -> l.contains("re-submitting pending intent"));
        }
        assertThat(healthFactor(account)).isGreaterThanOrEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void recurringPaymentsSurviveSigkillOfTheWalletProcess() throws Exception {
        SessionBounds bounds = bounds();
        Address bob = new Address("0x" + org.web3j.crypto.Keys.getAddress(org.web3j.crypto.Keys.createEcKeyPair()));
        List<Wallets.Built> built = new ArrayList<>();
        try (Keystore ks = Wallets.create(dir)) {
            DevnetWorld.Account acc = world.deployAccount(a -> {
                wallets = new Wallets(world.network, world.policies, a, world.addr("OwnableValidator"));
                try {
                    built.add(wallets.periodicTransfer(ks, world.addr("USDC"), bob, usdc(10), 60, bounds.validAfter(), bounds.validUntil()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return List.of(built.get(0).onchain());
            });
            store(ks, built.get(0), bounds);
            world.fund(acc.address(), 100, null);
        }
        AutomationRule rule;
        try (Node n = new Node(wallets)) {
            // Payments fire 20 s into a one-minute budget window, well before its end (policies.md §2.0).
            world.alignTo(60, 20);
            long now = world.client.latestTimestamp();
            rule = n.service.add(n.ks.sessions().all().get(0).permissionId(), "rent", new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", bob,
                    null, 0, usdc(10), 60, now + 30, 0, 5, 0), now);
        }
        java.util.Random random = killTiming(7);
        int kills = 0;
        for (int minute = 1; minute <= 6; minute++) {
            world.advance(60);
            sigkillWalletProcess(random, false); // a due payment in flight, or (nothing due) an idle process
            kills++;
        }
        try (Keystore ks = Wallets.reopen(dir)) {
            assertThat(ks.automations().firings(rule.ruleId())).as("the killed processes fired triggers themselves").isNotEmpty();
        }
        try (Node n = new Node(wallets)) {
            for (int i = 0; i < 12 && n.ks.automations().get(rule.ruleId()).status() != AutomationRule.Status.DONE; i++) {
                n.settle(rule);
                if (n.ks.automations().get(rule.ruleId()).status() != AutomationRule.Status.DONE) world.advance(60);
            }
            n.settle(rule);
            List<AutomationFiring> firings = n.ks.automations().firings(rule.ruleId());
            List<AutomationFiring> succeeded = firings.stream().filter(f -> f.state() == AutomationFiring.State.SUCCEEDED).toList();
            assertThat(succeeded).as(() -> kills(firings) + String.join("\n", log)).extracting(AutomationFiring::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(n.ks.automations().get(rule.ruleId()).status()).isEqualTo(AutomationRule.Status.DONE);
        }
        assertThat(kills).isEqualTo(6);
        assertThat(world.balance("USDC", bob)).as("exactly 5 × 10 USDC despite 6 SIGKILLs").isEqualTo(usdc(50));
    }

    /**
     * Starts the wallet (keystore + real signer + engine) as a child JVM on {@link #dir}, waits until its engine holds
     * a firing in flight (fired a trigger, or re-submitted a recorded one to its signer) and SIGKILLs it a random
     * 0–0.6 s later: while signing, sending (maybe between the send and its journal commit) or waiting for inclusion.
     * Aiming at the firing, not at a fixed delay, keeps the kills meaningful on a slow or loaded machine. Returns the
     * child's log.
     */
    private List<String> sigkillWalletProcess(java.util.Random random, boolean mustHoldFiring) throws Exception {
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, world.m.toJson());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider", "-cp",
                System.getProperty("java.class.path"), WalletProcessMain.class.getName(), dir.toString(), manifest.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch inFlight = new java.util.concurrent.CountDownLatch(1);
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                    if (line.contains("FIRED trigger") || line.contains("re-submitting pending intent")) inFlight.countDown();
                }
            } catch (java.io.IOException e) {
                lines.add("(child output ended: " + e.getMessage() + ")");
            }
        });
        boolean held = inFlight.await(mustHoldFiring ? 90 : 20, TimeUnit.SECONDS);
        if (held) Thread.sleep(random.nextInt(600));
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no lock, no flush beyond committed transactions
        p.waitFor();
        reader.join(5_000);
        System.out.println("[sigkill] " + killedState());
        if (mustHoldFiring) {
            assertThat(held).as(() -> "the child never held the pending firing:\n" + String.join("\n", lines)).isTrue();
        }
        return lines;
    }

    /** Where a kill left the pending firings' journal rows (printed, so a run shows which windows it hit). */
    private String killedState() throws Exception {
        try (Keystore ks = Wallets.reopen(dir)) {
            List<String> states = new ArrayList<>();
            for (AutomationFiring f : ks.automations().pending()) {
                String row;
                try {
                    row = ks.journal().get(f.intentId()).state().name();
                } catch (dev.latchkey.keystore.KeystoreException.NotFoundException e) {
                    row = "no journal row";
                }
                states.add("trigger " + f.seq() + "/" + f.attempt() + ": " + row);
            }
            return states.isEmpty() ? "no pending firing" : String.join(", ", states);
        }
    }

    /** Where the kills land: a fixed seed, or {@code -Dlatchkey.killSeed=N} to explore other points. */
    private static java.util.Random killTiming(long seed) {
        return new java.util.Random(Long.getLong("latchkey.killSeed", seed));
    }

    private static String kills(List<AutomationFiring> firings) {
        return firings.stream().map(f -> f.seq() + "/" + f.attempt() + " " + f.state() + " " + f.outcome()).collect(java.util.stream.Collectors.joining(", ")) + "\n";
    }

    private SignerIntent intent(Address account, dev.latchkey.session.model.HexBytes callData) {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        return new SignerIntent(id, account, world.network.chainId(), callData);
    }

    private static BigDecimal healthFactor(Address account) {
        String r = world.client.call(world.network.aavePool().hex(), Abi.call("getUserAccountData(address)",
                new org.web3j.abi.datatypes.Address(account.hex())));
        return new BigDecimal(Abi.word(r, 5)).movePointLeft(18);
    }

    static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }

    static BigInteger eth(String d) {
        return new BigDecimal(d).movePointRight(18).toBigIntegerExact();
    }
}
