package dev.latchkey.signer;

import static dev.latchkey.signer.SignerOnDevnetTest.addr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.submit.BundlerSubmitter;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.CallOutcome;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.Keystore;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * A session operation whose call reverts on the real devnet: a USDC transfer within the session's limits but larger
 * than the account holds passes validation (the policies only count), is included by Alto, and its ERC-20 transfer
 * reverts in execution. The journal must say FINAL with the call REVERTED, so nothing reading it later takes it for a
 * transfer that happened.
 */
@ExtendWith(DevnetExtension.class)
class RevertOnDevnetTest {

    @TempDir Path dir;

    @Test
    void anIncludedOperationWhoseCallRevertsIsJournaledFinalAndReverted(Devnet devnet) throws Exception {
        try (Keystore keystore = SignerOnDevnetTest.keystore(dir); JsonRpcClient bundlerRpc = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            BundlerSubmitter bundler = new BundlerSubmitter(bundlerRpc, addr(devnet.manifest(), "EntryPoint"));
            SignerOnDevnetTest.Ctx c = SignerOnDevnetTest.enabledSession(devnet, keystore, bundler);
            leaveUsdc(devnet, c, BigInteger.valueOf(1_000_000L));
            SignerIntent ok = c.pay(400_000L);
            SignerIntent tooMuch = c.pay(5_000_000L);
            try (SignerService signer = c.signer(keystore, new SubmitterSink(bundler))) {
                signer.start();
                Outcome landed = signer.submit(ok).get(120, TimeUnit.SECONDS);
                Outcome reverted = signer.submit(tooMuch).get(120, TimeUnit.SECONDS);
                assertThat(landed).isInstanceOfSatisfying(Outcome.Included.class, i -> assertThat(i.success()).isTrue());
                assertThat(reverted).as(() -> SignerOnDevnetTest.activity(keystore))
                        .isInstanceOfSatisfying(Outcome.Included.class, i -> assertThat(i.success()).isFalse());
            }
            JournalEntry good = keystore.journal().get(ok.id());
            JournalEntry bad = keystore.journal().get(tooMuch.id());
            assertThat(good.state()).isEqualTo(JournalState.FINAL);
            assertThat(good.callOutcome()).isEqualTo(CallOutcome.SUCCEEDED);
            assertThat(bad.state()).as("included: its nonce is spent").isEqualTo(JournalState.FINAL);
            assertThat(bad.callOutcome()).isEqualTo(CallOutcome.REVERTED);
            assertThat(c.bobBalance()).as("only the first transfer (and the deployment's 1 unit) arrived").isEqualTo(BigInteger.valueOf(400_001L));
            assertThat(SignerOnDevnetTest.activity(keystore)).contains("(call reverted)");
        }
    }

    /** The account's USDC moved away (anvil impersonation) down to {@code keep}: the session cannot move it, by design. */
    private static void leaveUsdc(Devnet devnet, SignerOnDevnetTest.Ctx c, BigInteger keep) {
        String account = c.account().hex();
        BigInteger balance = Abi.word(c.client().call(c.usdc().hex(), Abi.call("balanceOf(address)", new Address(account))), 0);
        c.client().rpc().call("anvil_impersonateAccount", account);
        try {
            // The devnet mines on an interval: the balance is read only after the transfer is in a block.
            String hash = c.client().sendFromUnlocked(account, c.usdc().hex(), BigInteger.ZERO, Abi.call("transfer(address,uint256)",
                    new Address("0x000000000000000000000000000000000000dEaD"), new Uint256(balance.subtract(keep))), BigInteger.valueOf(100_000));
            assertThat(c.client().waitForReceipt(hash).success()).as("the impersonated transfer away").isTrue();
        } finally {
            c.client().rpc().call("anvil_stopImpersonatingAccount", account);
        }
        BigInteger left = Abi.word(c.client().call(c.usdc().hex(), Abi.call("balanceOf(address)", new Address(account))), 0);
        assertThat(left).isEqualTo(keep);
    }
}
