package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordStrengthTest {

    @Test
    void emptyAndShortPasswordsAreRejectedWithTheLengthReason() {
        assertThat(PasswordStrength.of("").acceptable()).isFalse();
        PasswordStrength s = PasswordStrength.of("Ab1!x");
        assertThat(s.acceptable()).isFalse();
        assertThat(s.score()).isLessThanOrEqualTo(1);
        assertThat(s.reasons()).anyMatch(r -> r.contains("at least 10") && r.contains("5 so far"));
    }

    @Test
    void commonWordsRunsAndLowVarietyAreExplained() {
        assertThat(PasswordStrength.of("Password12345!").reasons()).anyMatch(r -> r.contains("common words"));
        assertThat(PasswordStrength.of("Password12345!").acceptable()).isFalse();
        assertThat(PasswordStrength.of("xaaaQ7!zzkk").reasons()).anyMatch(r -> r.contains("repeated"));
        assertThat(PasswordStrength.of("abcdefghij").reasons()).anyMatch(r -> r.contains("Mix"));
    }

    @Test
    void longMixedPasswordsAndPassphrasesAreStrong() {
        PasswordStrength mixed = PasswordStrength.of("Correct-Horse-42-battery");
        assertThat(mixed.acceptable()).isTrue();
        assertThat(mixed.score()).isEqualTo(4);
        assertThat(mixed.reasons()).isEmpty();
        assertThat(PasswordStrength.of("purple tractor evening orbit").acceptable()).isTrue();
        assertThat(mixed.fraction()).isEqualTo(1.0);
    }
}
