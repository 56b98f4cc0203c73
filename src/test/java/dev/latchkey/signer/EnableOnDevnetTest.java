package dev.latchkey.signer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.account.AccountSpec;
import dev.latchkey.aa.flow.ChainAddresses;
import dev.latchkey.aa.flow.EnableFlow;
import dev.latchkey.aa.flow.SmartAccountClient;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.devnet.DevnetKeys;
import dev.latchkey.devnet.Funding;
import dev.latchkey.devnet.Manifest;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionSigner;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.signer.onchain.OnchainPorts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * The product flow on the devnet through Alto: the account is deployed by its factory without any session (no owner
 * signature), the owner approves the session once, the signer's first operation enables it (ENABLE mode), the ones
 * queued behind it and later ones go in USE mode.
 */
@ExtendWith(DevnetExtension.class)
class EnableOnDevnetTest {

    @TempDir Path dir;

    @Test
    void ownerApprovesOnceFirstTradeEnablesLaterTradesUseUseMode(Devnet devnet) throws Exception {
        Manifest m = devnet.manifest();
        EvmClient client = devnet.client();
        SecureRandom random = new SecureRandom();
        try (Keystore keystore = SignerOnDevnetTest.keystore(dir); JsonRpcClient bundlerRpc = new JsonRpcClient(m.bundlerUrl())) {
            SignerOnDevnetTest.Ctx addrs = SignerOnDevnetTest.enabledSession(devnet, keystore,
                    new dev.latchkey.aa.submit.BundlerSubmitter(bundlerRpc, SignerOnDevnetTest.addr(m, "EntryPoint")));
            ChainAddresses chain = OnchainPortsOnDevnetTest.addresses(m, addrs);
            Address usdc = addrs.usdc();
            Address bob = new Address("0x" + Keys.getAddress(Keys.createEcKeyPair()));

            // A fresh account, deployed by anyone calling the factory: no session, no owner signature.
            ECKeyPair owner = Keys.createEcKeyPair();
            byte[] accountSalt = new byte[32];
            random.nextBytes(accountSalt);
            SmartAccountClient account = new SmartAccountClient(client, chain,
                    AccountSpec.ecdsa(HexBytes.of(accountSalt), List.of(new Address("0x" + Keys.getAddress(owner))), 1));
            devnet.faucet().fund(new Funding(account.address().hex(), BigDecimal.ONE, BigDecimal.valueOf(100), null, null));
            assertThat(client.waitForReceipt(client.sendFromUnlocked(DevnetKeys.ANVIL_ACCOUNT_0, chain.factory().hex(), BigInteger.ZERO,
                    account.factoryData().hex(), BigInteger.valueOf(2_000_000))).success()).isTrue();
            assertThat(account.isDeployed()).isTrue();

            // The session (USDC to bob only, 50 USDC, 10 uses) and the owner's one approval.
            SessionSigner sessionKey = keystore.keys().createSessionKey("enable test");
            long now = SignerOnDevnetTest.chainTime(client);
            byte[] salt = new byte[32];
            random.nextBytes(salt);
            Policy toBob = new Policy.UniversalAction(BigInteger.ZERO, List.of(new ParamRule(ParamCondition.EQUAL, BigInteger.ZERO,
                    new BigInteger(1, bob.bytes()), Optional.empty())));
            Action transfer = new Action(usdc, new dev.latchkey.session.model.Selector("0xa9059cbb"), List.of(toBob,
                    new Policy.SpendingLimits(List.of(new Policy.TokenLimit(usdc, BigInteger.valueOf(50_000_000L)))),
                    new Policy.UsageLimit(BigInteger.TEN)));
            WalletSession ws = new WalletSession(new Owners.Ecdsa(List.of(new Address(sessionKey.address().toLowerCase())), 1,
                    chain.ownableValidator()), List.of(transfer), List.of(new Policy.TimeFrame(now + 86_400, 0)),
                    HexBytes.of(salt), List.of(chain.chainId()), Optional.empty(), true);
            OnchainSession onchain = SessionMapper.toOnchain(ws, chain.policies());
            HexBytes pid = Ids.permissionId(onchain);
            EnablePlan plan = EnableFlow.plan(onchain, List.of(account));
            HexBytes approval = EnableFlow.approve(plan, List.of(owner), chain.ownableValidator());

            keystore.sessions().addAccount(new Sessions.Account(account.address().hex(), "0x" + Keys.getAddress(owner), "enable"));
            keystore.sessions().add(new SessionRecord(pid.bytes(), account.address().hex(), sessionKey.address(), salt,
                    SessionAbi.encode(onchain).bytes(), plan.hashToSign().bytes(), 0, now + 86_400, SessionStatus.PENDING_ENABLE,
                    new byte[24], List.of(new SessionRecord.Chain(chain.chainId(), chain.smartSession().hex(), 0))));
            keystore.sessions().approve(pid.bytes(), approval.bytes());
            keystore.sessions().setBudget(pid.bytes(), usdc.hex(), BigInteger.valueOf(50_000_000L), 10);

            try (OnchainPorts ports = OnchainPorts.forNetwork(chain, client, bundlerRpc);
                 SignerService signer = ports.signer(keystore, SoftLimits.NONE)) {
                assertThat(ports.chainView().permission(chain.smartSession(), pid, account.address()).enabled()).isFalse();
                signer.start();
                List<CompletableFuture<Outcome>> first = List.of(pay(account, usdc, bob, 1), pay(account, usdc, bob, 2),
                        pay(account, usdc, bob, 3)).stream().map(signer::submit).toList();
                List<Outcome.Included> landed = first.stream()
                        .map(f -> (Outcome.Included) f.orTimeout(180, TimeUnit.SECONDS).join()).toList();
                assertThat(landed).allMatch(Outcome.Included::success);
                assertThat(landed.stream().map(Outcome.Included::nonceSeq)).containsExactly(0L, 1L, 2L);
                assertThat(ports.chainView().permission(chain.smartSession(), pid, account.address()).enabled()).isTrue();
                Outcome.Included later = (Outcome.Included) signer.submit(pay(account, usdc, bob, 4)).get(120, TimeUnit.SECONDS);

                assertThat(modeByte(bundlerRpc, landed.get(0))).as("first op: ENABLE").isEqualTo(1);
                assertThat(modeByte(bundlerRpc, landed.get(1))).as("queued behind it: USE").isZero();
                assertThat(modeByte(bundlerRpc, landed.get(2))).isZero();
                assertThat(modeByte(bundlerRpc, later)).as("later: USE").isZero();
            }
            SessionRecord after = keystore.sessions().get(pid.bytes());
            assertThat(after.status()).isEqualTo(SessionStatus.ENABLED);
            assertThat(after.chain(chain.chainId()).orElseThrow().enabled()).isTrue();
            assertThat(SignerOnDevnetTest.activity(keystore)).contains("signer.enabled");
            assertThat(FlowBalances.of(client, usdc, bob)).isEqualTo(BigInteger.valueOf(10_000_000L));
            assertThat(keystore.sessions().budget(pid.bytes()).get(0).spentFinal()).isEqualTo(BigInteger.valueOf(10_000_000L));
        }
    }

    static SignerIntent pay(SmartAccountClient account, Address usdc, Address to, long usdcUnits) {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        return SignerIntent.of(id, account.address(), account.chain().chainId(), List.of(new dev.latchkey.aa.execution.Execution(usdc,
                BigInteger.ZERO, SignerFixture.transfer(to, usdcUnits * 1_000_000L))));
    }

    /** The SmartSession mode byte of the signature the bundler included (eth_getUserOperationByHash). */
    static int modeByte(JsonRpcClient bundler, Outcome.Included o) {
        String sig = bundler.call("eth_getUserOperationByHash", o.userOpHash().hex()).path("userOperation").path("signature").asText();
        return Integer.parseInt(sig.substring(2, 4), 16);
    }

    /** ERC-20 balance read. */
    static final class FlowBalances {
        static BigInteger of(EvmClient client, Address token, Address who) {
            return dev.latchkey.chain.Abi.word(client.call(token.hex(), dev.latchkey.chain.Abi.call("balanceOf(address)",
                    new org.web3j.abi.datatypes.Address(who.hex()))), 0);
        }
    }
}
