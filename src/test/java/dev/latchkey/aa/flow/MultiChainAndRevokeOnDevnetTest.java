package dev.latchkey.aa.flow;

import static dev.latchkey.aa.flow.FlowFixture.USDC;
import static dev.latchkey.aa.flow.FlowFixture.addr;
import static dev.latchkey.aa.flow.FlowFixture.balance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.devnet.DevnetProgress;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.engine.Refusal;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.EnableSession;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/** Acceptance 4 (one owner signature enables on two chains) and 5 (revoke makes the next operation fail). */
@ExtendWith(DevnetExtension.class)
class MultiChainAndRevokeOnDevnetTest {

    @Test
    void oneOwnerSignatureEnablesOnTwoChains(Devnet first, @TempDir Path dir) throws Exception {
        try (Devnet second = Devnet.start(DevnetConfig.defaults(dir).withChainId(31338).withBundler(false), DevnetProgress.silent());
             JsonRpcClient bundler = new JsonRpcClient(first.manifest().bundlerUrl())) {
            ChainAddresses a1 = FlowFixture.addresses(first);
            ChainAddresses a2 = FlowFixture.addresses(second);
            assertThat(a2.chainId()).isNotEqualTo(a1.chainId());
            assertThat(a2.smartSession()).isEqualTo(a1.smartSession());
            FlowFixture.Wallet wallet = FlowFixture.Wallet.fresh();
            SmartAccountClient on1 = wallet.on(first, 100);
            SmartAccountClient on2 = wallet.on(second, 100);
            assertThat(on2.address()).as("same counterfactual address on both chains").isEqualTo(on1.address());
            Address usdc = addr(first, "USDC");
            assertThat(addr(second, "USDC")).isEqualTo(usdc);
            ECKeyPair key = Keys.createEcKeyPair();
            Address recipient = FlowFixture.randomAddress();
            OnchainSession session = FlowFixture.usdcSession(a1, usdc, recipient, key, USDC.multiply(BigInteger.valueOf(50)), 5,
                    Math.max(first.client().latestTimestamp(), second.client().latestTimestamp()) + 86_400);

            EnablePlan plan = EnableFlow.plan(session, List.of(on1, on2));
            assertThat(plan.chainDigests()).hasSize(2);
            HexBytes approval = EnableFlow.approve(plan, List.of(wallet.owner()), a1.ownableValidator());  // the one signature

            SessionOperations ops1 = new SessionOperations(on1, FlowFixture.bundler(first, bundler), FlowFixture.engine(a1));
            SessionOperations ops2 = new SessionOperations(on2, FlowFixture.direct(second), FlowFixture.engine(a2));
            for (SessionOperations ops : List.of(ops1, ops2)) {
                PreparedSession s = ops.prepare(session);
                Optional<EnableSession> enable = Optional.of(plan.enableSession(ops.account().chain().chainId(), approval));
                for (long amount : new long[] {5, 7}) {
                    Outcome out = ops.send(s, List.of(key), transfer(usdc, recipient, amount), enable);
                    assertThat(out).isInstanceOfSatisfying(Outcome.Included.class, i -> assertThat(i.receipt().success()).isTrue());
                }
                assertThat(ops.isEnabled(s.permissionId())).isTrue();
                assertThat(balance(ops.account().client(), usdc, recipient)).isEqualTo(USDC.multiply(BigInteger.valueOf(12)));
            }
        }
    }

    @Test
    void revokeMakesTheNextOperationFail(Devnet devnet) throws Exception {
        ChainAddresses a = FlowFixture.addresses(devnet);
        Address usdc = addr(devnet, "USDC");
        FlowFixture.Wallet wallet = FlowFixture.Wallet.fresh();
        SmartAccountClient account = wallet.on(devnet, 100);
        OperationSender sender = FlowFixture.direct(devnet);
        SessionOperations ops = new SessionOperations(account, sender, FlowFixture.engine(a));
        OwnerOperations owner = new OwnerOperations(account, sender);
        ECKeyPair key = Keys.createEcKeyPair();
        Address recipient = FlowFixture.randomAddress();
        long until = devnet.client().latestTimestamp() + 86_400;
        OnchainSession session = FlowFixture.usdcSession(a, usdc, recipient, key, USDC.multiply(BigInteger.valueOf(50)), 5, until);
        PreparedSession s = ops.prepare(session);
        EnablePlan plan = EnableFlow.plan(session, List.of(account));
        Optional<EnableSession> enable = Optional.of(plan.enableSession(a.chainId(),
                EnableFlow.approve(plan, List.of(wallet.owner()), a.ownableValidator())));
        assertThat(ops.send(s, List.of(key), transfer(usdc, recipient, 5), enable)).isInstanceOf(Outcome.Included.class);

        // An approval the owner gave but that was never used: revoking bumps SmartSession's nonce.
        OnchainSession unused = FlowFixture.usdcSession(a, usdc, recipient, key, USDC, 1, until);
        PreparedSession u = ops.prepare(unused);
        EnablePlan unusedPlan = EnableFlow.plan(unused, List.of(account));
        Optional<EnableSession> unusedApproval = Optional.of(unusedPlan.enableSession(a.chainId(),
                EnableFlow.approve(unusedPlan, List.of(wallet.owner()), a.ownableValidator())));

        RevokeFlow.Chain chain = new RevokeFlow.Chain(owner, ops);
        assertThat(RevokeFlow.revoke(s.permissionId(), List.of(chain), List.of(wallet.owner())).get(0).success()).isTrue();
        assertThat(RevokeFlow.revoke(u.permissionId(), List.of(chain), List.of(wallet.owner())).get(0).success()).isTrue();
        assertThat(ops.isEnabled(s.permissionId())).isFalse();

        Outcome after = ops.send(s, List.of(key), transfer(usdc, recipient, 1), Optional.empty());
        assertThat(after).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
            assertThat(r.reason().scope()).isEqualTo(Refusal.Scope.OPERATION);
            assertThat(r.reason().rule()).isEqualTo("permissionEnabled");
        });
        BigInteger before = balance(devnet.client(), usdc, account.address());
        var bypass = FlowFixture.directSubmitter(devnet);
        assertThatThrownBy(() -> FlowFixture.sendBypassingPolicyEngine(ops, bypass, s, key, transfer(usdc, recipient, 1), Optional.empty()))
                .hasMessageContaining("AA2");
        assertThatThrownBy(() -> FlowFixture.sendBypassingPolicyEngine(ops, bypass, u, key, transfer(usdc, recipient, 1), unusedApproval))
                .as("the revoked approval no longer enables").hasMessageContaining("AA2");
        assertThat(ops.send(u, List.of(key), transfer(usdc, recipient, 1), unusedApproval))
                .as("the engine side refuses the revoked approval too").isInstanceOfSatisfying(Outcome.Refused.class,
                        r -> assertThat(r.reason().rule()).isEqualTo("approval"));
        assertThat(balance(devnet.client(), usdc, account.address())).isEqualTo(before);
        assertThat(balance(devnet.client(), usdc, recipient)).isEqualTo(USDC.multiply(BigInteger.valueOf(5)));
    }

    private static List<Execution> transfer(Address usdc, Address to, long amount) {
        return List.of(Transfers.erc20(usdc, to, USDC.multiply(BigInteger.valueOf(amount))));
    }
}
