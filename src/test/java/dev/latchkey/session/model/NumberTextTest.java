package dev.latchkey.session.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Typed numbers: ASCII digits only, bounded length and exponent, thousands grouping only, errors naming the field. */
class NumberTextTest {

    @Test
    void readsPlainGroupedAndExponentDecimals() {
        assertThat(NumberText.decimal("p", "2500")).isEqualByComparingTo("2500");
        assertThat(NumberText.decimal("p", " 2,500.5 ")).isEqualByComparingTo("2500.5");
        assertThat(NumberText.decimal("p", "1,000,000")).isEqualByComparingTo("1000000");
        assertThat(NumberText.decimal("p", "1_000")).isEqualByComparingTo("1000");
        assertThat(NumberText.decimal("p", ".5")).isEqualByComparingTo("0.5");
        assertThat(NumberText.decimal("p", "1e6")).isEqualByComparingTo("1000000");
        assertThat(NumberText.decimal("p", "1e80")).isEqualByComparingTo(BigDecimal.TEN.pow(80));
    }

    @Test
    void unicodeDigitsAreRefused() {
        for (String t : new String[] {"1٠5", "١٢٣", "１２３", "1२3", "12\u00a03"}) {
            assertThatThrownBy(() -> NumberText.decimal("--price", t)).as(t).isInstanceOf(FieldException.class)
                    .hasMessageStartingWith("--price: use the digits 0-9 only");
            assertThatThrownBy(() -> NumberText.whole("--days", t, 0, 10)).as(t).isInstanceOf(FieldException.class)
                    .hasMessageStartingWith("--days: use the digits 0-9 only");
        }
    }

    @Test
    void hugeExponentsAndLongTextAreRefusedBeforeAnyValueIsBuilt() {
        assertThatThrownBy(() -> NumberText.decimal("--price", "1e100000000")).isInstanceOf(FieldException.class)
                .hasMessage("--price: exponent too large (at most e80): 1e100000000");
        assertThatThrownBy(() -> NumberText.decimal("--max-per-day", "1e999999999")).hasMessageStartingWith("--max-per-day: exponent too large");
        assertThatThrownBy(() -> NumberText.decimal("--max-per-day", "1e9999999999999")).hasMessageStartingWith("--max-per-day: not a decimal");
        assertThatThrownBy(() -> NumberText.decimal("x", "1e-81")).hasMessageStartingWith("x: exponent too large");
        assertThatThrownBy(() -> NumberText.decimal("x", "9".repeat(101))).hasMessage("x: too long for a number (at most 100 characters)");
        assertThat(NumberText.decimal("x", "9".repeat(100))).isNotNull();
    }

    @Test
    void aCommaOnlyGroupsThousands() {
        assertThatThrownBy(() -> NumberText.decimal("amount", "1,5")).hasMessageStartingWith("amount: a comma only groups thousands");
        assertThatThrownBy(() -> NumberText.decimal("amount", "1.000,5")).hasMessageStartingWith("amount: a comma only groups thousands");
        assertThatThrownBy(() -> NumberText.decimal("amount", "12,34,567")).hasMessageStartingWith("amount: a comma only groups thousands");
    }

    @Test
    void signsFractionsAndRangesOfWholeNumbers() {
        assertThatThrownBy(() -> NumberText.decimal("amount", "-5")).hasMessage("amount: must not be negative: -5");
        assertThatThrownBy(() -> NumberText.decimal("amount", "")).hasMessage("amount: missing");
        assertThatThrownBy(() -> NumberText.decimal("amount", "1.2.3")).hasMessage("amount: not a decimal number: 1.2.3");
        assertThatThrownBy(() -> NumberText.decimal("amount", "0x10")).hasMessage("amount: not a decimal number: 0x10");
        assertThatThrownBy(() -> NumberText.whole("n", "abc", 0, 9)).hasMessage("n: not a whole number: abc");
        assertThat(NumberText.whole("--days", "7", 1, 7)).isEqualTo(7);
        assertThatThrownBy(() -> NumberText.whole("--days", "8", 1, 7)).hasMessage("--days: must be 1..7, got 8");
        assertThatThrownBy(() -> NumberText.whole("--days", "99999999999999999999999", 1, 7)).hasMessage("--days: must be 1..7, got 99999999999999999999999");
        assertThatThrownBy(() -> NumberText.whole("--days", "1.5", 1, 7)).hasMessage("--days: not a whole number: 1.5");
        assertThatThrownBy(() -> NumberText.whole("--days", "1e3", 1, 7)).hasMessage("--days: not a whole number: 1e3");
        assertThat(NumberText.decimal("s", "50", BigDecimal.valueOf(100))).isEqualByComparingTo("50");
        assertThatThrownBy(() -> NumberText.decimal("s", "101", BigDecimal.valueOf(100))).hasMessage("s: at most 100, got 101");
    }
}
