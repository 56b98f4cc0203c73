package dev.latchkey.signer;

import static dev.latchkey.signer.SignerOnDevnetTest.addr;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.aa.submit.BundlerSubmitter;
import dev.latchkey.aa.submit.DirectSubmitter;
import dev.latchkey.aa.userop.UserOpJson;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * Fee bumps on the real devnet: Alto holds the first operation (manual bundling, as a congested mempool would), the
 * signer replaces it at the same sequence with higher fees, Alto swaps it in its mempool, and exactly one of the two
 * lands — the replacement, or (second test) the original, which a second party still held and put on chain itself.
 */
@ExtendWith(DevnetExtension.class)
class FeeBumpOnDevnetTest {

    @TempDir Path dir;

    @Test
    void theReplacementLandsOnceAtTheSameSequenceWithHigherFees(Devnet devnet) throws Exception {
        try (Keystore keystore = SignerOnDevnetTest.keystore(dir); JsonRpcClient bundlerRpc = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            BundlerSubmitter bundler = new BundlerSubmitter(bundlerRpc, addr(devnet.manifest(), "EntryPoint"));
            SignerOnDevnetTest.Ctx c = SignerOnDevnetTest.enabledSession(devnet, keystore, bundler);
            SignerIntent pay = c.pay(1_000_000L);
            bundlerRpc.call("debug_bundler_setBundlingMode", "manual");
            try (SignerService signer = c.signer(keystore, new SubmitterSink(bundler))) {
                signer.start();
                CompletableFuture<Outcome> outcome = signer.submit(pay);
                HexBytes first = awaitSubmitted(keystore, pay);
                UserOperation held = onlyHeld(bundlerRpc, c);

                FeeBump bump = signer.bumpFee(pay.idHex()).get(60, TimeUnit.SECONDS);
                assertThat(bump).as(() -> SignerOnDevnetTest.activity(keystore)).isInstanceOf(FeeBump.Bumped.class);
                FeeBump.Bumped bumped = (FeeBump.Bumped) bump;
                assertThat(bumped.bundlerAnswer()).as("Alto takes a replacement with ≥ 10 % more on both fees").isEmpty();
                assertThat(bumped.replaced()).isEqualTo(first);
                assertThat(bumped.userOpHash()).isNotEqualTo(first);
                assertThat(bumped.maxFeePerGas()).isGreaterThanOrEqualTo(held.maxFeePerGas().multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4)));
                UserOperation replacement = onlyHeld(bundlerRpc, c);
                assertThat(replacement.nonce()).as("same sequence").isEqualTo(held.nonce());
                assertThat(replacement.callData()).as("same calls, same intent tag").isEqualTo(held.callData());
                assertThat(replacement.maxFeePerGas()).isEqualTo(bumped.maxFeePerGas());
                assertThat(keystore.journal().get(pay.id()).userOpHash()).as("journaled before it was sent").isEqualTo(bumped.userOpHash().bytes());

                bundlerRpc.call("debug_bundler_sendBundleNow");
                Outcome landed = outcome.get(120, TimeUnit.SECONDS);
                assertThat(landed).isInstanceOfSatisfying(Outcome.Included.class, i -> assertThat(i.userOpHash()).isEqualTo(bumped.userOpHash()));
                FeeBump late = signer.bumpFee(pay.idHex()).get(10, TimeUnit.SECONDS);
                assertThat(late).isInstanceOfSatisfying(FeeBump.Refused.class, r -> assertThat(r.message()).contains("not waiting for the chain"));
            } finally {
                bundlerRpc.call("debug_bundler_setBundlingMode", "auto");
            }
            JournalEntry row = keystore.journal().get(pay.id());
            assertThat(row.state()).isEqualTo(JournalState.FINAL);
            assertThat(c.bobBalance()).as("paid once (and the deployment's 1 unit)").isEqualTo(BigInteger.valueOf(1_000_001L));
            assertThat(keystore.sessions().budget(c.pid().bytes()).get(0).spentFinal()).isEqualTo(BigInteger.valueOf(1_000_000L));
            assertThat(SignerOnDevnetTest.activity(keystore)).contains(dev.latchkey.keystore.ActivityKind.SIGNER_FEE_BUMPED.code());
        }
    }

    @Test
    void whenTheReplacedOperationLandsInsteadTheSignerFindsItAndPaysOnce(Devnet devnet) throws Exception {
        try (Keystore keystore = SignerOnDevnetTest.keystore(dir); JsonRpcClient bundlerRpc = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            BundlerSubmitter bundler = new BundlerSubmitter(bundlerRpc, addr(devnet.manifest(), "EntryPoint"));
            SignerOnDevnetTest.Ctx c = SignerOnDevnetTest.enabledSession(devnet, keystore, bundler);
            SignerIntent pay = c.pay(2_000_000L);
            HexBytes first;
            bundlerRpc.call("debug_bundler_setBundlingMode", "manual");
            try (SignerService signer = c.signer(keystore, new SubmitterSink(bundler))) {
                signer.start();
                CompletableFuture<Outcome> outcome = signer.submit(pay);
                first = awaitSubmitted(keystore, pay);
                UserOperation original = onlyHeld(bundlerRpc, c); // signed bytes, as any party that saw them holds them
                FeeBump bump = signer.bumpFee(pay.idHex()).get(60, TimeUnit.SECONDS);
                assertThat(bump).isInstanceOf(FeeBump.Bumped.class);

                // Someone else puts the original on chain (it is a bearer instrument): the replacement can no longer land.
                ECKeyPair other = ECKeyPair.create(Numeric.toBigInt(devnet.manifest().directSubmitterKey()));
                new DirectSubmitter(c.client(), other, c.entryPoint(), c.chainId()).submit(original);

                Outcome landed = outcome.get(120, TimeUnit.SECONDS);
                assertThat(landed).as(() -> SignerOnDevnetTest.activity(keystore))
                        .isInstanceOf(Outcome.Included.class);
                assertThat(((Outcome.Included) landed).userOpHash()).as("the original's hash").isEqualTo(first);
            } finally {
                bundlerRpc.call("debug_bundler_setBundlingMode", "auto");
            }
            JournalEntry row = keystore.journal().get(pay.id());
            assertThat(row.state()).isEqualTo(JournalState.FINAL);
            assertThat(row.userOpHash()).as("the hash that landed").isEqualTo(first.bytes());
            assertThat(c.bobBalance()).as("paid once (and the deployment's 1 unit)").isEqualTo(BigInteger.valueOf(2_000_001L));
        }
    }

    private static HexBytes awaitSubmitted(Keystore keystore, SignerIntent pay) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (keystore.journal().open().stream().anyMatch(r -> java.util.Arrays.equals(r.intentId(), pay.id()))) {
                JournalEntry row = keystore.journal().get(pay.id());
                if (row.state() == JournalState.SUBMITTED) return HexBytes.of(row.userOpHash());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the operation was not sent: " + SignerOnDevnetTest.activity(keystore));
    }

    /** The one operation of the test's account that Alto holds (manual bundling). */
    private static UserOperation onlyHeld(JsonRpcClient bundlerRpc, SignerOnDevnetTest.Ctx c) {
        JsonNode mempool = bundlerRpc.call("debug_bundler_dumpMempool", c.entryPoint().hex());
        UserOperation found = null;
        for (JsonNode n : mempool) {
            JsonNode op = n.has("userOperation") ? n.get("userOperation") : n;
            if (op.path("sender").asText().equalsIgnoreCase(c.account().hex())) {
                assertThat(found).as("one operation of the account in the mempool: " + mempool).isNull();
                found = UserOpJson.read(op);
            }
        }
        assertThat(found).as("Alto holds the operation: " + mempool).isNotNull();
        return found;
    }
}
