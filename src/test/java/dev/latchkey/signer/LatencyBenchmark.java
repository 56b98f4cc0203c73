package dev.latchkey.signer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.flow.ChainAddresses;
import dev.latchkey.aa.flow.EnableFlow;
import dev.latchkey.aa.flow.OperationSender;
import dev.latchkey.aa.flow.SessionOperations;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.devnet.Manifest;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.engine.PolicyEngine;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.signer.onchain.OnchainPorts;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * Issue 05 latency benchmark (a harness, not a test): click → bundler accept on a fresh devnet, the background signer
 * vs a reference flow in Node (viem + module-sdk: build, estimate, sign, send) doing the same USDC transfer under an
 * equivalent session of the same account, in the same run (alternating halves). Counts the JSON-RPC requests made on
 * the critical path: for the signer, the calls made on its intake and lane threads between {@code submit} and the
 * answer to {@code eth_sendUserOperation} (background threads — head watcher, policy snapshot warmer, receipt
 * trackers — are the "prepared ahead" part and are not counted). See docs/benchmarks.md for the command.
 */
public final class LatencyBenchmark {

    record Sample(double ms, int rpc, List<String> methods, double beforeSendMs, double sendMs) { }

    record Event(String thread, String method, long start, long end) { }

    private LatencyBenchmark() { }

    public static void main(String[] args) throws Exception {
        int trades = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int pauseMs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory("latchkey-latency-");
        try (Devnet devnet = Devnet.start(DevnetConfig.defaults(dir.resolve("devnet")), msg -> { })) {
            run(devnet, dir, trades, pauseMs);
        }
    }

    static void run(Devnet devnet, Path dir, int trades, int pauseMs) throws Exception {
        Manifest m = devnet.manifest();
        ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
        JsonRpcClient.Observer observer = (method, start, end) -> events.add(new Event(Thread.currentThread().getName(), method, start, end));
        Address usdc = DevnetSessions.addr(m, "USDC");
        Address recipient = DevnetSessions.randomAddress();
        ChainAddresses chain = DevnetSessions.addresses(m);
        try (Keystore keystore = SignerOnDevnetTest.keystore(dir);
             EvmClient node = new EvmClient(new JsonRpcClient(URI.create(m.rpcUrl()), Duration.ofSeconds(60), observer));
             JsonRpcClient bundler = new JsonRpcClient(URI.create(m.bundlerUrl()), Duration.ofSeconds(60), observer)) {
            DevnetSessions.Account account = DevnetSessions.deployedAccount(devnet, keystore, 100_000);
            DevnetSessions.Approved signerSession = DevnetSessions.approvedSession(keystore, account, usdc, recipient, 50_000, 10_000);

            // The reference flow's session: same policies, a plain key the Node script holds, enabled by the SDK.
            ECKeyPair refKey = Keys.createEcKeyPair();
            OnchainSession ref = DevnetSessions.usdcSession(chain, new Address("0x" + Keys.getAddress(refKey)), usdc, recipient,
                    BigInteger.valueOf(50_000_000_000L), 10_000, devnet.client().latestTimestamp() + 86_400);
            SessionOperations sdk = new SessionOperations(account.client(), OperationSender.viaBundler(devnet.client(),
                    new JsonRpcClient(m.bundlerUrl()), chain.entryPoint(), Duration.ofSeconds(60)),
                    new PolicyEngine(chain.policies(), SoftLimits.NONE, SoftLimits.LocalHistory.EMPTY));
            EnablePlan plan = EnableFlow.plan(ref, List.of(account.client()));
            HexBytes approval = EnableFlow.approve(plan, List.of(account.owner()), chain.ownableValidator());
            var enabled = sdk.send(sdk.prepare(ref), List.of(refKey), List.of(new Execution(usdc, BigInteger.ZERO,
                    SignerFixture.transfer(recipient, 1))), Optional.of(plan.enableSession(chain.chainId(), approval)));
            if (!(enabled instanceof dev.latchkey.aa.flow.Outcome.Included)) throw new IllegalStateException("reference enable: " + enabled);

            List<Sample> java = new ArrayList<>();
            List<Sample> nodeRef = new ArrayList<>();
            Map<String, Integer> nodeMethods = new TreeMap<>();
            long estimationsBefore;
            try (OnchainPorts ports = OnchainPorts.forNetwork(chain, node, bundler);
                 SignerService signer = ports.signer(keystore, SoftLimits.NONE)) {
                signer.start();
                for (int i = 0; i < 3; i++) measure(signer, ports, events, account, usdc, signerSession, 1_000 + i, pauseMs); // ENABLE, then USE
                estimationsBefore = ports.builder().estimations();
                int half = trades / 2;
                for (int round = 0; round < 2; round++) {
                    int n = round == 0 ? half : trades - half;
                    for (int i = 0; i < n; i++) java.add(measure(signer, ports, events, account, usdc, signerSession, 10_000 + i, pauseMs));
                    JsonNode out = reference(m, account, chain, ref, refKey, recipient, usdc, n, round == 0 ? 2 : 0, pauseMs);
                    for (int i = 0; i < out.path("latencyMs").size(); i++) {
                        nodeRef.add(new Sample(out.path("latencyMs").get(i).asDouble(), out.path("rpc").get(i).asInt(), List.of(), 0, 0));
                    }
                    out.path("methods").fields().forEachRemaining(e -> nodeMethods.merge(e.getKey(), e.getValue().asInt(), Integer::sum));
                }
                long measuredEstimations = ports.builder().estimations() - estimationsBefore;
                report(java, nodeRef, nodeMethods, measuredEstimations);
            }
        }
    }

    /** One click of the signer: quiet lane first (reconciled, snapshots warm), then submit → eth_sendUserOperation answered. */
    static Sample measure(SignerService signer, OnchainPorts ports, ConcurrentLinkedQueue<Event> events, DevnetSessions.Account account,
                          Address usdc, DevnetSessions.Approved s, long amount, int pauseMs) throws Exception {
        signer.reconcile(s.pid().bytes()).get(60, TimeUnit.SECONDS);
        while (ports.policyState().warming() > 0) Thread.sleep(5);
        Thread.sleep(pauseMs);
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        SignerIntent intent = DevnetSessions.pay(id, account, usdc, s.recipient(), BigInteger.valueOf(amount));
        events.clear();
        long t0 = System.nanoTime();
        Outcome o = signer.submit(intent).get(120, TimeUnit.SECONDS);
        if (!(o instanceof Outcome.Included i) || !i.success()) throw new IllegalStateException("trade failed: " + o);
        Event send = events.stream().filter(e -> e.method().equals("eth_sendUserOperation") && e.start() >= t0).findFirst()
                .orElseThrow(() -> new IllegalStateException("no eth_sendUserOperation seen"));
        List<String> onPath = events.stream()
                .filter(e -> e.start() >= t0 && e.end() <= send.end())
                .filter(e -> e.thread().startsWith("signer-intake") || e.thread().startsWith("signer-lane"))
                .map(Event::method).toList();
        return new Sample((send.end() - t0) / 1e6, onPath.size(), onPath, (send.start() - t0) / 1e6, (send.end() - send.start()) / 1e6);
    }

    static JsonNode reference(Manifest m, DevnetSessions.Account account, ChainAddresses chain, OnchainSession ref, ECKeyPair key,
                              Address recipient, Address usdc, int trades, int warmup, int pauseMs) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode cfg = mapper.createObjectNode();
        cfg.put("rpcUrl", m.rpcUrl()).put("bundlerUrl", m.bundlerUrl()).put("entryPoint", chain.entryPoint().checksummed())
                .put("smartSession", chain.smartSession().checksummed()).put("account", account.address().checksummed())
                .put("permissionId", Ids.permissionId(ref).hex()).put("usdc", usdc.checksummed()).put("recipient", recipient.checksummed())
                .put("sessionKey", Numeric.toHexStringWithPrefixZeroPadded(key.getPrivateKey(), 64)).put("chainId", m.chainId())
                .put("amount", 20_000).put("trades", trades).put("warmup", warmup).put("pauseMs", pauseMs);
        Process p = new ProcessBuilder("node", "src/test/resources/dev/latchkey/signer/reference-trade.mjs")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write(mapper.writeValueAsBytes(cfg));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("reference flow failed: " + out);
        return mapper.readTree(out);
    }

    static double percentile(List<Double> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static void report(List<Sample> java, List<Sample> node, Map<String, Integer> nodeMethods, long estimations) {
        Map<String, Integer> javaMethods = new TreeMap<>();
        java.forEach(s -> s.methods().forEach(mm -> javaMethods.merge(mm, 1, Integer::sum)));
        double jMed = stat(java, 0.5), jP95 = stat(java, 0.95), nMed = stat(node, 0.5), nP95 = stat(node, 0.95);
        System.out.printf("%n| flow | trades | median ms | p95 ms | RPC requests on the critical path (min / median / max) |%n");
        System.out.printf("|---|---|---|---|---|%n");
        System.out.printf("| Latchkey signer | %d | %.1f | %.1f | %s |%n", java.size(), jMed, jP95, rpcStats(java));
        System.out.printf("| viem + module-sdk reference | %d | %.1f | %.1f | %s |%n", node.size(), nMed, nP95, rpcStats(node));
        System.out.printf("%nratio reference / signer: median %.2f, p95 %.2f%n", nMed / jMed, nP95 / jP95);
        System.out.printf("signer critical-path methods (total over all trades): %s; gas estimates during the measured trades: %d%n",
                javaMethods, estimations);
        System.out.printf("reference methods (total over all trades): %s%n", nodeMethods);
        System.out.printf("signer: median %.1f ms from the click to the start of eth_sendUserOperation (local work), median %.1f ms"
                + " for eth_sendUserOperation itself%n", percentile(java.stream().map(Sample::beforeSendMs).sorted().toList(), 0.5),
                percentile(java.stream().map(Sample::sendMs).sorted().toList(), 0.5));
    }

    static double stat(List<Sample> s, double q) {
        return percentile(s.stream().map(Sample::ms).sorted().toList(), q);
    }

    static String rpcStats(List<Sample> s) {
        List<Integer> r = s.stream().map(Sample::rpc).sorted().toList();
        return r.get(0) + " / " + r.get(r.size() / 2) + " / " + r.get(r.size() - 1);
    }
}
