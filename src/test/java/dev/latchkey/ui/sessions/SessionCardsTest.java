package dev.latchkey.ui.sessions;

import static dev.latchkey.wallet.UsageFixture.ACCOUNT;
import static dev.latchkey.wallet.UsageFixture.DAY;
import static dev.latchkey.wallet.UsageFixture.KEY;
import static dev.latchkey.wallet.UsageFixture.NETWORK;
import static dev.latchkey.wallet.UsageFixture.POLICIES;
import static dev.latchkey.wallet.UsageFixture.ROUTER;
import static dev.latchkey.wallet.UsageFixture.START;
import static dev.latchkey.wallet.UsageFixture.USDC;
import static dev.latchkey.wallet.UsageFixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.catalog.Catalog;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.TemplateSession;
import dev.latchkey.ui.common.Formats;
import dev.latchkey.wallet.SessionUsage;
import dev.latchkey.wallet.UsageFixture;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Cards of the Uniswap template session over an in-memory policy state keyed as SmartSession keys it (config id =
 * keccak(account ‖ policy id), spec §1.2): the meters must read exactly the slots the contracts write.
 */
class SessionCardsTest {

    private final TemplateSession swap = UsageFixture.swap();
    private final SessionCards cards = new SessionCards(POLICIES, NETWORK);

    @Test
    void metersReadTheSlotsThePoliciesWrite() {
        HexBytes pid = swap.permissionId();
        HexBytes approveCfg = Ids.configId(ACCOUNT, Ids.actionPolicyId(pid, Ids.actionId(USDC, Catalog.APPROVE.selector())));
        HexBytes swapCfg = Ids.configId(ACCOUNT, Ids.actionPolicyId(pid, Ids.actionId(ROUTER, Catalog.EXACT_INPUT_SINGLE.selector())));
        HexBytes opCfg = Ids.configId(ACCOUNT, pid);
        long now = START + 3 * DAY + 100;
        InMemoryPolicyState state = new InMemoryPolicyState()
                .putPeriodic(POLICIES.byKind().get(PolicyKind.PERIODIC_SPENDING_LIMIT), approveCfg, USDC,
                        new PolicyState.Window(usdc(300), now - 50))
                .putRuleUsed(POLICIES.byKind().get(PolicyKind.UNIVERSAL_ACTION), swapCfg, 4, usdc(1_200))
                .putUsage(POLICIES.byKind().get(PolicyKind.USAGE_LIMIT), opCfg, BigInteger.valueOf(3))
                .putGasCost(POLICIES.byKind().get(PolicyKind.GAS_COST_LIMIT), opCfg, new BigInteger("600000000000000"));

        SessionCard card = cards.card(record(SessionStatus.ENABLED, true), swap.onchain(), "uniswap-swap", state, now);

        assertThat(card.status()).isEqualTo(SessionCard.Status.ENABLED);
        assertThat(card.problem()).isEmpty();
        assertThat(card.operations()).hasValueSatisfying(m -> {
            assertThat(m.used()).isEqualTo(3);
            assertThat(m.left()).isEqualTo(347);
        });
        assertThat(card.meters()).extracting(m -> m.title() + " " + m.window() + ": " + m.text()).containsExactly(
                "Gas in total: 0.0006 / 0.14 ETH",
                "USDC today: 300 / 2,000 USDC",
                "USDC in total: 1,200 / 14,000 USDC");
        assertThat(card.meters().get(1).fraction()).isEqualTo(0.15);
        assertThat(card.meters().get(2).source()).isEqualTo("SwapRouter02.exactInputSingle amountIn, cumulative rule");
        assertThat(card.actions()).containsExactly("USDC.approve", "SwapRouter02.exactInputSingle");
    }

    @Test
    void aDailyWindowThatEndedCountsAsFresh() {
        HexBytes pid = swap.permissionId();
        HexBytes approveCfg = Ids.configId(ACCOUNT, Ids.actionPolicyId(pid, Ids.actionId(USDC, Catalog.APPROVE.selector())));
        long now = START + 3 * DAY;
        InMemoryPolicyState state = new InMemoryPolicyState().putPeriodic(POLICIES.byKind().get(PolicyKind.PERIODIC_SPENDING_LIMIT),
                approveCfg, USDC, new PolicyState.Window(usdc(1_900), now - DAY));
        SessionCard card = cards.card(record(SessionStatus.ENABLED, true), swap.onchain(), "swap", state, now);
        assertThat(card.meters()).filteredOn(m -> m.window().equals("today")).singleElement()
                .satisfies(m -> assertThat(m.used()).isZero());
    }

    @Test
    void sharedMetersAreWordedForTheScreen() {
        SessionUsage.Meter rate = new SessionUsage.Meter(SessionUsage.Kind.RATE_LIMIT, "USDC.transfer", "", -1, Optional.empty(),
                Optional.empty(), 0, BigInteger.valueOf(4), BigInteger.TEN, Optional.of(3_600L), START);
        SessionUsage.Meter weekly = new SessionUsage.Meter(SessionUsage.Kind.PERIODIC_SPENDING, "USDC.approve", "", -1,
                Optional.of(USDC), Optional.of("USDC"), 6, usdc(5), usdc(20), Optional.of(7 * DAY), START);
        Address unknown = new Address("0x5000000000000000000000000000000000000005");
        SessionUsage.Meter spend = new SessionUsage.Meter(SessionUsage.Kind.SPENDING, "X.transfer", "", -1, Optional.of(unknown),
                Optional.empty(), 0, BigInteger.ONE, BigInteger.TWO, Optional.empty(), 0);
        SessionUsage.Meter value = new SessionUsage.Meter(SessionUsage.Kind.VALUE, "", "", -1, Optional.empty(), Optional.of("ETH"), 18,
                BigInteger.ZERO, new BigInteger("1000000000000000000"), Optional.empty(), 0);

        assertThat(List.of(rate, weekly, spend, value)).extracting(SessionCards::meter)
                .extracting(m -> m.title() + " " + m.window() + ": " + m.text() + " (" + m.source() + ")").containsExactly(
                        "USDC.transfer calls per 1 h 0 min: 4 / 10 (rate limit)",
                        "USDC per 7 d 0 h: 5 / 20 USDC (USDC.approve, periodic limit)",
                        Formats.shortHex(unknown.checksummed()) + " in total: 1 / 2 units (X.transfer, spending limit)",
                        "ETH value in total: 0 / 1 ETH (value limit)");
    }

    @Test
    void statusFollowsTheRecordAndChainTime() {
        long inside = START + DAY;
        long after = START + 7 * DAY;
        assertThat(SessionCards.status(record(SessionStatus.PENDING_ENABLE, false), inside)).isEqualTo(SessionCard.Status.AWAITING_APPROVAL);
        assertThat(SessionCards.status(record(SessionStatus.PENDING_ENABLE, true), inside)).isEqualTo(SessionCard.Status.READY);
        assertThat(SessionCards.status(record(SessionStatus.ENABLED, true), inside)).isEqualTo(SessionCard.Status.ENABLED);
        assertThat(SessionCards.status(record(SessionStatus.ENABLED, true), after)).as("chain time reached validUntil")
                .isEqualTo(SessionCard.Status.EXPIRED);
        assertThat(SessionCards.status(record(SessionStatus.REVOKING, true), inside)).isEqualTo(SessionCard.Status.REVOKING);
        assertThat(SessionCards.status(record(SessionStatus.REVOKED, true), after)).isEqualTo(SessionCard.Status.REVOKED);
        assertThat(SessionCard.Status.READY.live()).isTrue();
        assertThat(SessionCard.Status.REVOKED.live()).isFalse();
    }

    @Test
    void unreadableUsageStillShowsTheCard() {
        InMemoryPolicyState zero = new InMemoryPolicyState();
        PolicyState broken = new PolicyState() {
            @Override public BigInteger usageUsed(Address p, HexBytes c) { return zero.usageUsed(p, c); }
            @Override public BigInteger valueUsed(Address p, HexBytes c) { return zero.valueUsed(p, c); }
            @Override public Spending spending(Address p, HexBytes c, Address token) { return zero.spending(p, c, token); }
            @Override public Window periodicBudget(Address p, HexBytes c, Address token) {
                throw new IllegalStateException("execution reverted");
            }
            @Override public Window rateLimit(Address p, HexBytes c) { return zero.rateLimit(p, c); }
            @Override public BigInteger gasCostUsed(Address p, HexBytes c) { return zero.gasCostUsed(p, c); }
            @Override public BigInteger ruleUsed(Address p, HexBytes c, int rule) { return zero.ruleUsed(p, c, rule); }
        };
        SessionCard card = cards.card(record(SessionStatus.ENABLED, true), swap.onchain(), "swap", broken, START + 10);
        assertThat(card.problem()).hasValue("Usage could not be read: execution reverted");
        assertThat(card.meters()).isEmpty();
        assertThat(card.actions()).hasSize(2);
    }

    private SessionRecord record(SessionStatus status, boolean approved) {
        return new SessionRecord(swap.permissionId().bytes(), ACCOUNT.checksummed(), KEY.checksummed(), new byte[32],
                SessionAbi.encode(swap.onchain()).bytes(), new byte[32], START, START + 7 * DAY, status, new byte[24],
                List.of(new SessionRecord.Chain(31337, TradeNetwork.SMART_SESSION_V1.checksummed(), 0)), approved);
    }

}
