package dev.latchkey.aa.flow;

import static dev.latchkey.aa.flow.FlowFixture.USDC;
import static dev.latchkey.aa.flow.FlowFixture.addr;
import static dev.latchkey.aa.flow.FlowFixture.balance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.submit.UserOperationSubmitter;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.engine.Refusal;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.policy.PolicyKind;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * Acceptance 2: each refusal comes from the PolicyEngine (live ChainPolicyState) with its exact reason and sends
 * nothing; forced through the test-only bypass, the chain refuses it too and no token moves.
 */
@ExtendWith(DevnetExtension.class)
class RefusalsOnDevnetTest {

    @Test
    void refusedByTheEngineAndByTheBundler(Devnet devnet) throws Exception {
        try (JsonRpcClient bundler = new JsonRpcClient(devnet.manifest().bundlerUrl())) {
            new Scenario(devnet, FlowFixture.bundler(devnet, bundler), FlowFixture.bundlerSubmitter(devnet, bundler)).run();
        }
    }

    @Test
    void refusedByTheEngineAndByHandleOps(Devnet devnet) throws Exception {
        new Scenario(devnet, FlowFixture.direct(devnet), FlowFixture.directSubmitter(devnet)).run();
    }

    private static final class Scenario {
        final Devnet devnet;
        final ChainAddresses a;
        final Address usdc;
        final Address dai;
        final Address recipient = FlowFixture.randomAddress();
        final ECKeyPair key;
        final FlowFixture.Wallet wallet;
        final SmartAccountClient account;
        final SessionOperations ops;
        final UserOperationSubmitter bypass;

        Scenario(Devnet devnet, OperationSender sender, UserOperationSubmitter bypass) throws Exception {
            this.devnet = devnet;
            this.a = FlowFixture.addresses(devnet);
            this.usdc = addr(devnet, "USDC");
            this.dai = addr(devnet, "DAI");
            this.key = Keys.createEcKeyPair();
            this.wallet = FlowFixture.Wallet.fresh();
            this.account = wallet.on(devnet, 1_000);
            this.ops = new SessionOperations(account, sender, FlowFixture.engine(a));
            this.bypass = bypass;
            devnet.faucet().fund(new dev.latchkey.devnet.Funding(account.address().hex(), null, null, java.math.BigDecimal.valueOf(100), null));
        }

        void run() {
            long now = devnet.client().latestTimestamp();
            PreparedSession main = enable(FlowFixture.usdcSession(a, usdc, recipient, key, usdc(100), 10, now + 86_400), 10);

            Refusal over = refused(main, List.of(Transfers.erc20(usdc, recipient, usdc(95))));
            assertThat(over.scope()).isEqualTo(Refusal.Scope.ACTION_POLICY);
            assertThat(over.callIndex()).isEqualTo(OptionalInt.of(0));
            assertThat(over.kind()).contains(PolicyKind.SPENDING_LIMITS);
            assertThat(over.policy()).contains(a.policies().addressOf("p", PolicyKind.SPENDING_LIMITS));
            assertThat(over.rule()).isEqualTo("limit");
            assertThat(over.attempted()).contains(usdc(105));
            assertThat(over.limit()).contains(usdc(100));
            assertThat(over.excess()).contains(usdc(5));
            failsOnChain(main, List.of(Transfers.erc20(usdc, recipient, usdc(95))));

            Address stranger = FlowFixture.randomAddress();
            Refusal wrongRecipient = refused(main, List.of(Transfers.erc20(usdc, stranger, usdc(1))));
            assertThat(wrongRecipient.scope()).isEqualTo(Refusal.Scope.ACTION_POLICY);
            assertThat(wrongRecipient.kind()).contains(PolicyKind.UNIVERSAL_ACTION);
            assertThat(wrongRecipient.rule()).isEqualTo("rules[0].equal");
            assertThat(wrongRecipient.attempted()).contains(new BigInteger(1, stranger.bytes()));
            assertThat(wrongRecipient.limit()).contains(new BigInteger(1, recipient.bytes()));
            failsOnChain(main, List.of(Transfers.erc20(usdc, stranger, usdc(1))));

            List<Execution> daiTransfer = List.of(Transfers.erc20(dai, recipient, BigInteger.TEN.pow(18)));
            Refusal target = refused(main, daiTransfer);
            assertThat(target.scope()).isEqualTo(Refusal.Scope.ACTION_MATCH);
            assertThat(target.callIndex()).isEqualTo(OptionalInt.of(0));
            assertThat(target.kind()).isEmpty();
            assertThat(target.rule()).isEqualTo("noAction");
            failsOnChain(main, daiTransfer);

            PreparedSession once = enable(FlowFixture.usdcSession(a, usdc, recipient, key, usdc(100), 1, now + 86_400), 1);
            Refusal exhausted = refused(once, List.of(Transfers.erc20(usdc, recipient, usdc(1))));
            assertThat(exhausted.scope()).isEqualTo(Refusal.Scope.USER_OP_POLICY);
            assertThat(exhausted.callIndex()).isEmpty();
            assertThat(exhausted.kind()).contains(PolicyKind.USAGE_LIMIT);
            assertThat(exhausted.rule()).isEqualTo("limit");
            assertThat(exhausted.attempted()).contains(BigInteger.TWO);
            assertThat(exhausted.limit()).contains(BigInteger.ONE);
            failsOnChain(once, List.of(Transfers.erc20(usdc, recipient, usdc(1))));

            long until = devnet.client().latestTimestamp() + 600;
            PreparedSession brief = enable(FlowFixture.usdcSession(a, usdc, recipient, key, usdc(100), 10, until), 1);
            devnet.client().rpc().call("evm_increaseTime", 1_200);
            devnet.client().rpc().call("evm_mine");
            Refusal expired = refused(brief, List.of(Transfers.erc20(usdc, recipient, usdc(1))));
            assertThat(expired.scope()).isEqualTo(Refusal.Scope.USER_OP_POLICY);
            assertThat(expired.kind()).contains(PolicyKind.TIME_FRAME);
            assertThat(expired.rule()).isEqualTo("validUntil");
            assertThat(expired.limit()).contains(BigInteger.valueOf(until));
            assertThat(expired.attempted().orElseThrow()).isGreaterThan(BigInteger.valueOf(until));
            failsOnChain(brief, List.of(Transfers.erc20(usdc, recipient, usdc(1))));

            assertThat(balance(devnet.client(), usdc, recipient)).isEqualTo(usdc(12));
        }

        PreparedSession enable(OnchainSession session, long firstTransfer) {
            PreparedSession s = ops.prepare(session);
            EnablePlan plan = EnableFlow.plan(session, List.of(account));
            var approval = EnableFlow.approve(plan, List.of(wallet.owner()), a.ownableValidator());
            Outcome out = ops.send(s, List.of(key), List.of(Transfers.erc20(usdc, recipient, usdc(firstTransfer))),
                    Optional.of(plan.enableSession(a.chainId(), approval)));
            assertThat(out).isInstanceOf(Outcome.Included.class);
            return s;
        }

        Refusal refused(PreparedSession s, List<Execution> calls) {
            BigInteger nonce = account.nonce(dev.latchkey.aa.nonce.NonceKeys.keyFor(dev.latchkey.session.model.AccountKind.LATCHKEY, a.smartSession()));
            Outcome out = ops.send(s, List.of(key), calls, Optional.empty());
            assertThat(out).isInstanceOf(Outcome.Refused.class);
            assertThat(account.nonce(dev.latchkey.aa.nonce.NonceKeys.keyFor(dev.latchkey.session.model.AccountKind.LATCHKEY, a.smartSession())))
                    .as("nothing sent").isEqualTo(nonce);
            Refusal r = ((Outcome.Refused) out).reason();
            System.out.println("[refusal] " + r.scope() + " " + r.kind().map(Enum::name).orElse("-") + " " + r.rule() + ": " + r.message());
            return r;
        }

        void failsOnChain(PreparedSession s, List<Execution> calls) {
            BigInteger before = balance(devnet.client(), usdc, account.address());
            BigInteger daiBefore = balance(devnet.client(), dai, account.address());
            assertThatThrownBy(() -> FlowFixture.sendBypassingPolicyEngine(ops, bypass, s, key, calls, Optional.empty()))
                    .satisfies(e -> System.out.println("[chain refused] " + e.getMessage().substring(0, Math.min(220, e.getMessage().length()))))
                    .hasMessageContaining("AA2");
            assertThat(balance(devnet.client(), usdc, account.address())).as("did not execute").isEqualTo(before);
            assertThat(balance(devnet.client(), dai, account.address())).as("did not execute").isEqualTo(daiBefore);
        }

        static BigInteger usdc(long n) {
            return USDC.multiply(BigInteger.valueOf(n));
        }
    }
}
