package dev.latchkey.session.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** A periodic or rate-limit window as the engine, the session meters and `session show` read it. */
class WindowTest {

    static final BigInteger SPENT = BigInteger.valueOf(7);

    @Test
    void countsUntilTheLastSecondOfItsWindowAndNothingFromTheFirstSecondAfter() {
        PolicyState.Window w = new PolicyState.Window(SPENT, 1_000);
        assertThat(w.usedAt(1_000, 60)).isEqualTo(SPENT);
        assertThat(w.usedAt(1_059, 60)).isEqualTo(SPENT);
        assertThat(w.endedAt(1_059, 60)).isFalse();
        assertThat(w.usedAt(1_060, 60)).as("yesterday's spend is not today's").isZero();
        assertThat(w.endedAt(1_060, 60)).isTrue();
    }

    @Test
    void aWindowNeverOpenedCountsNothing() {
        assertThat(PolicyState.Window.NONE.usedAt(5, 86_400)).isZero();
        assertThat(new PolicyState.Window(SPENT, 0).endedAt(0, 86_400)).isTrue();
    }
}
