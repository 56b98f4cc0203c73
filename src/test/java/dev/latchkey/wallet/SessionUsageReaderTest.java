package dev.latchkey.wallet;

import static dev.latchkey.wallet.UsageFixture.ACCOUNT;
import static dev.latchkey.wallet.UsageFixture.DAY;
import static dev.latchkey.wallet.UsageFixture.KEY;
import static dev.latchkey.wallet.UsageFixture.NETWORK;
import static dev.latchkey.wallet.UsageFixture.POLICIES;
import static dev.latchkey.wallet.UsageFixture.ROUTER;
import static dev.latchkey.wallet.UsageFixture.START;
import static dev.latchkey.wallet.UsageFixture.USDC;
import static dev.latchkey.wallet.UsageFixture.policy;
import static dev.latchkey.wallet.UsageFixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyCodec;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.template.TemplateSession;
import dev.latchkey.wallet.SessionUsage.Kind;
import dev.latchkey.wallet.SessionUsage.Meter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one place both the CLI and the Sessions screen take their usage numbers from, over an in-memory policy state keyed
 * as SmartSession keys it (config id = keccak(account ‖ policy id), spec §1.2): the Uniswap template session plus a
 * USDC.transfer action with a lifetime spending limit, a usage limit and a rate limit.
 */
class SessionUsageReaderTest {

    static final long HOUR = 3_600;

    private final TemplateSession swap = UsageFixture.swap();
    private final OnchainSession definition = withTransfer(swap.onchain());
    private final HexBytes pid = swap.permissionId();
    private final HexBytes opCfg = Ids.configId(ACCOUNT, pid);
    private final HexBytes approveCfg = actionCfg(USDC, Catalog.APPROVE.selector());
    private final HexBytes swapCfg = actionCfg(ROUTER, Catalog.EXACT_INPUT_SINGLE.selector());
    private final HexBytes transferCfg = actionCfg(USDC, Catalog.TRANSFER.selector());
    private final SessionUsageReader reader = new SessionUsageReader(POLICIES, NETWORK);

    @Test
    void everyLimitReadsTheSlotItsPolicyWrites() {
        long now = START + 3 * DAY + 100;
        InMemoryPolicyState state = new InMemoryPolicyState()
                .putUsage(policy(PolicyKind.USAGE_LIMIT), opCfg, BigInteger.valueOf(3))
                .putGasCost(policy(PolicyKind.GAS_COST_LIMIT), opCfg, new BigInteger("600000000000000"))
                .putPeriodic(policy(PolicyKind.PERIODIC_SPENDING_LIMIT), approveCfg, USDC, new PolicyState.Window(usdc(300), now - 50))
                .putRuleUsed(policy(PolicyKind.UNIVERSAL_ACTION), swapCfg, 4, usdc(1_200))
                .putSpending(policy(PolicyKind.SPENDING_LIMITS), transferCfg, USDC, new PolicyState.Spending(usdc(40), usdc(2)))
                .putUsage(policy(PolicyKind.USAGE_LIMIT), transferCfg, BigInteger.TWO)
                .putRate(policy(PolicyKind.RATE_LIMIT), transferCfg, new PolicyState.Window(BigInteger.valueOf(4), now - 60));

        SessionUsage usage = reader.read(ACCOUNT, pid, definition, state, now);

        assertThat(usage.operations()).hasValueSatisfying(m -> {
            assertThat(m.kind()).isEqualTo(Kind.OPERATIONS);
            assertThat(m.used()).isEqualTo(3);
            assertThat(m.left()).isEqualTo(347);
        });
        assertThat(usage.meters()).extracting(SessionUsageReaderTest::line).containsExactly(
                "GAS_COST  ETH/18 600000000000000 of 140000000000000000",
                "PERIODIC_SPENDING USDC.approve USDC/6 300000000 of 2000000000 per 86400 from " + (now - 50),
                "RULE_TOTAL SwapRouter02.exactInputSingle amountIn#4 USDC/6 1200000000 of 14000000000",
                "SPENDING USDC.transfer USDC/6 42000000 of 100000000",
                "CALLS USDC.transfer -/0 2 of 5",
                "RATE_LIMIT USDC.transfer -/0 4 of 10 per 3600 from " + (now - 60));
        assertThat(reader.actions(definition)).containsExactly("USDC.approve", "SwapRouter02.exactInputSingle", "USDC.transfer");
    }

    @Test
    void endedWindowsCountAsFreshAndRunningOnesDoNot() {
        long now = START + 3 * DAY;
        InMemoryPolicyState ended = new InMemoryPolicyState()
                .putPeriodic(policy(PolicyKind.PERIODIC_SPENDING_LIMIT), approveCfg, USDC, new PolicyState.Window(usdc(1_900), now - DAY))
                .putRate(policy(PolicyKind.RATE_LIMIT), transferCfg, new PolicyState.Window(BigInteger.TEN, now - HOUR));
        InMemoryPolicyState running = new InMemoryPolicyState()
                .putPeriodic(policy(PolicyKind.PERIODIC_SPENDING_LIMIT), approveCfg, USDC, new PolicyState.Window(usdc(1_900), now - DAY + 1))
                .putRate(policy(PolicyKind.RATE_LIMIT), transferCfg, new PolicyState.Window(BigInteger.TEN, now - HOUR + 1));

        SessionUsage fresh = reader.read(ACCOUNT, pid, definition, ended, now);
        assertThat(windowed(fresh)).as("the chain resets an ended window at the next use").allSatisfy(m -> {
            assertThat(m.used()).isZero();
            assertThat(m.periodStart()).isZero();
        });
        SessionUsage current = reader.read(ACCOUNT, pid, definition, running, now);
        assertThat(windowed(current)).extracting(Meter::used).containsExactly(usdc(1_900), BigInteger.TEN);
        assertThat(windowed(current)).extracting(Meter::periodStart).containsExactly(now - DAY + 1, now - HOUR + 1);
    }

    @Test
    void theCliViewGroupsTheSameMeters() {
        long now = START + DAY;
        InMemoryPolicyState state = new InMemoryPolicyState()
                .putPeriodic(policy(PolicyKind.PERIODIC_SPENDING_LIMIT), approveCfg, USDC, new PolicyState.Window(usdc(250), now - 10))
                .putRuleUsed(policy(PolicyKind.UNIVERSAL_ACTION), swapCfg, 4, usdc(700))
                .putRate(policy(PolicyKind.RATE_LIMIT), transferCfg, new PolicyState.Window(BigInteger.valueOf(3), now - 10));
        SessionView v = new SessionView(pid, "swap", ACCOUNT, KEY, SessionView.State.ENABLED, START, START + 7 * DAY,
                reader.read(ACCOUNT, pid, definition, state, now), List.of());

        assertThat(v.uses()).hasValueSatisfying(u -> assertThat(u.left()).isEqualTo(350));
        assertThat(v.spending()).extracting(s -> s.symbol() + " " + s.spent() + "/" + s.limit() + " " + s.periodSeconds().orElse(0L))
                .containsExactly("USDC 250000000/2000000000 86400", "USDC 0/100000000 0");
        assertThat(v.ruleTotals()).singleElement().satisfies(u -> {
            assertThat(u.what()).isEqualTo("SwapRouter02.exactInputSingle rule 4");
            assertThat(u.used()).isEqualTo(usdc(700));
        });
        assertThat(v.callLimits()).extracting(m -> m.function() + " " + m.kind() + " " + m.used() + "/" + m.limit())
                .containsExactly("USDC.transfer CALLS 0/5", "USDC.transfer RATE_LIMIT 3/10");
        assertThat(v.gasCostWei()).hasValueSatisfying(g -> assertThat(g.limit()).isEqualTo(new BigInteger("140000000000000000")));
    }

    private static List<Meter> windowed(SessionUsage u) {
        return u.meters().stream().filter(m -> m.kind() == Kind.PERIODIC_SPENDING || m.kind() == Kind.RATE_LIMIT).toList();
    }

    private static String line(Meter m) {
        return m.kind() + " " + m.function() + (m.argument().isEmpty() ? "" : " " + m.argument() + "#" + m.rule()) + " "
                + m.symbol().orElse("-") + "/" + m.decimals() + " " + m.used() + " of " + m.limit()
                + m.periodSeconds().map(p -> " per " + p + " from " + m.periodStart()).orElse("");
    }

    private static OnchainSession withTransfer(OnchainSession s) {
        List<ActionData> actions = new ArrayList<>(s.actions());
        actions.add(new ActionData(Catalog.TRANSFER.selector(), USDC, List.of(
                PolicyCodec.toPolicyData("actions", new Policy.SpendingLimits(List.of(new Policy.TokenLimit(USDC, usdc(100)))), POLICIES),
                PolicyCodec.toPolicyData("actions", new Policy.UsageLimit(BigInteger.valueOf(5)), POLICIES),
                PolicyCodec.toPolicyData("actions", new Policy.RateLimit(10, HOUR), POLICIES))));
        return new OnchainSession(s.sessionValidator(), s.sessionValidatorInitData(), s.salt(), s.userOpPolicies(), s.erc7739Policies(),
                actions, s.permitErc4337Paymaster());
    }

    private HexBytes actionCfg(Address target, Selector selector) {
        return Ids.configId(ACCOUNT, Ids.actionPolicyId(pid, Ids.actionId(target, selector)));
    }
}
