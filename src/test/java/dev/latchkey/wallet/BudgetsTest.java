package dev.latchkey.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.WalletSession;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ledger lines from spending policies: lifetime caps add up, periodic caps count every period the session can touch. */
class BudgetsTest {

    static final Address USDC = new Address("0x" + "01".repeat(20));
    static final Address DAI = new Address("0x" + "02".repeat(20));
    static final Policy ARGS = new Policy.UniversalAction(BigInteger.ZERO, List.of(new ParamRule(ParamCondition.EQUAL, BigInteger.ZERO,
            BigInteger.ONE, Optional.empty())));

    static WalletSession session(List<Policy> userOp, Action... actions) {
        return new WalletSession(new Owners.Ecdsa(List.of(new Address("0x" + "0a".repeat(20))), 1), List.of(actions), userOp,
                HexBytes.zeros(32), List.of(1L), Optional.empty(), false);
    }

    @Test
    void periodicCapsCountEveryPeriodAndLifetimeCapsAddUp() {
        Action approve = new Action(USDC, new Selector("0x095ea7b3"), List.of(ARGS,
                new Policy.PeriodicSpendingLimit(List.of(new Policy.TokenLimit(USDC, BigInteger.valueOf(2_000))), 86_400)));
        Action transfer = new Action(USDC, new Selector("0xa9059cbb"), List.of(ARGS,
                new Policy.SpendingLimits(List.of(new Policy.TokenLimit(USDC, BigInteger.valueOf(500)), new Policy.TokenLimit(DAI, BigInteger.TEN)))));
        WalletSession s = session(List.of(new Policy.UsageLimit(BigInteger.valueOf(350))), approve, transfer);

        // 7 days and one second: 8 daily windows can be touched.
        assertThat(Budgets.of(s, 1_000, 1_000 + 7 * 86_400 + 1)).containsExactly(
                new Budgets.Line(USDC.hex(), BigInteger.valueOf(8 * 2_000 + 500), 350),
                new Budgets.Line(DAI.hex(), BigInteger.TEN, 350));
        assertThat(Budgets.of(s, 1_000, 1_000 + 7 * 86_400)).first().extracting(Budgets.Line::cap).isEqualTo(BigInteger.valueOf(14_500));
    }

    @Test
    void nativeValueHasALineOnlyWhenAValuePolicyAllowsIt() {
        Action noValue = new Action(USDC, new Selector("0xa9059cbb"), List.of(ARGS));
        assertThat(Budgets.of(session(List.of(new Policy.UsageLimit(BigInteger.TEN)), noValue), 0, 100)).isEmpty();

        Action withValue = new Action(USDC, new Selector("0xa9059cbb"), List.of(new Policy.UniversalAction(BigInteger.valueOf(5),
                List.of(new ParamRule(ParamCondition.EQUAL, BigInteger.ZERO, BigInteger.ONE, Optional.empty())))));
        assertThat(Budgets.of(session(List.of(new Policy.UsageLimit(BigInteger.TEN)), withValue), 0, 100))
                .containsExactly(new Budgets.Line(Address.ZERO.hex(), BigInteger.valueOf(50), 10));
        assertThat(Budgets.of(session(List.of(new Policy.ValueLimit(BigInteger.valueOf(7))), withValue), 0, 100))
                .as("a value limit caps the total; no usage limit means unlimited uses")
                .containsExactly(new Budgets.Line(Address.ZERO.hex(), BigInteger.valueOf(7), Long.MAX_VALUE));
    }
}
