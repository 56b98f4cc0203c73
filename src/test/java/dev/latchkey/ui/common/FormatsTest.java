package dev.latchkey.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void amountsAreGroupedAndRoundedDown() {
        assertThat(Formats.amount(new BigInteger("2000000000"), 6)).isEqualTo("2,000");
        assertThat(Formats.amount(new BigInteger("1234567891"), 6)).isEqualTo("1,234.567891");
        assertThat(Formats.amount(new BigInteger("33266599999999999"), 18)).as("never rounds a balance up").isEqualTo("0.033266");
        assertThat(Formats.amount(BigInteger.ZERO, 18, "WETH")).isEqualTo("0 WETH");
        assertThat(Formats.usd(new BigInteger("123456789012"))).isEqualTo("$1,234.56");
    }

    @Test
    void healthFactorWithoutDebtIsInfinite() {
        assertThat(Formats.healthFactor(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE))).isEqualTo("∞");
        assertThat(Formats.healthFactor(new BigInteger("1859999999999999999"))).isEqualTo("1.85");
    }

    @Test
    void durationsUseTheTwoLargestUnits() {
        assertThat(Formats.duration(6 * 86_400 + 23 * 3600 + 59)).isEqualTo("6 d 23 h");
        assertThat(Formats.duration(5 * 3600 + 12 * 60 + 7)).isEqualTo("5 h 12 min");
        assertThat(Formats.duration(12 * 60 + 5)).isEqualTo("12 min 05 s");
        assertThat(Formats.duration(45)).isEqualTo("45 s");
        assertThat(Formats.duration(-3)).isEqualTo("0 s");
    }

    @Test
    void longHexIsShortened() {
        assertThat(Formats.shortHex("0x" + "ab".repeat(32))).isEqualTo("0xabab…abab");
        assertThat(Formats.shortHex("0x1234")).isEqualTo("0x1234");
    }
}
