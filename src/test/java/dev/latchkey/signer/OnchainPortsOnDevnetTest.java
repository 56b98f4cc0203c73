package dev.latchkey.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.aa.flow.ChainAddresses;
import dev.latchkey.aa.submit.BundlerSubmitter;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.devnet.Manifest;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.signer.onchain.HeadWatcher;
import dev.latchkey.signer.onchain.OnchainPorts;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The live adapters of {@code signer.onchain} against the devnet and Alto: head, definitions, policy state, gas templates. */
@ExtendWith(DevnetExtension.class)
class OnchainPortsOnDevnetTest {

    @TempDir Path dir;

    static ChainAddresses addresses(Manifest m, SignerOnDevnetTest.Ctx c) {
        return new ChainAddresses(m.chainId(), c.entryPoint(), SignerOnDevnetTest.addr(m, "LatchkeyAccountFactory"),
                SignerOnDevnetTest.addr(m, "OwnableValidator"), SignerOnDevnetTest.addr(m, "SmartSession"), c.policies());
    }

    @Test
    void portsFromTheFactoryTradeWithOneEstimatePerShapeAndReadPolicyStateFromTheChain(Devnet devnet) throws Exception {
        try (Keystore keystore = SignerOnDevnetTest.keystore(dir); JsonRpcClient bundlerRpc = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            SignerOnDevnetTest.Ctx c = SignerOnDevnetTest.enabledSession(devnet, keystore,
                    new BundlerSubmitter(bundlerRpc, SignerOnDevnetTest.addr(devnet.manifest(), "EntryPoint")));
            // The local ledger allows far more than the chain (50 USDC): a refusal below can only come from on-chain state.
            keystore.sessions().setBudget(c.pid().bytes(), c.usdc().hex(), BigInteger.valueOf(1_000_000_000L), 10);
            SessionRecord record = keystore.sessions().get(c.pid().bytes());
            try (OnchainPorts ports = OnchainPorts.forNetwork(addresses(devnet.manifest(), c), devnet.client(), bundlerRpc);
                 SignerService signer = ports.signer(keystore, SoftLimits.NONE)) {
                assertThat(ports.definitions().definitionOf(record)).contains(c.onchain());
                HeadWatcher.Head fresh = ports.head().refresh();
                assertThat(ports.chainView().chainTime()).isEqualTo(fresh.timestamp()).isEqualTo(SignerOnDevnetTest.chainTime(c.client()));
                assertThat(ports.chainView().baseFee()).isEqualTo(fresh.baseFee()).isPositive();
                assertThat(ports.chainView().permission(SignerOnDevnetTest.addr(devnet.manifest(), "SmartSession"), c.pid(), c.account()).enabled())
                        .isTrue();

                signer.start();
                for (int i = 0; i < 3; i++) {
                    Outcome o = signer.submit(c.pay(10_000_000L)).get(120, TimeUnit.SECONDS);
                    assertThat(o).as(() -> SignerOnDevnetTest.activity(keystore)).isInstanceOf(Outcome.Included.class);
                    assertThat(((Outcome.Included) o).success()).isTrue();
                }
                assertThat(ports.builder().estimations()).as("one shape, measured once").isEqualTo(1);

                Outcome over = signer.submit(c.pay(25_000_000L)).get(60, TimeUnit.SECONDS);
                assertThat(over).isInstanceOf(Outcome.Refused.class);
                assertThat(((Outcome.Refused) over).reason()).startsWith("policy:");
                assertThat(((Outcome.Refused) over).message()).contains("55000000");
            }
            assertThat(c.bobBalance()).isEqualTo(BigInteger.valueOf(30_000_001L));
            assertThat(keystore.sessions().budget(c.pid().bytes()).get(0).spentFinal()).isEqualTo(BigInteger.valueOf(30_000_000L));
        }
    }

    @Test
    void aNodeOfAnotherChainIsRefusedAtConstruction(Devnet devnet) throws Exception {
        try (Keystore keystore = SignerOnDevnetTest.keystore(dir); JsonRpcClient bundlerRpc = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            Manifest m = devnet.manifest();
            ChainAddresses wrong = new ChainAddresses(999, SignerOnDevnetTest.addr(m, "EntryPoint"),
                    SignerOnDevnetTest.addr(m, "LatchkeyAccountFactory"), SignerOnDevnetTest.addr(m, "OwnableValidator"),
                    SignerOnDevnetTest.addr(m, "SmartSession"), dev.latchkey.session.policy.PolicyAddresses.canonical());
            assertThatThrownBy(() -> OnchainPorts.forNetwork(wrong, devnet.client(), bundlerRpc))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 999").hasMessageContaining("R14");
        }
    }
}
