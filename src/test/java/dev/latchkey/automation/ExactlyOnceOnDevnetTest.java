package dev.latchkey.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.signer.FaultProxy;
import dev.latchkey.signer.Outcome;
import dev.latchkey.signer.SignerConfig;
import dev.latchkey.signer.SignerIntent;
import dev.latchkey.signer.SignerService;
import dev.latchkey.signer.onchain.OnchainPorts;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.build.TradeBuilder;
import dev.latchkey.trade.template.SessionBounds;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 09 acceptance: a bundler that lies. Each {@link FaultProxy.Fault} sits in front of the devnet's real Alto and
 * mistreats the first send of every operation; the real signer (live adapters) and engine run behind it. A recurring
 * rule of N payments pays exactly N, five one-click swaps with a retry after each answer that is not "included" land
 * exactly five, and the wallet's ledger equals what the chain shows (balances, one FINAL journal row per operation).
 */
class ExactlyOnceOnDevnetTest {

    private static final int N = 3;

    static DevnetWorld world;
    @TempDir Path dir;
    final List<String> log = new CopyOnWriteArrayList<>();
    private Wallets wallets;

    @BeforeAll
    static void up() throws Exception {
        world = DevnetWorld.start(Files.createTempDirectory("latchkey-exactonce-devnet-"));
    }

    @AfterAll
    static void down() {
        if (world != null) world.close();
    }

    /** A wallet process whose signer sends through {@code proxy}. */
    final class Node implements AutoCloseable {
        final Keystore ks;
        final JsonRpcClient bundler;
        final OnchainPorts ports;
        final SignerService signer;
        final AutomationEngine engine;
        final AutomationService service;

        Node(FaultProxy proxy) throws Exception {
            this(proxy.uri());
        }

        Node(URI bundlerUri) throws Exception {
            ks = Wallets.reopen(dir);
            // A 3 s client time-out, so the proxy's 5 s delay is a time-out the signer sees.
            bundler = new JsonRpcClient(bundlerUri, Duration.ofSeconds(3));
            ports = world.ports(bundler);
            signer = ports.signer(ks, new SignerConfig(world.policies, SoftLimits.NONE, 4, 30, Duration.ofSeconds(2), Duration.ofMillis(200), 300));
            signer.start();
            engine = new AutomationEngine(ks, world.network, world.reader(), world.quotes(), signer::submit, ports.definitions(),
                    ports.policyState(), new AutomationConfig(world.policies, Duration.ofMillis(200), 3, 30, 3, log::add));
            service = new AutomationService(ks, world.network, ports.definitions(), world.policies);
        }

        void settle(AutomationRule rule) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                engine.evaluate(world.reader().head());
                if (ks.automations().firings(rule.ruleId()).stream().noneMatch(f -> f.state() == AutomationFiring.State.PENDING)) return;
                Thread.sleep(250);
            }
            throw new AssertionError("firing of " + rule.label() + " did not settle:\n" + String.join("\n", log));
        }

        @Override
        public void close() {
            engine.stop();
            signer.stop();
            ports.close();
            bundler.close();
            ks.close();
        }
    }

    private static FaultProxy proxy(FaultProxy.Fault fault) throws Exception {
        Duration delay = fault == FaultProxy.Fault.TIME_OUT_AND_FORWARD ? Duration.ofSeconds(5) : Duration.ofMillis(1500);
        return new FaultProxy(URI.create(world.m.bundlerUrl()), fault, delay);
    }

    private SessionBounds bounds() {
        return new SessionBounds(System.currentTimeMillis() / 1000 - 60, 7, 350, BigInteger.TEN.pow(18));
    }

    @ParameterizedTest
    @EnumSource(FaultProxy.Fault.class)
    void aRecurringRuleOfNPaymentsPaysExactlyNBehindALyingBundler(FaultProxy.Fault fault) throws Exception {
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
            wallets.store(ks, built.get(0), bounds.validAfter(), bounds.validUntil(), world.network.chainId(), world.addr("SmartSession"));
            world.fund(acc.address(), 100, null);
        }
        try (FaultProxy proxy = proxy(fault); Node n = new Node(proxy)) {
            // Payments fire 20 s into a one-minute budget window, well before its end (policies.md §2.0).
            world.alignTo(60, 20);
            long now = world.client.latestTimestamp();
            AutomationRule rule = n.service.add(n.ks.sessions().all().get(0).permissionId(), "rent", new RuleSpec.RecurringPayment(
                    RuleSpec.Mode.SEND, "USDC", bob, null, 0, usdc(10), 60, now + 30, 0, N, 0), now);
            for (int minute = 1; minute <= N + 1; minute++) {
                world.advance(60);
                n.settle(rule);
            }
            List<AutomationFiring> firings = n.ks.automations().firings(rule.ruleId());
            assertThat(world.balance("USDC", bob)).as("exactly %d × 10 USDC through %s", N, fault).isEqualTo(usdc(10L * N));
            assertThat(proxy.faulted.get()).as("the fault hit every payment's first send").isGreaterThanOrEqualTo(N);
            assertThat(firings).as(() -> String.join("\n", log)).hasSize(N).allMatch(f -> f.state() == AutomationFiring.State.SUCCEEDED);
            assertThat(firings).extracting(AutomationFiring::seq).containsExactly(0L, 1L, 2L);
            assertThat(n.ks.automations().get(rule.ruleId()).status()).isEqualTo(AutomationRule.Status.DONE);
            SessionRecord s = n.ks.sessions().all().get(0);
            assertLedgerIsTheChain(n, s, usdc(10L * N), N);
        }
        assertThat(world.balance("USDC", bob)).as("exactly %d × 10 USDC through %s", N, fault).isEqualTo(usdc(10L * N));
    }

    @ParameterizedTest
    @EnumSource(FaultProxy.Fault.class)
    void fiveOneClickSwapsWithARetryAfterEachFailureLandExactlyFive(FaultProxy.Fault fault) throws Exception {
        SessionBounds bounds = bounds();
        List<Wallets.Built> built = new ArrayList<>();
        try (Keystore ks = Wallets.create(dir)) {
            DevnetWorld.Account acc = world.deployAccount(a -> {
                wallets = new Wallets(world.network, world.policies, a, world.addr("OwnableValidator"));
                try {
                    built.add(wallets.template(ks, new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(1000), usdc(5000)), bounds));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return List.of(built.get(0).onchain());
            });
            wallets.store(ks, built.get(0), bounds.validAfter(), bounds.validUntil(), world.network.chainId(), world.addr("SmartSession"));
            world.fund(acc.address(), 1000, null);
        }
        Address account = wallets.account;
        BigInteger before = world.balance("USDC", account);
        TradeBuilder trades = new TradeBuilder(world.network, world.quotes());
        int unconfirmed = 0;
        try (FaultProxy proxy = proxy(fault); Node n = new Node(proxy)) {
            for (int i = 0; i < 5; i++) {
                SignerIntent click = intent(account, trades.swap(account, new SwapIntent("USDC", "WETH", usdc(100), 100, 500)).callData());
                Outcome o = n.signer.submit(click).get(120, TimeUnit.SECONDS);
                for (int retry = 0; !(o instanceof Outcome.Included) && retry < 5; retry++) {
                    if (o instanceof Outcome.Unconfirmed) {
                        unconfirmed++; // "not confirmed yet": the screen's retry follows the same trade
                    } else {
                        // told "failed": the user clicks the swap again, which is a new trade
                        click = intent(account, trades.swap(account, new SwapIntent("USDC", "WETH", usdc(100), 100, 500)).callData());
                    }
                    o = n.signer.submit(click).get(120, TimeUnit.SECONDS);
                }
                assertThat(o).as("swap %d through %s", i, fault).isInstanceOfSatisfying(Outcome.Included.class,
                        inc -> assertThat(inc.success()).isTrue());
            }
            Thread.sleep(3000); // anything a bundler still forwards lands now
            assertThat(before.subtract(world.balance("USDC", account))).as("exactly five 100 USDC swaps").isEqualTo(usdc(500));
            assertThat(proxy.faulted.get()).isGreaterThanOrEqualTo(5);
            assertLedgerIsTheChain(n, n.ks.sessions().all().get(0), usdc(500), 5);
        }
        if (fault == FaultProxy.Fault.REJECT_BUT_FORWARD || fault == FaultProxy.Fault.TIME_OUT_AND_FORWARD) {
            assertThat(unconfirmed).as("the user was told 'not confirmed yet', not 'failed'").isEqualTo(5);
        }
        assertThat(before.subtract(world.balance("USDC", account))).as("exactly five 100 USDC swaps").isEqualTo(usdc(500));
    }

    @org.junit.jupiter.api.Test
    void backupAfterKOfNThenMorePaymentsThenRestore_paysExactlyNAndSaysItReconciledFromTheChain() throws Exception {
        int n = 5;
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
            wallets.store(ks, built.get(0), bounds.validAfter(), bounds.validUntil(), world.network.chainId(), world.addr("SmartSession"));
            world.fund(acc.address(), 100, null);
        }
        URI alto = URI.create(world.m.bundlerUrl());
        Path backup = dir.resolve("backup-after-2.db");
        java.time.Instant[] backupAt = new java.time.Instant[1];
        AutomationRule rule;
        try (Node node = new Node(alto)) {
            world.alignTo(60, 20);
            long now = world.client.latestTimestamp();
            rule = node.service.add(node.ks.sessions().all().get(0).permissionId(), "rent", new RuleSpec.RecurringPayment(
                    RuleSpec.Mode.SEND, "USDC", bob, null, 0, usdc(10), 60, now + 30, 0, n, 0), now);
            for (int minute = 1; minute <= 4; minute++) {
                world.advance(60);
                node.settle(rule);
                if (minute == 2) {
                    assertThat(world.balance("USDC", bob)).isEqualTo(usdc(20));
                    backupAt[0] = java.time.Instant.now();
                    node.ks.backupTo(backup); // k = 2 of 5 paid
                }
            }
            assertThat(world.balance("USDC", bob)).as("4 paid before the restore").isEqualTo(usdc(40));
        }
        // Restore: the backup file becomes the wallet again (journal, firings and the rule's cursor at 2 payments).
        Files.copy(backup, dir.resolve("wallet.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(dir.resolve("wallet.db-wal"));
        Files.deleteIfExists(dir.resolve("wallet.db-shm"));
        try (Node node = new Node(alto)) { // what `latchkey signer run` starts: the signer, then the engine
            for (int minute = 0; minute < 6 && node.ks.automations().get(rule.ruleId()).status() != AutomationRule.Status.DONE; minute++) {
                world.advance(60);
                node.settle(rule);
                node.settle(rule);
            }
            assertThat(world.balance("USDC", bob)).as("exactly %d × 10 USDC in total", n).isEqualTo(usdc(10L * n));
            assertThat(node.ks.automations().get(rule.ruleId()).status()).as(() -> String.join("\n", log)).isEqualTo(AutomationRule.Status.DONE);
            assertThat(node.ks.activity().recent(50)).as("the wallet says it was restored and reconciled from the chain")
                    .anyMatch(e -> e.kind().code().equals("signer.restored") && e.detail().contains("reconciled from the chain: 2 operation"));
            assertThat(node.signer.state().warnings()).singleElement().asString().contains("rebuilt from the chain");
            List<AutomationFiring> firings = node.ks.automations().firings(rule.ruleId());
            assertThat(firings).filteredOn(f -> f.state() == AutomationFiring.State.SUCCEEDED).extracting(AutomationFiring::seq)
                    .containsExactly(0L, 1L, 2L, 3L, 4L);
            assertLedgerIsTheChain(node, node.ks.sessions().all().get(0), usdc(10L * n), n);
            assertThat(node.ks.settings().get(dev.latchkey.keystore.Settings.BACKUP_MARKER)).as("said once").isNull();
            // The periodic view the daily caps count (the journal by time) has the payments made after the backup too.
            assertThat(node.ks.journal().amountSince(world.addr("USDC").hex(), backupAt[0])).as("spent since the backup")
                    .isEqualTo(usdc(30));
        }
        assertThat(world.balance("USDC", bob)).as("exactly %d × 10 USDC in total", n).isEqualTo(usdc(10L * n));
    }

    /** One FINAL journal row per operation on chain (sequences 0..count-1, none released), and the ledger's spent == the chain's. */
    private void assertLedgerIsTheChain(Node n, SessionRecord s, BigInteger spent, int count) throws Exception {
        n.signer.reconcile(s.permissionId()).get(30, TimeUnit.SECONDS);
        List<dev.latchkey.keystore.JournalEntry> rows = n.ks.journal().all(s.permissionId());
        assertThat(rows).as("no operation released on a bundler's word").allMatch(r -> r.state() == JournalState.FINAL);
        assertThat(rows).extracting(dev.latchkey.keystore.JournalEntry::nonceSeq).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.range(0, count).boxed().toList());
        BigInteger key = new BigInteger(1, rows.get(0).nonceKey());
        String nonce = world.client.call(world.addr("EntryPoint").hex(), dev.latchkey.chain.Abi.call("getNonce(address,uint192)",
                new org.web3j.abi.datatypes.Address(s.account()), new org.web3j.abi.datatypes.generated.Uint192(key)));
        assertThat(dev.latchkey.chain.Abi.word(nonce, 0).longValue() & 0xffff_ffffL).as("the chain's sequence on the lane").isEqualTo(count);
        BigInteger ledger = n.ks.sessions().budget(s.permissionId()).stream()
                .filter(b -> b.token().equalsIgnoreCase(world.addr("USDC").hex())).findFirst().orElseThrow().spentFinal();
        assertThat(ledger).as("ledger spent == what left the account").isEqualTo(spent);
    }

    private SignerIntent intent(Address account, dev.latchkey.session.model.HexBytes callData) {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        return new SignerIntent(id, account, world.network.chainId(), callData);
    }

    static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
