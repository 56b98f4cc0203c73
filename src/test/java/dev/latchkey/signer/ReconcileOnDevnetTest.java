package dev.latchkey.signer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.flow.ChainPolicyState;
import dev.latchkey.aa.submit.BundlerSubmitter;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.BudgetEntry;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SmartSessionSignatures;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.signer.onchain.OnchainPorts;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** N4 on the devnet: the ledger follows ChainPolicyState after a backup restore, and a CONFLICT row is resolved. */
@ExtendWith(DevnetExtension.class)
class ReconcileOnDevnetTest {

    @TempDir Path dir;

    static SignerConfig config(SignerOnDevnetTest.Ctx c) {
        return new SignerConfig(c.policies(), SoftLimits.NONE, 4, 30, Duration.ofSeconds(2), Duration.ofMillis(200), 300);
    }

    static Outcome.Included land(SignerService signer, SignerIntent intent) throws Exception {
        Outcome o = signer.submit(intent).get(120, TimeUnit.SECONDS);
        assertThat(o).isInstanceOf(Outcome.Included.class);
        return (Outcome.Included) o;
    }

    /** The session's ERC20SpendingLimit spent and UsageLimit uses, read from the policy contracts. */
    static BigInteger[] chainCounters(SignerOnDevnetTest.Ctx c) {
        ChainPolicyState st = new ChainPolicyState(c.client(), SignerOnDevnetTest.addr(c.m(), "SmartSession"), c.account());
        HexBytes cfg = Ids.configId(c.account(), Ids.actionPolicyId(c.pid(), Ids.actionId(c.usdc(), new dev.latchkey.session.model.Selector("0xa9059cbb"))));
        return new BigInteger[] {st.spending(c.policies().addressOf("p", PolicyKind.SPENDING_LIMITS), cfg, c.usdc()).spent(),
                st.usageUsed(c.policies().addressOf("p", PolicyKind.USAGE_LIMIT), cfg)};
    }

    static BudgetEntry line(Keystore k, SignerOnDevnetTest.Ctx c) throws Exception {
        return k.sessions().budget(c.pid().bytes()).get(0);
    }

    static void awaitActivity(Keystore k, String text) throws Exception {
        for (int i = 0; i < 400 && !SignerOnDevnetTest.activity(k).contains(text); i++) Thread.sleep(50);
        assertThat(SignerOnDevnetTest.activity(k)).contains(text);
    }

    @Test
    void restoredBackupIsBehindTheChain_theStartReconcilesItFromThePolicyCounters(Devnet devnet) throws Exception {
        Path backup = dir.resolve("backup").resolve("wallet.db");
        SignerOnDevnetTest.Ctx c;
        try (JsonRpcClient bundlerRpc = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            try (Keystore a = SignerOnDevnetTest.keystore(dir)) {
                c = SignerOnDevnetTest.enabledSession(devnet, a, new BundlerSubmitter(bundlerRpc, SignerOnDevnetTest.addr(devnet.manifest(), "EntryPoint")));
                try (OnchainPorts ports = OnchainPorts.forNetwork(OnchainPortsOnDevnetTest.addresses(c.m(), c), c.client(), bundlerRpc);
                     SignerService signer = ports.signer(a, config(c))) {
                    signer.start();
                    land(signer, c.pay(5_000_000L));
                    a.backupTo(backup);
                    land(signer, c.pay(3_000_000L));
                    land(signer, c.pay(2_000_000L));
                }
                assertThat(line(a, c).spentFinal()).isEqualTo(BigInteger.valueOf(10_000_000L));
            }
            assertThat(chainCounters(c)).containsExactly(BigInteger.valueOf(10_000_000L), BigInteger.valueOf(3));

            KdfParams cheap = new KdfParams(8 * 1024, 1, 1);
            try (Keystore b = Keystore.open(backup, new KdfPolicy(cheap, cheap, KdfParams.CEILING), Clock.systemUTC())) {
                b.unlock("pw".toCharArray());
                assertThat(line(b, c).spentFinal()).isEqualTo(BigInteger.valueOf(5_000_000L));
                try (OnchainPorts ports = OnchainPorts.forNetwork(OnchainPortsOnDevnetTest.addresses(c.m(), c), c.client(), bundlerRpc);
                     SignerService signer = ports.signer(b, config(c))) {
                    signer.start();
                    // Chain first (issue 09): the two operations made after the backup are rebuilt into the journal
                    // from their UserOperationEvents, under the intent ids their callData carries, before anything runs.
                    awaitActivity(b, "this wallet was restored from a backup");
                    assertThat(SignerOnDevnetTest.activity(b)).contains("reconciled from the chain: 2 operation(s)")
                            .contains("rebuilt from the chain").contains("seq 1").contains("seq 2");
                    assertThat(b.journal().all(c.pid().bytes())).extracting(JournalEntry::state).containsOnly(JournalState.FINAL).hasSize(3);
                    assertThat(line(b, c).spentFinal()).isEqualTo(BigInteger.valueOf(10_000_000L));
                    assertThat(line(b, c).usesFinal()).isEqualTo(3);
                    // The restored wallet trades on: the lane continues after the chain's nonce, ledger == chain.
                    assertThat(land(signer, c.pay(1_000_000L)).nonceSeq()).isEqualTo(3);
                    signer.reconcile(c.pid().bytes()).get(30, TimeUnit.SECONDS);
                }
                assertThat(chainCounters(c)).containsExactly(BigInteger.valueOf(11_000_000L), BigInteger.valueOf(4));
                assertThat(line(b, c).spentFinal()).isEqualTo(BigInteger.valueOf(11_000_000L));
                assertThat(line(b, c).usesFinal()).isEqualTo(4);
                assertThat(line(b, c).reserved()).isZero();
            }
        }
    }

    /** Drops (pretends to send) every send of the operation with nonce {@code drop}; the rest goes to the bundler. */
    static final class DroppingSink implements OperationSink {
        final OperationSink real;
        volatile BigInteger drop = BigInteger.valueOf(-1);

        DroppingSink(OperationSink real) {
            this.real = real;
        }

        @Override public Address entryPoint() { return real.entryPoint(); }

        @Override public HexBytes send(UserOperation signed) throws SendException {
            return signed.nonce().equals(drop) ? HexBytes.zeros(32) : real.send(signed);
        }

        @Override public Optional<UserOperationReceipt> receipt(HexBytes hash, Duration timeout) {
            return real.receipt(hash, timeout);
        }
    }

    @Test
    void anotherOperationTakesOurNonce_conflictIsResolvedAndTheLedgerFollowsTheChain(Devnet devnet) throws Exception {
        try (Keystore k = SignerOnDevnetTest.keystore(dir); JsonRpcClient bundlerRpc = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            BundlerSubmitter bundler = new BundlerSubmitter(bundlerRpc, SignerOnDevnetTest.addr(devnet.manifest(), "EntryPoint"));
            SignerOnDevnetTest.Ctx c = SignerOnDevnetTest.enabledSession(devnet, k, bundler);
            SessionRecord record = k.sessions().get(c.pid().bytes());
            NonceLane lane = NonceLane.of(record, SignerOnDevnetTest.addr(c.m(), "SmartSession"));
            try (OnchainPorts ports = OnchainPorts.forNetwork(OnchainPortsOnDevnetTest.addresses(c.m(), c), c.client(), bundlerRpc)) {
                DroppingSink sink = new DroppingSink(ports.sink());
                try (SignerService signer = new SignerService(k, ports.definitions(), ports.policyState(), ports.builder(),
                        ports.chainView(), sink, config(c))) {
                    signer.start();
                    land(signer, c.pay(1_000_000L));
                    sink.drop = lane.nonce(1);
                    SignerIntent lost = c.pay(4_000_000L);
                    CompletableFuture<Outcome> lostOutcome = signer.submit(lost);
                    while (k.journal().open().stream().noneMatch(r -> r.state() == JournalState.SUBMITTED)) Thread.sleep(20);

                    // Another operation of the same session key takes seq 1 (signed through the vault, sent directly).
                    UserOperation other = ports.builder().build(record, c.chainId(), lane.nonce(1), c.pay(7_000_000L).callData());
                    HexBytes sig = k.keys().sessionSigner(record.sessionKeyAddress())
                            .signUserOp(other, c.entryPoint(), BigInteger.valueOf(c.chainId())).signature();
                    assertThat(bundler.awaitReceipt(bundler.submit(other.withSignature(SmartSessionSignatures.use(c.pid(), sig))),
                            Duration.ofSeconds(60)).success()).isTrue();

                    Outcome o = lostOutcome.get(120, TimeUnit.SECONDS);
                    assertThat(o).isInstanceOf(Outcome.Failed.class);
                    assertThat(((Outcome.Failed) o).error()).contains("conflict");
                    // The foreign op at seq 1 is rebuilt from the chain (it carries no intent tag) with its 7 USDC.
                    awaitActivity(k, "(no intent tag) spent");
                }
            }
            assertThat(SignerOnDevnetTest.activity(k)).contains("conflict resolved").contains("signer.mismatch");
            assertThat(k.journal().get(k.journal().inState(c.pid().bytes(), JournalState.CANCELLED).get(0).intentId()).callData())
                    .isEqualTo(c.pay(4_000_000L).callData().bytes());
            assertThat(chainCounters(c)).containsExactly(BigInteger.valueOf(8_000_000L), BigInteger.valueOf(2));
            assertThat(line(k, c).spentFinal()).isEqualTo(BigInteger.valueOf(8_000_000L));
            assertThat(line(k, c).usesFinal()).isEqualTo(2);
            assertThat(line(k, c).reserved()).isZero();
            assertThat(c.bobBalance()).isEqualTo(BigInteger.valueOf(8_000_001L));
        }
    }
}
