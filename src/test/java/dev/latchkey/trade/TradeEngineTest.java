package dev.latchkey.trade;

import static dev.latchkey.trade.TradeFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.userop.OperationContexts;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.aa.userop.WindowClaims;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.engine.Decision;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.PolicyEngine;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.engine.Refusal;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.build.AaveIntent;
import dev.latchkey.trade.build.BuiltTrade;
import dev.latchkey.trade.build.SwapIntent;
import dev.latchkey.trade.build.TradeBuilder;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.template.SessionTemplates;
import java.math.BigInteger;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Built operations through the SDK's PolicyEngine against the matching template: allowed, or refused with the exact reason. */
class TradeEngineTest {

    static final Address UNI = POLICIES.addressOf("x", PolicyKind.UNIVERSAL_ACTION);
    static final Address PERIODIC = POLICIES.addressOf("x", PolicyKind.PERIODIC_SPENDING_LIMIT);
    static final Address SPENDING = POLICIES.addressOf("x", PolicyKind.SPENDING_LIMITS);
    static final long NOW = START + 3_600;
    static final long UNTIL = START + 7 * 86_400;
    /** The UTC day holding NOW: the periodic budget's window, which a claimed op is pinned to. */
    static final long DAY0 = NOW - NOW % 86_400;
    static final Decision.Allowed PINNED = new Decision.Allowed(START, DAY0 + 86_399);

    final PolicyEngine engine = new PolicyEngine(POLICIES, SoftLimits.NONE, SoftLimits.LocalHistory.EMPTY);
    final TradeBuilder builder = new TradeBuilder(DEVNET, TradeBuilderTest.PRICE);
    final OnchainSession swap = SessionTemplates.build(TemplateSnapshotTest.SWAP, week(), CTX).onchain();

    Decision check(OnchainSession s, HexBytes callData, long now, PolicyState state) {
        // Claimed for the windowed policies as the signer claims it: the landing time.
        HexBytes claimed = WindowClaims.stamp(engine.prepare(s), DEVNET.smartSession(), callData, now);
        return engine.check(s, OperationContexts.of(UserOperation.of(ACCOUNT, BigInteger.ZERO, claimed), DEVNET.smartSession(), now, BigInteger.ONE), state);
    }

    Decision check(OnchainSession s, BuiltTrade t) {
        return check(s, t.callData(), NOW, new InMemoryPolicyState());
    }

    static Refusal refusal(Decision d) {
        assertThat(d).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) d).reason();
    }

    static HexBytes actionConfig(OnchainSession s, Address target, Selector selector) {
        return Ids.configId(ACCOUNT, Ids.actionPolicyId(Ids.permissionId(s), Ids.actionId(target, selector)));
    }

    @Test
    void swapWithinLimitsIsAllowed() {
        assertThat(check(swap, builder.swap(ACCOUNT, new SwapIntent("USDC", "WETH", usdc(500), 50)))).isEqualTo(PINNED);
    }

    @Test
    void overPerTradeIsRefusedAtTheApprove() {
        Refusal r = refusal(check(swap, builder.swap(ACCOUNT, new SwapIntent("USDC", "WETH", usdc(501), 50))));
        assertThat(r.callIndex()).isEqualTo(OptionalInt.of(0));
        assertThat(r.kind()).contains(PolicyKind.UNIVERSAL_ACTION);
        assertThat(r.rule()).isEqualTo("rules[1].lessThanOrEqual");
        assertThat(r.attempted()).contains(usdc(501));
        assertThat(r.limit()).contains(usdc(500));
        assertThat(r.message()).isEqualTo("universal-action policy " + UNI + " [rules[1].lessThanOrEqual]: rules[1]: argument at offset 32 is 0x"
                + usdc(501).toString(16) + ", required lessThanOrEqual 0x" + usdc(500).toString(16));
    }

    @Test
    void crossingTheDailyCapIsRefusedAndTheNextDayAllowed() {
        HexBytes cfg = actionConfig(swap, USDC, Catalog.APPROVE.selector());
        PolicyState spent = new InMemoryPolicyState().putPeriodic(PERIODIC, cfg, USDC, new PolicyState.Window(usdc(1800), DAY0));
        BuiltTrade t = builder.swap(ACCOUNT, new SwapIntent("USDC", "WETH", usdc(300), 50));
        Refusal r = refusal(check(swap, t.callData(), NOW, spent));
        assertThat(r.callIndex()).isEqualTo(OptionalInt.of(0));
        assertThat(r.kind()).contains(PolicyKind.PERIODIC_SPENDING_LIMIT);
        assertThat(r.excess()).contains(usdc(100));
        assertThat(r.message()).isEqualTo("periodic-spending-limit policy " + PERIODIC + " [limit]: token " + USDC
                + ": 2100000000 this period, over the allowance 2000000000 per 86400 s by 100000000; the window opened at " + DAY0);
        assertThat(check(swap, t.callData(), DAY0 + 86_400, spent).allowed()).isTrue();
        assertThat(check(swap, builder.swap(ACCOUNT, new SwapIntent("USDC", "WETH", usdc(200), 50)).callData(), NOW, spent).allowed()).isTrue();
    }

    @Test
    void wrongRecipientIsRefusedAtTheSwap() {
        BuiltTrade t = builder.swap(ACCOUNT, new SwapIntent("USDC", "WETH", usdc(100), 50));
        HexBytes toBob = Catalog.encode(Catalog.EXACT_INPUT_SINGLE, USDC, WETH, BigInteger.valueOf(500), BOB, usdc(100), t.amountOutMinimum().orElseThrow(),
                BigInteger.ZERO);
        HexBytes cd = Erc7579Execute.encode(List.of(t.calls().get(0), new Execution(ROUTER, BigInteger.ZERO, toBob)));
        Refusal r = refusal(check(swap, cd, NOW, new InMemoryPolicyState()));
        assertThat(r.callIndex()).isEqualTo(OptionalInt.of(1));
        assertThat(r.rule()).isEqualTo("rules[3].equal");
        assertThat(r.message()).isEqualTo("universal-action policy " + UNI + " [rules[3].equal]: rules[3]: argument at offset 96 is 0x"
                + BOB.hex().substring(2) + ", required equal 0x" + ACCOUNT.hex().substring(2));
    }

    @Test
    void nonMatchingTargetsAreRefused() {
        Refusal otherToken = refusal(check(swap, builder.swap(ACCOUNT, new SwapIntent("DAI", "WETH", eth("1"), 50))));
        assertThat(otherToken.scope()).isEqualTo(Refusal.Scope.ACTION_MATCH);
        assertThat(otherToken.message()).isEqualTo("no action allows 0x095ea7b3 on " + DAI + " and there is no fallback action");
        Refusal reverse = refusal(check(swap, builder.swap(ACCOUNT, new SwapIntent("WETH", "USDC", eth("0.1"), 50))));
        assertThat(reverse.message()).isEqualTo("no action allows 0x095ea7b3 on " + WETH + " and there is no fallback action");
        Address otherRouter = new Address("0x9000000000000000000000000000000000000009");
        HexBytes elsewhere = Erc7579Execute.encode(List.of(new Execution(otherRouter, BigInteger.ZERO,
                Catalog.encode(Catalog.EXACT_INPUT_SINGLE, USDC, WETH, BigInteger.valueOf(500), ACCOUNT, usdc(1), BigInteger.ONE, BigInteger.ZERO))));
        assertThat(refusal(check(swap, elsewhere, NOW, new InMemoryPolicyState())).message())
                .isEqualTo("no action allows 0x04e45aaf on " + otherRouter + " and there is no fallback action");
        Refusal otherPool = refusal(check(swap, builder.swap(ACCOUNT, new SwapIntent("USDC", "WETH", usdc(1), 50, 3000))));
        assertThat(otherPool.rule()).isEqualTo("rules[2].equal");
    }

    @Test
    void expiredSessionIsRefused() {
        Refusal r = refusal(check(swap, builder.swap(ACCOUNT, new SwapIntent("USDC", "WETH", usdc(1), 50)).callData(), UNTIL + 1, new InMemoryPolicyState()));
        assertThat(r.scope()).isEqualTo(Refusal.Scope.USER_OP_POLICY);
        assertThat(r.rule()).isEqualTo("validUntil");
    }

    @Test
    void aaveRepayOnlyAllowsRepayingOnlyForTheAccount() {
        OnchainSession s = SessionTemplates.build(TemplateSnapshotTest.REPAY, week(), CTX).onchain();
        assertThat(check(s, builder.aave(ACCOUNT, new AaveIntent.Repay("USDC", usdc(500))))).isEqualTo(PINNED);
        assertThat(refusal(check(s, builder.aave(ACCOUNT, new AaveIntent.Repay("USDC", usdc(501))))).rule()).isEqualTo("rules[1].lessThanOrEqual");
        assertThat(refusal(check(s, builder.aave(ACCOUNT, new AaveIntent.Borrow("USDC", usdc(1))))).message())
                .isEqualTo("no action allows " + Catalog.BORROW.selector() + " on " + POOL + " and there is no fallback action");
        HexBytes forBob = Erc7579Execute.encode(List.of(new Execution(POOL, BigInteger.ZERO,
                Catalog.encode(Catalog.REPAY, USDC, usdc(1), BigInteger.TWO, BOB))));
        Refusal r = refusal(check(s, forBob, NOW, new InMemoryPolicyState()));
        assertThat(r.rule()).isEqualTo("rules[3].equal");
        assertThat(r.attempted()).contains(new BigInteger(1, BOB.bytes()));
    }

    @Test
    void aaveSupplyBorrowRepayCycle() {
        OnchainSession s = SessionTemplates.build(TemplateSnapshotTest.AAVE, week(), CTX).onchain();
        for (AaveIntent i : List.of(new AaveIntent.Supply("WETH", eth("5")), new AaveIntent.Borrow("USDC", usdc(1000)),
                new AaveIntent.Repay("USDC", usdc(1000)), new AaveIntent.Withdraw("WETH", eth("5")))) {
            // Only the calls that approve a budgeted token (supply, repay) are pinned to the budget's day.
            boolean budgeted = i instanceof AaveIntent.Supply || i instanceof AaveIntent.Repay;
            assertThat(check(s, builder.aave(ACCOUNT, i))).as(i.toString()).isEqualTo(budgeted ? PINNED : new Decision.Allowed(START, UNTIL));
        }
        assertThat(refusal(check(s, builder.aave(ACCOUNT, new AaveIntent.Borrow("USDC", usdc(1001))))).rule()).isEqualTo("rules[1].lessThanOrEqual");
        Refusal wrongAsset = refusal(check(s, builder.aave(ACCOUNT, new AaveIntent.Supply("USDC", usdc(1)))));
        assertThat(wrongAsset.callIndex()).isEqualTo(OptionalInt.of(1));        // the USDC approve to the Pool passes (repay needs it)
        assertThat(wrongAsset.rule()).isEqualTo("rules[0].equal");            // supply: asset == WETH
        HexBytes cfg = actionConfig(s, POOL, Catalog.BORROW.selector());
        PolicyState borrowed = new InMemoryPolicyState().putRuleUsed(UNI, cfg, 1, usdc(4500));
        Refusal total = refusal(check(s, builder.aave(ACCOUNT, new AaveIntent.Borrow("USDC", usdc(600))).callData(), NOW, borrowed));
        assertThat(total.rule()).isEqualTo("rules[1].usageLimit");
        assertThat(total.excess()).contains(usdc(100));
    }

    @Test
    void usdcTransferOnlyToTheAllowlistedRecipientWithinTheTotal() {
        OnchainSession s = SessionTemplates.build(TemplateSnapshotTest.TRANSFER, week(), CTX).onchain();
        HexBytes toBob = Erc7579Execute.encode(List.of(new Execution(USDC, BigInteger.ZERO, Catalog.encode(Catalog.TRANSFER, BOB, usdc(100)))));
        assertThat(check(s, toBob, NOW, new InMemoryPolicyState()).allowed()).isTrue();
        HexBytes toOther = Erc7579Execute.encode(List.of(new Execution(USDC, BigInteger.ZERO, Catalog.encode(Catalog.TRANSFER, SESSION_KEY, usdc(1)))));
        assertThat(refusal(check(s, toOther, NOW, new InMemoryPolicyState())).rule()).isEqualTo("rules[0].equal");
        PolicyState spent = new InMemoryPolicyState().putSpending(SPENDING, actionConfig(s, USDC, Catalog.TRANSFER.selector()), USDC,
                new PolicyState.Spending(usdc(950), BigInteger.ZERO));
        Refusal r = refusal(check(s, toBob, NOW, spent));
        assertThat(r.kind()).contains(PolicyKind.SPENDING_LIMITS);
        assertThat(r.excess()).contains(usdc(50));
    }
}
