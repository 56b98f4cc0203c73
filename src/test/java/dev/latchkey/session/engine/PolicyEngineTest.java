package dev.latchkey.session.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.engine.OperationContext.Shape;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The refusals the issue lists, each with its exact reason; and what passes. */
class PolicyEngineTest {

    static final Address USDC = new Address("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48");
    static final Address BOB = new Address("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    static final Address ACCOUNT = new Address("0x1111111111111111111111111111111111111111");
    static final Address SMART_SESSION = new Address("0x00000000008bdaba73cd9815d79069c247eb4bda");
    static final Selector TRANSFER = new Selector("0xa9059cbb");
    static final long NOW = 1_800_000_000L;
    final PolicyAddresses addresses = PolicyAddresses.canonical().with(PolicyKind.RATE_LIMIT, new Address("0x2222222222222222222222222222222222222222"));

    /** USDC transfers to BOB only, 1000 USDC total, 5 uses, until NOW + 1 day. */
    OnchainSession usdcSession() {
        Policy toBob = new Policy.UniversalAction(BigInteger.ZERO, List.of(new ParamRule(ParamCondition.EQUAL, BigInteger.ZERO,
                new BigInteger(1, BOB.bytes()), Optional.empty())));
        Action transfer = new Action(USDC, TRANSFER, List.of(toBob,
                new Policy.SpendingLimits(List.of(new Policy.TokenLimit(USDC, BigInteger.valueOf(1_000_000_000L)))),
                new Policy.UsageLimit(BigInteger.valueOf(5))));
        WalletSession ws = new WalletSession(new Owners.Ecdsa(List.of(BOB), 1), List.of(transfer),
                List.of(new Policy.TimeFrame(NOW + 86_400, NOW - 10)), HexBytes.zeros(32), List.of(1L), Optional.empty(), true);
        return SessionMapper.toOnchain(ws, addresses);
    }

    static HexBytes transfer(Address to, long amount) {
        return HexBytes.of(TRANSFER.bytes()).concat(HexBytes.of(new dev.latchkey.session.codec.AbiWords().address(to).uint(amount).toBytes()));
    }

    static OperationContext op(long now, Call... calls) {
        return new OperationContext(ACCOUNT, SMART_SESSION, calls.length == 1 ? Shape.EXECUTE_SINGLE : Shape.EXECUTE_BATCH,
                List.of(calls), false, OperationContext.Gas.none(), now, BigInteger.ONE, java.util.OptionalLong.of(now));
    }

    Decision check(OnchainSession s, OperationContext op, PolicyState state) {
        return new PolicyEngine(addresses, SoftLimits.NONE, SoftLimits.LocalHistory.EMPTY).check(s, op, state);
    }

    HexBytes actionConfig(OnchainSession s) {
        return Ids.configId(ACCOUNT, Ids.actionPolicyId(Ids.permissionId(s), Ids.actionId(USDC, TRANSFER)));
    }

    @Test
    void allowsATransferWithinEveryLimit() {
        Decision d = check(usdcSession(), op(NOW, new Call(USDC, BigInteger.ZERO, transfer(BOB, 100_000_000))), new InMemoryPolicyState());
        assertThat(d).isEqualTo(new Decision.Allowed(NOW - 10, NOW + 86_400));
    }

    @Test
    void overLimitTransferSaysByHowMuch() {
        OnchainSession s = usdcSession();
        InMemoryPolicyState st = new InMemoryPolicyState().putSpending(addresses.addressOf("x", PolicyKind.SPENDING_LIMITS), actionConfig(s), USDC,
                new PolicyState.Spending(BigInteger.valueOf(900_000_000L), BigInteger.ZERO));
        Refusal r = refusal(check(s, op(NOW, new Call(USDC, BigInteger.ZERO, transfer(BOB, 200_000_000))), st));
        assertThat(r.callIndex()).isEqualTo(OptionalInt.of(0));
        assertThat(r.kind()).contains(PolicyKind.SPENDING_LIMITS);
        assertThat(r.rule()).isEqualTo("limit");
        assertThat(r.excess()).contains(BigInteger.valueOf(100_000_000L));
        assertThat(r.message()).contains("by 100000000");
    }

    @Test
    void wrongRecipientNamesTheRule() {
        Refusal r = refusal(check(usdcSession(), op(NOW, new Call(USDC, BigInteger.ZERO, transfer(ACCOUNT, 1))), new InMemoryPolicyState()));
        assertThat(r.kind()).contains(PolicyKind.UNIVERSAL_ACTION);
        assertThat(r.rule()).isEqualTo("rules[0].equal");
        assertThat(r.attempted()).contains(new BigInteger(1, ACCOUNT.bytes()));
    }

    @Test
    void expiredSession() {
        Refusal r = refusal(check(usdcSession(), op(NOW + 86_401, new Call(USDC, BigInteger.ZERO, transfer(BOB, 1))), new InMemoryPolicyState()));
        assertThat(r.scope()).isEqualTo(Refusal.Scope.USER_OP_POLICY);
        assertThat(r.kind()).contains(PolicyKind.TIME_FRAME);
        assertThat(r.rule()).isEqualTo("validUntil");
        assertThat(r.excess()).contains(BigInteger.ONE);
    }

    @Test
    void exhaustedUsageLimit() {
        OnchainSession s = usdcSession();
        InMemoryPolicyState st = new InMemoryPolicyState().putUsage(addresses.addressOf("x", PolicyKind.USAGE_LIMIT), actionConfig(s), BigInteger.valueOf(4));
        Call c = new Call(USDC, BigInteger.ZERO, transfer(BOB, 1));
        assertThat(check(s, op(NOW, c), st).allowed()).isTrue();
        Refusal r = refusal(check(s, op(NOW, c, c), st));
        assertThat(r.callIndex()).isEqualTo(OptionalInt.of(1));
        assertThat(r.kind()).contains(PolicyKind.USAGE_LIMIT);
        assertThat(r.attempted()).contains(BigInteger.valueOf(6));
    }

    @Test
    void nonMatchingTargetWithoutFallback() {
        Address dai = new Address("0x6b175474e89094c44da98b954eedeac495271d0f");
        Refusal r = refusal(check(usdcSession(), op(NOW, new Call(dai, BigInteger.ZERO, transfer(BOB, 1))), new InMemoryPolicyState()));
        assertThat(r.scope()).isEqualTo(Refusal.Scope.ACTION_MATCH);
        assertThat(r.rule()).isEqualTo("noAction");
        assertThat(r.message()).contains(dai.hex()).contains("0xa9059cbb");
    }

    @Test
    void fallbackActionCatchesOtherTargetsAndAdminNeedsItsOwnAction() {
        WalletSession ws = new WalletSession(new Owners.Ecdsa(List.of(BOB), 1), List.of(Action.anyCall()), List.of(new Policy.Sudo()),
                HexBytes.zeros(32), List.of(), Optional.empty(), true);
        OnchainSession s = SessionMapper.toOnchain(ws, addresses);
        assertThat(check(s, op(NOW, new Call(BOB, BigInteger.TEN, HexBytes.EMPTY)), new InMemoryPolicyState()).allowed()).isTrue();
        assertThat(refusal(check(s, op(NOW, new Call(SMART_SESSION, BigInteger.ZERO, HexBytes.EMPTY)), new InMemoryPolicyState())).rule())
                .isEqualTo("adminAccess");
    }

    @Test
    void rateLimitRollsOverAfterTheInterval() {
        WalletSession ws = new WalletSession(new Owners.Ecdsa(List.of(BOB), 1), List.of(Action.anyCall()), List.of(new Policy.RateLimit(2, 3600)),
                HexBytes.zeros(32), List.of(), Optional.empty(), true);
        OnchainSession s = SessionMapper.toOnchain(ws, addresses);
        HexBytes cfg = Ids.configId(ACCOUNT, Ids.permissionId(s));
        long hour = NOW - NOW % 3600;
        InMemoryPolicyState st = new InMemoryPolicyState().putRate(addresses.addressOf("x", PolicyKind.RATE_LIMIT), cfg,
                new PolicyState.Window(BigInteger.TWO, hour));
        Call c = new Call(BOB, BigInteger.ONE, HexBytes.EMPTY);
        assertThat(refusal(check(s, op(NOW, c), st)).rule()).isEqualTo("maxUses");
        Decision next = check(s, op(hour + 3600, c), st);
        assertThat(next.allowed()).isTrue();
        // Pinned to the claimed window, as the policy's validationData pins it.
        assertThat(((Decision.Allowed) next).validAfter()).isEqualTo(hour + 3600);
        assertThat(((Decision.Allowed) next).validUntil()).isEqualTo(hour + 7199);
    }

    @Test
    void aWindowClaimMustHoldNowAndNotPrecedeTheCountedWindow() {
        WalletSession ws = new WalletSession(new Owners.Ecdsa(List.of(BOB), 1), List.of(Action.anyCall()), List.of(new Policy.RateLimit(2, 3600)),
                HexBytes.zeros(32), List.of(), Optional.empty(), true);
        OnchainSession s = SessionMapper.toOnchain(ws, addresses);
        HexBytes cfg = Ids.configId(ACCOUNT, Ids.permissionId(s));
        long hour = NOW - NOW % 3600;
        InMemoryPolicyState st = new InMemoryPolicyState().putRate(addresses.addressOf("x", PolicyKind.RATE_LIMIT), cfg,
                new PolicyState.Window(BigInteger.ONE, hour + 3600));
        Call c = new Call(BOB, BigInteger.ONE, HexBytes.EMPTY);
        assertThat(refusal(check(s, op(NOW, c), st)).message()).contains("before the one already counted");
        OperationContext late = new OperationContext(ACCOUNT, SMART_SESSION, Shape.EXECUTE_SINGLE, List.of(c), false,
                OperationContext.Gas.none(), hour + 7200, BigInteger.ONE, java.util.OptionalLong.of(hour + 3600));
        assertThat(refusal(check(s, late, st)).message()).contains("but lands at " + (hour + 7200));
        OperationContext unclaimed = new OperationContext(ACCOUNT, SMART_SESSION, Shape.EXECUTE_SINGLE, List.of(c), false,
                OperationContext.Gas.none(), NOW, BigInteger.ONE);
        assertThat(refusal(check(s, unclaimed, st)).rule()).isEqualTo("claim");
    }

    @Test
    void anAddressArgumentWithDirtyUpperBitsIsRefusedAsTheChainRefusesIt() {
        // ERC20SpendingLimit alone on the action: nothing else looks at the recipient word.
        Action transfer = new Action(USDC, TRANSFER, List.of(new Policy.SpendingLimits(List.of(new Policy.TokenLimit(USDC, BigInteger.valueOf(1_000_000_000L))))));
        OnchainSession s = SessionMapper.toOnchain(new WalletSession(new Owners.Ecdsa(List.of(BOB), 1), List.of(transfer), List.of(),
                HexBytes.zeros(32), List.of(1L), Optional.empty(), true), addresses);
        byte[] dirty = transfer(BOB, 1_000_000).bytes();
        dirty[4 + 3] = 0x01; // inside the 12 zero bytes above the 20-byte address
        Refusal r = refusal(check(s, op(NOW, new Call(USDC, BigInteger.ZERO, HexBytes.of(dirty))), new InMemoryPolicyState()));
        assertThat(r.kind()).contains(PolicyKind.SPENDING_LIMITS);
        assertThat(r.rule()).isEqualTo("selector");
        assertThat(r.message()).contains("clean address arguments");
        // the same call with a clean word passes
        assertThat(check(s, op(NOW, new Call(USDC, BigInteger.ZERO, transfer(BOB, 1_000_000))), new InMemoryPolicyState()).allowed()).isTrue();
    }

    @Test
    void softLimitsAreStricterThanTheChain() {
        SoftLimits soft = new SoftLimits(Optional.empty(), Map.of(USDC, BigInteger.valueOf(50_000_000)), Map.of(), OptionalInt.empty(), 0, false);
        Decision d = new PolicyEngine(addresses, soft, SoftLimits.LocalHistory.EMPTY)
                .check(usdcSession(), op(NOW, new Call(USDC, BigInteger.ZERO, transfer(BOB, 60_000_000))), new InMemoryPolicyState());
        Refusal r = refusal(d);
        assertThat(r.scope()).isEqualTo(Refusal.Scope.SOFT_LIMIT);
        assertThat(r.excess()).contains(BigInteger.valueOf(10_000_000));
    }

    static Refusal refusal(Decision d) {
        assertThat(d).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) d).reason();
    }
}
