package dev.latchkey.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.cli.LatchkeyCommand;
import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.NetworkRequest;
import dev.latchkey.wallet.Networks;
import dev.latchkey.wallet.SignerHost;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 16's acceptance, on a private devnet (time moves): the wallet creates and approves a session with a recurring
 * swap and a stop-loss, shares it and is closed; an agent started from the bundle in another directory — its own OS
 * process, through the program's entry point — pays the recurring swap exactly N times across SIGKILLs and a SIGTERM,
 * fires the stop on a price drop, and stops on the block the owner's revocation lands; the wallet then reads the
 * agent's operations from the chain into its journal and activity.
 */
class AgentOnDevnetTest {

    static final int N = 3;
    static final String WALLET_PASSWORD = "cli-Test-Harbor-42 phrase";
    static final String AGENT_PASSWORD = "agent-Test-Lighthouse-19";
    static final String PASSPHRASE = "bundle-Test-Meadow-83 words";

    @TempDir Path tmp;
    DevnetWorld world;
    final List<AgentProcess> agents = new ArrayList<>();
    Thread miner;

    @AfterEach
    void stop() throws Exception {
        if (miner != null) miner.interrupt();
        for (AgentProcess a : agents) if (a.process.isAlive()) a.sigkill();
        if (world != null) world.close();
    }

    @Test
    void theAgentPaysExactlyNTimesAcrossKillsFiresTheStopAndStopsWhenTheOwnerRevokes() throws Exception {
        world = DevnetWorld.start(tmp.resolve("devnet"));
        Path manifest = world.devnet.config().dir().resolve("manifest.json");
        Path walletDir = tmp.resolve("wallet");
        Files.writeString(tmp.resolve("wallet-password"), WALLET_PASSWORD + "\n");
        Files.writeString(tmp.resolve("passphrase"), PASSPHRASE + "\n");
        List<String> walletOpts = List.of("--wallet-dir", walletDir.toString(), "--password-file", tmp.resolve("wallet-password").toString(),
                "--manifest", manifest.toString(), "--json");

        // ---- the owner's wallet (each command opens and closes it; nothing of it runs while the agent works)
        assertThat(cli("wallet", "init", "--wallet-dir", walletDir.toString(), "--password-file", tmp.resolve("wallet-password").toString(),
                "--kdf", "65536,3,1", "--json").exit).isZero();
        assertThat(cli(walletOpts, "account", "create").exit).isZero();
        Run fund = cli(walletOpts, "account", "fund", "--eth", "1", "--weth", "1", "--usdc", "10");
        assertThat(fund.exit).as(fund.err).isZero();
        String sid = cli(walletOpts, "session", "create", "--template", "uniswap-swap", "--pair", "WETH/USDC", "--max-per-trade", "0.5",
                "--max-per-day", "2", "--days", "7").json().path("session").asText();
        Run enable = cli(walletOpts, "session", "enable", "--session", sid);
        assertThat(enable.exit).as(enable.err).isZero();
        world.alignTo(60, 20);
        Run recurring = cli(walletOpts, "automation", "add", "recurring", "--session", sid, "--token", "WETH", "--amount", "0.01",
                "--every", "60s", "--swap-to", "USDC", "--count", String.valueOf(N), "--label", "dca");
        assertThat(recurring.exit).as(recurring.out + recurring.err).isZero();
        BigDecimal price = world.wethPrice();
        BigDecimal stopLevel = price.multiply(new BigDecimal("0.9")).setScale(0, RoundingMode.DOWN);
        Run stop = cli(walletOpts, "automation", "add", "stop", "--session", sid, "--pair", "WETH/USDC", "--amount", "0.1",
                "--stop-loss", stopLevel.toPlainString(), "--label", "stop");
        assertThat(stop.exit).as(stop.out + stop.err).isZero();
        Path serverDir = Files.createDirectories(tmp.resolve("server"));
        Path bundle = serverDir.resolve("session.bundle");
        Run share = cli(walletOpts, "session", "share", "--session", sid, "--to", bundle.toString(), "--server", "rack-1",
                "--passphrase-file", tmp.resolve("passphrase").toString());
        assertThat(share.exit).as(share.out + share.err).isZero();
        assertThat(share.json().path("rules").size()).isEqualTo(2);
        assertThat(cli(walletOpts, "session", "show", "--session", sid).json().path("sharedWith").asText()).isEqualTo("rack-1");
        long shareBlock = world.client.blockNumber().longValueExact();
        String account = cli(walletOpts, "account", "show").json().path("account").asText();
        BigInteger wethBefore = world.balance("WETH", new dev.latchkey.session.model.Address(account.toLowerCase()));

        // ---- the server: another directory, its own store, its own process
        Files.writeString(serverDir.resolve("password"), AGENT_PASSWORD + "\n");
        Files.writeString(serverDir.resolve("passphrase"), PASSPHRASE + "\n");
        Files.delete(tmp.resolve("passphrase"));
        // A devnet mines only on demand; a real chain makes blocks by itself, and the engine settles firings per block.
        Thread miner = Thread.ofVirtual().start(() -> {
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
        this.miner = miner;
        AgentProcess a = agent(serverDir);
        assertThat(a.await(p -> succeeded() >= 1, 120)).as(a.output()).isTrue();
        JsonNode started = a.events("agent.started").get(0);
        assertThat(get(started.path("health").asText()).path("status").asText()).isEqualTo("running");
        String metrics = getText(started.path("metrics").asText());
        assertThat(metrics).contains("latchkey_agent_firings{outcome=\"succeeded\"} 1").contains("latchkey_agent_budget_left{token=\"WETH\"}")
                .contains("latchkey_agent_lag_seconds").contains("latchkey_agent_refusals_total 0");

        // payment 2: killed while it is in flight, finished by the next process
        world.advance(60);
        a.await(p -> !p.events("automation.fired").isEmpty() && p.events("automation.fired").size() >= 2, 60);
        a.sigkill();
        AgentProcess b = agent(serverDir);
        world.mine();
        assertThat(b.await(p -> succeeded() >= 2, 120)).as(b.output()).isTrue();
        // payment 3, then a SIGKILL after it, then a graceful stop and start
        world.advance(60);
        assertThat(b.await(p -> succeeded() >= 3, 120)).as(b.output()).isTrue();
        b.sigkill();
        AgentProcess c = agent(serverDir);
        assertThat(c.await(p -> !p.events("agent.started").isEmpty(), 60)).as(c.output()).isTrue();
        world.advance(60); // a 4th period passes: nothing more is paid (count N)
        world.mine();
        Thread.sleep(2000);
        assertThat(c.sigterm()).as("the JVM's exit status after SIGTERM with the agent stopped cleanly").isIn(0, 143);
        assertThat(c.events("agent.stopped")).as(c.output()).singleElement()
                .satisfies(e -> assertThat(e.path("reason").asText()).as(e.toString()).startsWith("stop requested"));

        // the stop-loss on a price drop
        AgentProcess d = agent(serverDir);
        assertThat(d.await(p -> !p.events("agent.started").isEmpty(), 60)).as(d.output()).isTrue();
        world.movePriceTo(stopLevel.multiply(new BigDecimal("0.97")));
        world.mine();
        assertThat(d.await(p -> succeeded() >= N + 1, 120)).as(d.output()).isTrue();
        Thread.sleep(1000);
        assertThat(succeeded()).as("N payments and one stop, nothing twice").isEqualTo(N + 1);

        miner.interrupt();
        miner.join();
        // the owner revokes from the wallet: the agent sees it on that block, stops and says so
        Run revoke = cli(walletOpts, "session", "revoke", "--session", sid);
        assertThat(revoke.exit).as(revoke.out + revoke.err).isZero();
        String revokeTx = revoke.json().path("revoked").get(0).path("transaction").asText();
        long revokeBlock = Long.decode(world.client.rpc().call("eth_getTransactionReceipt", revokeTx).path("blockNumber").asText());
        assertThat(d.waitForExit(60)).as(d.output()).isZero();
        JsonNode revoked = d.events("agent.revoked").get(0);
        assertThat(revoked.path("block").asLong()).as("seen within one block").isBetween(revokeBlock, revokeBlock + 1);
        assertThat(revoked.path("reason").asText()).contains("removeSession");
        assertThat(d.events("agent.stopped").get(0).path("reason").asText()).isEqualTo("revoked");

        // the chain: exactly N recurring swaps and one stop between the share and the revocation
        List<JsonNode> ops = userOps(account, shareBlock + 1, revokeBlock - 1);
        assertThat(ops).as("operations of the account while the agent held the session").hasSize(N + 1);
        assertThat(ops).allMatch(l -> dev.latchkey.chain.Abi.word(l.path("data").asText(), 1).signum() != 0);
        BigInteger sold = new BigDecimal("0.01").multiply(BigDecimal.valueOf(N)).add(new BigDecimal("0.1")).movePointRight(18).toBigIntegerExact();
        assertThat(world.balance("WETH", new dev.latchkey.session.model.Address(account.toLowerCase())))
                .as("exactly N × 0.01 WETH and the 0.1 WETH stop sold").isEqualTo(wethBefore.subtract(sold));

        // no JavaFX class was ever loaded by an agent process (and the log does show the agent's own classes)
        for (AgentProcess p : agents) {
            List<String> loaded = p.loadedClasses();
            assertThat(loaded).anyMatch(l -> l.contains("dev.latchkey.agent.AgentRuntime"));
            assertThat(loaded).noneMatch(l -> l.contains(" javafx.") || l.contains(" com.sun.javafx.") || l.contains(" com.sun.glass."));
        }

        // what the agent journaled, and the wallet reading it from the chain (what the desktop's Activity shows)
        Set<String> agentIntents = new HashSet<>();
        try (Keystore store = Keystore.open(serverDir.resolve("data/wallet.db"), KdfPolicy.standard(), Clock.systemUTC())) {
            store.unlock(AGENT_PASSWORD.toCharArray());
            for (AutomationRule r : store.automations().all()) {
                for (AutomationFiring f : store.automations().firings(r.ruleId())) {
                    if (f.state() == AutomationFiring.State.SUCCEEDED) agentIntents.add(HexFormat.of().formatHex(f.intentId()));
                }
            }
            assertThat(store.keys().sessionKeys()).as("the agent wiped its key after the revocation").isEmpty();
        }
        assertThat(agentIntents).hasSize(N + 1);
        try (Keystore ks = Keystore.open(walletDir.resolve("wallet.db"), KdfPolicy.standard(), Clock.systemUTC())) {
            ks.unlock(WALLET_PASSWORD.toCharArray());
            try (ChainConnection chain = ChainConnection.open(Networks.resolve(NetworkRequest.devnet().withManifest(manifest)));
                 SignerHost host = SignerHost.start(ks, chain, SoftLimits.NONE)) {
                assertThat(host.resumed()).isEmpty();
            }
            byte[] pid = HexFormat.of().parseHex(sid.substring(2));
            Set<String> walletIntents = new HashSet<>();
            ks.journal().inState(pid, JournalState.FINAL).forEach(r -> walletIntents.add(HexFormat.of().formatHex(r.intentId())));
            assertThat(walletIntents).as("the wallet's journal holds the agent's operations, read from the chain").isEqualTo(agentIntents);
            List<ActivityLog.Entry> activity = ks.activity().recent(200);
            assertThat(activity.stream().filter(e -> e.kind().code().equals("signer.reconciled")).count()).isEqualTo(N + 1);
            assertThat(activity).anyMatch(e -> e.kind().code().equals("session.shared") && e.detail().contains("rack-1"));
        }
    }

    private AgentProcess agent(Path serverDir) throws Exception {
        AgentProcess p = new AgentProcess(serverDir.resolve("classes-" + agents.size() + ".log"), "--bundle", serverDir.resolve("session.bundle").toString(),
                "--data", serverDir.resolve("data").toString(), "--password-file", serverDir.resolve("password").toString(),
                "--passphrase-file", serverDir.resolve("passphrase").toString(), "--port", "0", "--poll-ms", "200", "--kdf", "65536,3,1");
        agents.add(p);
        return p;
    }

    /** automation.succeeded lines over every agent process so far (each firing closes once, in whichever process). */
    private long succeeded() {
        return agents.stream().mapToLong(p -> p.events("automation.succeeded").size()).sum();
    }

    private List<JsonNode> userOps(String sender, long from, long to) {
        String topic = "0x" + "0".repeat(24) + sender.substring(2).toLowerCase();
        String event = org.web3j.crypto.Hash.sha3String("UserOperationEvent(bytes32,address,address,uint256,bool,uint256,uint256)");
        JsonNode logs = world.client.rpc().call("eth_getLogs", Map.of("address", world.m.address("EntryPoint"), "fromBlock", "0x" + Long.toHexString(from),
                "toBlock", "0x" + Long.toHexString(to), "topics", java.util.Arrays.asList(event, null, topic)));
        List<JsonNode> out = new ArrayList<>();
        logs.forEach(out::add);
        return out;
    }

    private static JsonNode get(String url) throws Exception {
        return new ObjectMapper().readTree(getText(url));
    }

    private static String getText(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run cli(List<String> opts, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(opts);
        return cli(all.toArray(String[]::new));
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = LatchkeyCommand.commandLine();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int exit = line.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
