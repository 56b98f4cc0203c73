package dev.latchkey.trade.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.session.engine.Call;
import dev.latchkey.session.engine.Decision;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.OperationContext;
import dev.latchkey.session.engine.PolicyEngine;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.SessionBounds;
import dev.latchkey.trade.template.SessionTemplate;
import dev.latchkey.trade.template.SessionTemplates;
import dev.latchkey.trade.template.TemplateContext;
import dev.latchkey.trade.template.TemplateSession;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refusals of the real policy engine, put in the trade's terms. */
class RefusalTextTest {

    static final Address ROUTER = new Address("0x1000000000000000000000000000000000000001");
    static final Address POOL = new Address("0x1000000000000000000000000000000000000003");
    static final Address USDC = new Address("0x2000000000000000000000000000000000000001");
    static final Address WETH = new Address("0x2000000000000000000000000000000000000003");
    static final Address ACCOUNT = new Address("0x3000000000000000000000000000000000000001");
    static final PolicyAddresses POLICIES = PolicyAddresses.canonical()
            .with(PolicyKind.PERIODIC_SPENDING_LIMIT, new Address("0x4000000000000000000000000000000000000001"))
            .with(PolicyKind.RATE_LIMIT, new Address("0x4000000000000000000000000000000000000002"))
            .with(PolicyKind.GAS_COST_LIMIT, new Address("0x4000000000000000000000000000000000000003"));
    static final TradeNetwork NETWORK = new TradeNetwork("devnet", 31337, ROUTER, new Address("0x1000000000000000000000000000000000000002"),
            POOL, List.of(new Token("USDC", USDC, 6), new Token("WETH", WETH, 18)), TradeNetwork.ENTRY_POINT_V07,
            TradeNetwork.SMART_SESSION_V1);
    static final long START = 1_800_000_000L;

    private final TemplateSession swap = SessionTemplates.build(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, usdc(500), usdc(2000)),
            new SessionBounds(START, 7, 350, new BigInteger("140000000000000000")), new TemplateContext(NETWORK, ACCOUNT,
                    new Address("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), HexBytes.parse("salt", "0x" + "5a".repeat(32)), POLICIES));
    private final RefusalText text = new RefusalText(NETWORK);

    @Test
    void anAmountAboveTheRuleIsShownInTokens() {
        List<Execution> calls = calls(usdc(600), WETH);
        assertThat(text.explain(refusal(calls), calls)).isEqualTo("USDC.approve: amount is 600 USDC; this session allows at most 500 USDC");
    }

    @Test
    void anAddressRuleNamesTheTokens() {
        List<Execution> calls = List.of(calls(usdc(100), WETH).get(0),
                new Execution(ROUTER, BigInteger.ZERO, Catalog.encode(Catalog.EXACT_INPUT_SINGLE, USDC, USDC, BigInteger.valueOf(500), ACCOUNT,
                        usdc(100), BigInteger.ONE, BigInteger.ZERO)));
        assertThat(text.explain(refusal(calls), calls))
                .isEqualTo("SwapRouter02.exactInputSingle: tokenOut is USDC; this session allows only WETH");
    }

    @Test
    void whatCannotBeParsedKeepsTheEngineWordsWithNames() {
        assertThat(text.explain("token " + USDC.hex() + ": 2100000000 this period, over the allowance", List.of()))
                .isEqualTo("token USDC: 2100000000 this period, over the allowance");
    }

    @Test
    void aDailyCapRefusalSaysWhatIsLeftAndWhenItResets() {
        // 2,000 USDC of the template's 2,000 USDC daily cap already used today (windows are UTC days, policies.md §2.0)
        long opened = START - Math.floorMod(START, 86_400) + 86_400;
        HexBytes cfg = dev.latchkey.session.codec.Ids.configId(ACCOUNT, dev.latchkey.session.codec.Ids.actionPolicyId(
                dev.latchkey.session.codec.Ids.permissionId(swap.onchain()), dev.latchkey.session.codec.Ids.actionId(USDC, Catalog.APPROVE.selector())));
        var state = new dev.latchkey.session.engine.InMemoryPolicyState().putPeriodic(POLICIES.addressOf("x", PolicyKind.PERIODIC_SPENDING_LIMIT),
                cfg, USDC, new dev.latchkey.session.engine.PolicyState.Window(usdc(2000), opened));
        List<Execution> calls = calls(usdc(100), WETH);
        String reason = refusalAt(calls, state, opened + 3_600);
        assertThat(text.explain(reason, calls)).isEqualTo("USDC.approve: 2,100 USDC today over the 2,000 USDC daily cap; 0 left; resets 00:00 UTC");

        var half = new dev.latchkey.session.engine.InMemoryPolicyState().putPeriodic(POLICIES.addressOf("x", PolicyKind.PERIODIC_SPENDING_LIMIT),
                cfg, USDC, new dev.latchkey.session.engine.PolicyState.Window(usdc(1600), opened));
        List<Execution> big = calls(usdc(500), WETH);
        assertThat(text.explain(refusalAt(big, half, opened + 3_600), big))
                .isEqualTo("USDC.approve: 2,100 USDC today over the 2,000 USDC daily cap; 400 USDC left; resets 00:00 UTC");
    }

    @Test
    void theWalletsOwnDailyLimitIsInTokensToo() {
        List<Execution> calls = calls(usdc(300), WETH);
        String message = "local limit maxTokenPerDay: token " + USDC.hex() + " total today 1100000000 exceeds 1000000000 by 100000000;"
                + " the day began at " + (START - START % 86_400);
        assertThat(text.explain(message, calls)).isEqualTo("your wallet's own limit: 1,100 USDC today over the 1,000 USDC daily cap;"
                + " 200 USDC left; resets 00:00 UTC");
    }

    private String refusalAt(List<Execution> calls, dev.latchkey.session.engine.PolicyState state, long now) {
        PolicyEngine engine = new PolicyEngine(POLICIES, SoftLimits.NONE, SoftLimits.LocalHistory.EMPTY);
        var prepared = engine.prepare(swap.onchain());
        // Claimed for the windowed policies at `now`, as the signer claims it.
        var callData = dev.latchkey.aa.userop.WindowClaims.stamp(prepared, TradeNetwork.SMART_SESSION_V1,
                dev.latchkey.aa.execution.Erc7579Execute.encode(calls), now);
        Decision d = engine.check(prepared, dev.latchkey.aa.userop.OperationContexts.of(
                dev.latchkey.aa.userop.UserOperation.of(ACCOUNT, BigInteger.ZERO, callData), TradeNetwork.SMART_SESSION_V1, now,
                BigInteger.ZERO), state);
        assertThat(d).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) d).reason().toString();
    }

    private String refusal(List<Execution> calls) {
        PolicyEngine engine = new PolicyEngine(POLICIES, SoftLimits.NONE, SoftLimits.LocalHistory.EMPTY);
        var prepared = engine.prepare(swap.onchain());
        // Claimed for the windowed policies, as the signer claims it.
        var callData = dev.latchkey.aa.userop.WindowClaims.stamp(prepared, TradeNetwork.SMART_SESSION_V1,
                dev.latchkey.aa.execution.Erc7579Execute.encode(calls), START + 100);
        Decision d = engine.check(prepared, dev.latchkey.aa.userop.OperationContexts.of(
                dev.latchkey.aa.userop.UserOperation.of(ACCOUNT, BigInteger.ZERO, callData), TradeNetwork.SMART_SESSION_V1, START + 100,
                BigInteger.ZERO), new InMemoryPolicyState());
        assertThat(d).isInstanceOf(Decision.Refused.class);
        return ((Decision.Refused) d).reason().toString();
    }

    private static List<Execution> calls(BigInteger amount, Address out) {
        return List.of(new Execution(USDC, BigInteger.ZERO, Catalog.encode(Catalog.APPROVE, ROUTER, amount)),
                new Execution(ROUTER, BigInteger.ZERO, Catalog.encode(Catalog.EXACT_INPUT_SINGLE, USDC, out, BigInteger.valueOf(500), ACCOUNT,
                        amount, BigInteger.ONE, BigInteger.ZERO)));
    }

    static BigInteger usdc(long whole) {
        return BigInteger.valueOf(whole).multiply(BigInteger.valueOf(1_000_000));
    }
}
