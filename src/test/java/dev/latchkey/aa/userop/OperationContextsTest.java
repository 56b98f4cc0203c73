package dev.latchkey.aa.userop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.ExecuteCall;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.execution.ExecutionMode;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.engine.Decision;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.OperationContext;
import dev.latchkey.session.engine.PolicyEngine;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.engine.Refusal;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** User operation → engine view → decision, for the shapes and user-operation policies of spec §2.5. */
class OperationContextsTest {

    static final Address ACCOUNT = new Address("0x1111111111111111111111111111111111111111");
    static final Address SS = new Address("0x00000000008bdaba73cd9815d79069c247eb4bda");
    static final Address TOKEN = new Address("0x6b175474e89094c44da98b954eedeac495271d0f");
    static final Address GAS = new Address("0x3333333333333333333333333333333333333333");
    static final Address PERIODIC = new Address("0x4444444444444444444444444444444444444444");
    static final long NOW = 1_800_000_000L;
    final PolicyAddresses addresses = PolicyAddresses.canonical().with(PolicyKind.GAS_COST_LIMIT, GAS).with(PolicyKind.PERIODIC_SPENDING_LIMIT, PERIODIC);
    final PolicyEngine engine = new PolicyEngine(addresses, SoftLimits.NONE, SoftLimits.LocalHistory.EMPTY);

    OnchainSession session(boolean paymaster) {
        Action periodic = new Action(TOKEN, new Selector("0xa9059cbb"),
                List.of(new Policy.PeriodicSpendingLimit(List.of(new Policy.TokenLimit(TOKEN, BigInteger.valueOf(100))), 86_400)));
        return SessionMapper.toOnchain(new WalletSession(new Owners.Ecdsa(List.of(ACCOUNT), 1), List.of(periodic, Action.anyCall()),
                List.of(new Policy.GasCostLimit(BigInteger.TEN.pow(15))), HexBytes.zeros(32), List.of(), Optional.empty(), paymaster), addresses);
    }

    static UserOperation op(HexBytes callData) {
        return UserOperation.of(ACCOUNT, BigInteger.ZERO, callData).withGas(BigInteger.valueOf(100_000), BigInteger.valueOf(100_000),
                BigInteger.valueOf(50_000), BigInteger.valueOf(3_000_000_000L), BigInteger.valueOf(1_000_000_000L));
    }

    static HexBytes transfer(long amount) {
        return HexBytes.parse("d", "0xa9059cbb").concat(new dev.latchkey.session.codec.AbiWords().address(ACCOUNT).uint(amount).toHexBytes());
    }

    Refusal refused(Decision d) {
        assertThat(d).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) d).reason();
    }

    @Test
    void shapes() {
        HexBytes single = Erc7579Execute.encode(List.of(new Execution(TOKEN, BigInteger.ZERO, transfer(1))));
        assertThat(OperationContexts.of(op(single), SS, NOW, BigInteger.ONE).shape()).isEqualTo(OperationContext.Shape.EXECUTE_SINGLE);
        byte[] tryMode = new byte[32];
        tryMode[1] = 1;
        HexBytes tryExec = Erc7579Execute.encode(new ExecuteCall(new ExecutionMode(HexBytes.of(tryMode)), List.of(new Execution(TOKEN, BigInteger.ZERO, transfer(1)))));
        OperationContext ctx = OperationContexts.of(op(tryExec), SS, NOW, BigInteger.ONE);
        assertThat(refused(engine.check(session(true), ctx, new InMemoryPolicyState())).rule()).isEqualTo("callType");
        OperationContext install = OperationContexts.of(op(HexBytes.parse("d", "0x9517e29f" + "00".repeat(64))), SS, NOW, BigInteger.ONE);
        assertThat(install.shape()).isEqualTo(OperationContext.Shape.ACCOUNT_CALL);
        assertThat(refused(engine.check(session(true), install, new InMemoryPolicyState())).rule()).isEqualTo("noPolicies");
    }

    @Test
    void gasCostLimitCountsPaymasterGasAndTheEffectivePrice() {
        OnchainSession s = session(true);
        HexBytes cfg = Ids.configId(ACCOUNT, Ids.permissionId(s));
        UserOperation o = op(Erc7579Execute.encode(List.of(new Execution(GAS, BigInteger.ZERO, HexBytes.EMPTY))))
                .withPaymaster(GAS, BigInteger.valueOf(40_000), BigInteger.valueOf(10_000), HexBytes.EMPTY);
        // gas 300_000 at maxFeePerGas 3 gwei (the base fee does not count) -> 9e14 wei; 5e14 used -> 1.4e15 > 1e15 by 4e14
        InMemoryPolicyState st = new InMemoryPolicyState().putGasCost(GAS, cfg, BigInteger.valueOf(500_000_000_000_000L));
        Refusal r = refused(engine.check(s, OperationContexts.of(o, SS, NOW, BigInteger.valueOf(1_000_000_000L)), st));
        assertThat(r.kind()).contains(PolicyKind.GAS_COST_LIMIT);
        assertThat(r.excess()).contains(BigInteger.valueOf(400_000_000_000_000L));
        assertThat(refused(engine.check(session(false), OperationContexts.of(o, SS, NOW, BigInteger.ONE), st)).rule())
                .isEqualTo("permitERC4337Paymaster");
    }

    @Test
    void periodicBudgetRefillsEachPeriodAndSumsWithinABatch() {
        OnchainSession s = session(true);
        HexBytes cfg = Ids.configId(ACCOUNT, Ids.actionPolicyId(Ids.permissionId(s), Ids.actionId(TOKEN, new Selector("0xa9059cbb"))));
        long day = NOW - NOW % 86_400;
        InMemoryPolicyState st = new InMemoryPolicyState().putPeriodic(PERIODIC, cfg, TOKEN, new PolicyState.Window(BigInteger.valueOf(90), day));
        Execution t = new Execution(TOKEN, BigInteger.ZERO, transfer(20));
        Refusal r = refused(engine.check(s, claimed(s, List.of(t), NOW), st));
        assertThat(r.excess()).contains(BigInteger.TEN);
        assertThat(engine.check(s, claimed(s, List.of(t), day + 86_400), st).allowed()).isTrue();
        // Unclaimed, the policy cannot tell the period: refused, as on chain (the call is 6 bytes short of a claimed one).
        assertThat(refused(engine.check(s, OperationContexts.of(op(Erc7579Execute.encode(List.of(t))), SS, NOW, BigInteger.ONE), st)).message())
                .contains("followed by the 6-byte time claim");
        InMemoryPolicyState fresh = new InMemoryPolicyState();
        Execution sixty = new Execution(TOKEN, BigInteger.ZERO, transfer(60));
        Refusal batch = refused(engine.check(s, claimed(s, List.of(sixty, sixty), NOW), fresh));
        assertThat(batch.callIndex().getAsInt()).isEqualTo(1);
        assertThat(batch.attempted()).contains(BigInteger.valueOf(120));
    }

    @Test
    void operationDeadline_stampedClaimPlusLifetime_pinsValidUntil_andIsRequired() {
        PolicyAddresses withDeadline = addresses.with(PolicyKind.OPERATION_DEADLINE, new Address("0x5555555555555555555555555555555555555555"));
        PolicyEngine e = new PolicyEngine(withDeadline, SoftLimits.NONE, SoftLimits.LocalHistory.EMPTY);
        OnchainSession s = SessionMapper.toOnchain(new WalletSession(new Owners.Ecdsa(List.of(ACCOUNT), 1), List.of(Action.anyCall()),
                List.of(new Policy.TimeFrame(NOW + 86_400, 0), new Policy.OperationDeadline()), HexBytes.zeros(32), List.of(),
                Optional.empty(), false), withDeadline);
        HexBytes plain = Erc7579Execute.encode(List.of(new Execution(TOKEN, BigInteger.ZERO, transfer(1))));
        HexBytes stamped = WindowClaims.stamp(e.prepare(s), SS, plain, NOW);
        long until = NOW + dev.latchkey.session.engine.WindowClaim.OPERATION_LIFETIME_SECONDS;
        byte[] mode = java.util.Arrays.copyOfRange(stamped.unsafeBytes(), 4, 36);
        assertThat(dev.latchkey.session.engine.WindowClaim.deadline(mode)).isEqualTo(until);
        assertThat(java.util.Arrays.copyOfRange(mode, 26, 32)).as("no RateLimit: its claim bytes stay zero").containsOnly(0);
        assertThat(Erc7579Execute.decode(stamped).executions()).as("the calls are untouched").isEqualTo(Erc7579Execute.decode(plain).executions());
        assertThat(e.check(s, OperationContexts.of(op(stamped), SS, NOW, BigInteger.ONE), new InMemoryPolicyState()))
                .isEqualTo(new Decision.Allowed(0, until));
        assertThat(WindowClaims.validUntil(e.prepare(s), SS, stamped, NOW + 86_400)).as("what the signer holds the sequence for").isEqualTo(until);
        assertThat(refused(e.check(s, OperationContexts.of(op(stamped), SS, until + 1, BigInteger.ONE), new InMemoryPolicyState())).rule())
                .isEqualTo("deadline");
        assertThat(refused(e.check(s, OperationContexts.of(op(plain), SS, NOW, BigInteger.ONE), new InMemoryPolicyState())).message())
                .contains("carries no deadline");
        // Without the policy the same operation keeps its bytes and lives as long as its session.
        OnchainSession without = SessionMapper.toOnchain(new WalletSession(new Owners.Ecdsa(List.of(ACCOUNT), 1), List.of(Action.anyCall()),
                List.of(new Policy.TimeFrame(NOW + 86_400, 0)), HexBytes.zeros(32), List.of(), Optional.empty(), false), withDeadline);
        assertThat(WindowClaims.stamp(e.prepare(without), SS, plain, NOW)).isEqualTo(plain);
        assertThat(WindowClaims.validUntil(e.prepare(without), SS, plain, NOW + 86_400)).isEqualTo(NOW + 86_400);
    }

    /** The operation of {@code calls} claiming {@code now}, as the signer sends it, landing at {@code now}. */
    OperationContext claimed(OnchainSession s, List<Execution> calls, long now) {
        HexBytes cd = WindowClaims.stamp(engine.prepare(s), SS, Erc7579Execute.encode(calls), now);
        return OperationContexts.of(op(cd), SS, now, BigInteger.ONE);
    }
}
