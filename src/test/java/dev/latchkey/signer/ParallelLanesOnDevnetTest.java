package dev.latchkey.signer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.signer.onchain.OnchainPorts;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 05 acceptance: 4 sessions of one account trading in parallel, 25 trades each, through the real Alto. Each
 * session's first trade enables it (ENABLE), the rest are USE. No nonce collision, 100 inclusions, every lane's
 * sequences 0..24 in order, ledgers equal to the policy counters.
 */
@ExtendWith(DevnetExtension.class)
class ParallelLanesOnDevnetTest {

    static final int LANES = 4;
    static final int TRADES = 25;

    @TempDir Path dir;

    @Test
    void fourLanesTwentyFiveTradesEachThroughAlto(Devnet devnet) throws Exception {
        Address usdc = DevnetSessions.addr(devnet.manifest(), "USDC");
        try (Keystore keystore = SignerOnDevnetTest.keystore(dir); JsonRpcClient bundlerRpc = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            DevnetSessions.Account account = DevnetSessions.deployedAccount(devnet, keystore, 1_000);
            List<DevnetSessions.Approved> sessions = new ArrayList<>();
            for (int i = 0; i < LANES; i++) {
                sessions.add(DevnetSessions.approvedSession(keystore, account, usdc, DevnetSessions.randomAddress(), 100, 50));
            }
            SecureRandom random = new SecureRandom();
            AtomicInteger maxInFlightAcrossLanes = new AtomicInteger();
            List<Outcome> outcomes;
            long started = System.nanoTime();
            try (OnchainPorts ports = OnchainPorts.forNetwork(DevnetSessions.addresses(devnet.manifest()), devnet.client(), bundlerRpc);
                 SignerService signer = ports.signer(keystore, new SignerConfig(ports.chain().policies(), SoftLimits.NONE, 4, 30,
                         Duration.ofSeconds(2), Duration.ofMillis(100), 600))) {
                signer.addListener(st -> maxInFlightAcrossLanes.accumulateAndGet(
                        (int) st.inFlight().values().stream().filter(n -> n > 0).count(), Math::max));
                signer.start();
                List<CompletableFuture<Outcome>> all = new ArrayList<>();
                for (int t = 0; t < TRADES; t++) {
                    for (DevnetSessions.Approved s : sessions) {
                        byte[] id = new byte[16];
                        random.nextBytes(id);
                        all.add(signer.submit(DevnetSessions.pay(id, account, usdc, s.recipient(), BigInteger.valueOf(10_000L + t))));
                    }
                }
                outcomes = all.stream().map(f -> f.orTimeout(600, TimeUnit.SECONDS).join()).toList();
                for (DevnetSessions.Approved s : sessions) signer.reconcile(s.pid().bytes()).get(60, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            assertThat(outcomes).as(() -> SignerOnDevnetTest.activity(keystore)).allMatch(o -> o instanceof Outcome.Included i && i.success());
            Map<String, List<Long>> seqsByLane = new HashMap<>();
            Set<String> txs = new HashSet<>();
            Map<String, Set<String>> lanesPerTx = new HashMap<>();
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome.Included inc = (Outcome.Included) outcomes.get(i);
                String lane = sessions.get(i % LANES).pid().hex();
                seqsByLane.computeIfAbsent(lane, k -> new ArrayList<>()).add(inc.nonceSeq());
                txs.add(inc.transactionHash());
                lanesPerTx.computeIfAbsent(inc.transactionHash(), k -> new HashSet<>()).add(lane);
            }
            List<Long> expected = java.util.stream.LongStream.range(0, TRADES).boxed().toList();
            for (DevnetSessions.Approved s : sessions) {
                assertThat(seqsByLane.get(s.pid().hex())).as("lane %s", s.pid()).containsExactlyElementsOf(expected);
                NonceLane lane = NonceLane.of(keystore.sessions().get(s.pid().bytes()), account.client().chain().smartSession());
                assertThat(new RpcNonce(devnet).next(account.address(), lane.key())).isEqualTo(TRADES);
                assertThat(DevnetSessions.enabled(account, s.pid())).isTrue();
                assertThat(keystore.sessions().get(s.pid().bytes()).status()).isEqualTo(SessionStatus.ENABLED);
                BigInteger sum = BigInteger.valueOf(10_000L * TRADES + (long) TRADES * (TRADES - 1) / 2);
                assertThat(DevnetSessions.balance(devnet.client(), usdc, s.recipient())).isEqualTo(sum);
                assertThat(DevnetSessions.chainCounters(account, s, usdc)).containsExactly(sum, BigInteger.valueOf(TRADES));
                var line = keystore.sessions().budget(s.pid().bytes()).get(0);
                assertThat(line.spentFinal()).isEqualTo(sum);
                assertThat(line.usesFinal()).isEqualTo(TRADES);
                assertThat(line.reserved()).isZero();
            }
            assertThat(keystore.journal().open()).isEmpty();
            long mixedBundles = lanesPerTx.values().stream().filter(l -> l.size() > 1).count();
            System.out.printf("[lanes] %d inclusions in %.1f s, %d bundle transactions, %d of them with ops of several lanes"
                    + " (one sender, several nonce keys), up to %d lanes in flight at once%n",
                    outcomes.size(), seconds, txs.size(), mixedBundles, maxInFlightAcrossLanes.get());
            assertThat(maxInFlightAcrossLanes.get()).as("lanes really overlapped").isGreaterThan(1);
        }
    }

    /** EntryPoint getNonce read straight from the node (not through the signer's view). */
    record RpcNonce(Devnet devnet) {
        long next(Address sender, BigInteger key) {
            String r = devnet.client().call(devnet.manifest().address("EntryPoint"), dev.latchkey.chain.Abi.call("getNonce(address,uint192)",
                    new org.web3j.abi.datatypes.Address(sender.hex()), new org.web3j.abi.datatypes.generated.Uint192(key)));
            return dev.latchkey.chain.Abi.word(r, 0).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)).longValueExact();
        }
    }
}
