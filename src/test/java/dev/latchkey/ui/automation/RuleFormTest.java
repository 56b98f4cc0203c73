package dev.latchkey.ui.automation;

import static dev.latchkey.automation.Fixture.BOB;
import static dev.latchkey.automation.Fixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.automation.Fixture;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.session.model.FieldException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Edit" shows a stored rule in the form; saving the untouched form must give back exactly that rule. */
class RuleFormTest {

    private static final long NOW = 1_900_000_000L;

    @Test
    void everyKindRoundTripsThroughTheFormUnchanged() {
        List<RuleSpec> rules = List.of(
                new RuleSpec.LimitOrder("WETH", "USDC", 3000, RuleSpec.Side.SELL, new BigInteger("250000000000000000"), new BigDecimal("3100.5"), 75),
                new RuleSpec.StopOrder("WETH", "USDC", 500, BigInteger.TEN.pow(18), new BigDecimal("2500"), null, 100),
                new RuleSpec.StopOrder("WETH", "USDC", 500, BigInteger.TEN.pow(18), null, new BigDecimal("4000"), 100),
                new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", BOB, null, 0, usdc(10), 60, NOW - 600, NOW + 86_400, 0, 0),
                new RuleSpec.RecurringPayment(RuleSpec.Mode.SWAP, "USDC", null, "WETH", 500, new BigInteger("12500000"), 86_400, NOW - 600, 0, 4, 50),
                new RuleSpec.AutoRepay("USDC", new BigDecimal("1.25"), new BigDecimal("1.6"), usdc(500)));
        for (RuleSpec rule : rules) {
            RuleForm.Prefill p = RuleForm.prefill(rule, Fixture.NET);
            assertThat(RuleForm.spec(p.kind(), p.values(), Fixture.NET, NOW, rule)).as(rule.toString()).isEqualTo(rule);
        }
    }

    @Test
    void aRetypedPeriodIsTakenInHoursAndTheScheduleStartStays() {
        RuleSpec.RecurringPayment cli = new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", BOB, null, 0, usdc(10), 60, NOW - 600, 0, 5, 0);
        RuleForm.Prefill p = RuleForm.prefill(cli, Fixture.NET);
        assertThat(p.values().get(RuleForm.Field.EVERY_HOURS)).isEqualTo("0.0167");
        Map<RuleForm.Field, String> typed = new EnumMap<>(p.values());
        typed.put(RuleForm.Field.EVERY_HOURS, "0.5");
        RuleSpec.RecurringPayment saved = (RuleSpec.RecurringPayment) RuleForm.spec(p.kind(), typed, Fixture.NET, NOW, cli);
        assertThat(saved.periodSeconds()).isEqualTo(1800);
        assertThat(saved.start()).isEqualTo(NOW - 600);
        assertThat(((RuleSpec.RecurringPayment) RuleForm.spec(p.kind(), typed, Fixture.NET, NOW)).start()).as("a new rule starts now").isEqualTo(NOW);
        typed.put(RuleForm.Field.EVERY_HOURS, "0.00001");
        assertThatThrownBy(() -> RuleForm.spec(p.kind(), typed, Fixture.NET, NOW, cli)).isInstanceOf(FieldException.class)
                .hasMessageContaining("Every (hours)").hasMessageContaining("whole seconds");
    }
}
