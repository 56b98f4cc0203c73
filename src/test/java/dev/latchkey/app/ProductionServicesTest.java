package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The builder's clock starts sessions where the chain and the bundler both consider them valid. */
class ProductionServicesTest {

    @Test
    void aChainBehindTheWallClockPullsTheStartBackToItsTimeLessAMinute() {
        long wall = System.currentTimeMillis() / 1000;
        InstantSource clock = ProductionServices.sessionStartClock(wall - 300);
        long start = clock.instant().getEpochSecond();
        assertThat(start).isBetween(wall - 300 - 60, wall - 300 - 60 + 2);
    }

    @Test
    void aChainAheadOfTheWallClockStillStartsAMinuteBeforeTheWallClock() {
        long wall = System.currentTimeMillis() / 1000;
        long start = ProductionServices.sessionStartClock(wall + 500).instant().getEpochSecond();
        assertThat(start).isBetween(wall - 60, wall - 60 + 2);
    }
}
