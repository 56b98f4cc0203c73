package dev.latchkey.aa.flow;

import static dev.latchkey.aa.flow.FlowFixture.USDC;
import static dev.latchkey.aa.flow.FlowFixture.addr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.engine.Decision;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.engine.UnrecognizedPolicyException;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/** ChainPolicyState reads every policy getter (docs/policies.md) with the values the chain really holds. */
@ExtendWith(DevnetExtension.class)
class ChainPolicyStateOnDevnetTest {

    @Test
    void readsEveryPolicyGetter(Devnet devnet) throws Exception {
        ChainAddresses a = FlowFixture.addresses(devnet);
        Address usdc = addr(devnet, "USDC");
        FlowFixture.Wallet wallet = FlowFixture.Wallet.fresh();
        SmartAccountClient account = wallet.on(devnet, 1_000);
        ECKeyPair key = Keys.createEcKeyPair();
        Address recipient = FlowFixture.randomAddress();
        BigInteger hundred = USDC.multiply(BigInteger.valueOf(100));
        Policy rules = new Policy.UniversalAction(BigInteger.ZERO, List.of(
                new ParamRule(ParamCondition.EQUAL, BigInteger.ZERO, new BigInteger(1, recipient.bytes()), Optional.empty()),
                new ParamRule(ParamCondition.LESS_THAN_OR_EQUAL, BigInteger.valueOf(32), hundred, Optional.of(hundred))));
        Action transfer = new Action(usdc, Transfers.TRANSFER, List.of(rules,
                new Policy.PeriodicSpendingLimit(List.of(new Policy.TokenLimit(usdc, USDC.multiply(BigInteger.valueOf(50)))), 3_600),
                new Policy.ValueLimit(BigInteger.ONE)));
        WalletSession ws = new WalletSession(new Owners.Ecdsa(List.of(FlowFixture.address(key)), 1, a.ownableValidator()),
                List.of(transfer), List.of(new Policy.RateLimit(5, 3_600), new Policy.GasCostLimit(BigInteger.TEN.pow(18))),
                HexBytes.zeros(32), List.of(a.chainId()), Optional.empty(), false);
        OnchainSession session = SessionMapper.toOnchain(ws, a.policies());
        OperationSender sender = FlowFixture.direct(devnet);
        SessionOperations ops = new SessionOperations(account, sender, FlowFixture.engine(a));
        PreparedSession s = ops.prepare(session);
        EnablePlan plan = EnableFlow.plan(session, List.of(account));
        var enable = Optional.of(plan.enableSession(a.chainId(), EnableFlow.approve(plan, List.of(wallet.owner()), a.ownableValidator())));
        for (long amount : new long[] {10, 5}) {
            assertThat(ops.send(s, List.of(key), transfer(usdc, recipient, amount), enable)).isInstanceOf(Outcome.Included.class);
        }

        PolicyState state = new ChainPolicyState(devnet.client(), a.smartSession(), account.address());
        HexBytes actionCfg = Ids.configId(account.address(), Ids.actionPolicyId(s.permissionId(), Ids.actionId(usdc, Transfers.TRANSFER)));
        HexBytes userOpCfg = Ids.configId(account.address(), s.permissionId());
        BigInteger fifteen = USDC.multiply(BigInteger.valueOf(15));
        assertThat(state.ruleUsed(policy(a, PolicyKind.UNIVERSAL_ACTION), actionCfg, 1)).isEqualTo(fifteen);
        PolicyState.Window periodic = state.periodicBudget(policy(a, PolicyKind.PERIODIC_SPENDING_LIMIT), actionCfg, usdc);
        assertThat(periodic.used()).isEqualTo(fifteen);
        assertThat(periodic.start()).isPositive();
        assertThat(state.valueUsed(policy(a, PolicyKind.VALUE_LIMIT), actionCfg)).isZero();
        PolicyState.Window rate = state.rateLimit(policy(a, PolicyKind.RATE_LIMIT), userOpCfg);
        assertThat(rate.used()).isEqualTo(BigInteger.TWO);
        assertThat(rate.start()).isPositive();
        assertThat(state.gasCostUsed(policy(a, PolicyKind.GAS_COST_LIMIT), userOpCfg)).isPositive().isLessThan(BigInteger.TEN.pow(18));

        // 40 more would make 55 > 50 in the period: the engine (with this state) and the chain both refuse.
        var draft = ops.draft(s, 1, transfer(usdc, recipient, 40), Optional.empty());
        Decision verdict = ops.check(s, draft, Optional.empty());
        assertThat(verdict).isInstanceOfSatisfying(Decision.Refused.class, r -> {
            assertThat(r.reason().kind()).contains(PolicyKind.PERIODIC_SPENDING_LIMIT);
            assertThat(r.reason().attempted()).contains(USDC.multiply(BigInteger.valueOf(55)));
        });
        assertThat(sender.simulate(ops.sign(draft, s, List.of(key), Optional.empty())).passed()).isFalse();
    }

    @Test
    void aContractThatIsNotThePolicyIsNamedAndAnUnreachableNodeStaysANetworkError(Devnet devnet) {
        ChainAddresses a = FlowFixture.addresses(devnet);
        Address usdc = addr(devnet, "USDC");
        Address account = FlowFixture.randomAddress();
        PolicyState state = new ChainPolicyState(devnet.client(), a.smartSession(), account);
        HexBytes cfg = HexBytes.zeros(32);

        // USDC has no getUsed: an empty revert, which is the contract speaking, not the network
        assertThatThrownBy(() -> state.usageUsed(usdc, cfg)).isInstanceOfSatisfying(UnrecognizedPolicyException.class, e -> {
            assertThat(e.getMessage()).startsWith("UsageLimitPolicy at " + usdc.hex() + " does not answer getUsed(bytes32,address,address)")
                    .endsWith("not a policy version this wallet knows");
            assertThat(e.policy()).isEqualTo("UsageLimitPolicy");
        });
        // the canonical ERC20SpendingLimitPolicy reverts InvalidTokenAddress for a token without a limit: nothing spent
        assertThat(state.spending(policy(a, PolicyKind.SPENDING_LIMITS), cfg, usdc)).isEqualTo(PolicyState.Spending.NONE);
        assertThat(state.usageUsed(policy(a, PolicyKind.USAGE_LIMIT), cfg)).isZero();

        try (dev.latchkey.chain.EvmClient nowhere = new dev.latchkey.chain.EvmClient("http://127.0.0.1:9")) {
            PolicyState offline = new ChainPolicyState(nowhere, a.smartSession(), account);
            assertThatThrownBy(() -> offline.usageUsed(policy(a, PolicyKind.USAGE_LIMIT), cfg)).isInstanceOf(dev.latchkey.chain.RpcException.class);
        }
    }

    private static Address policy(ChainAddresses a, PolicyKind kind) {
        return a.policies().addressOf("policy", kind);
    }

    private static List<Execution> transfer(Address usdc, Address to, long amount) {
        return List.of(Transfers.erc20(usdc, to, USDC.multiply(BigInteger.valueOf(amount))));
    }
}
