package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionClockTest {

    private static final Clock WALL = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);

    @Test
    void aChainBehindTheWallClockSetsNow() {
        // an idle devnet whose last block is five minutes old: a session starting "now" must already be valid there
        assertThat(ProductionServices.sessionClock(1_800_000_000L - 300, WALL).instant().getEpochSecond())
                .isEqualTo(1_800_000_000L - 300);
    }

    @Test
    void aChainAheadOfTheWallClockDoesNot() {
        // the bundler judges validAfter by its own clock: never start later than the wall clock
        assertThat(ProductionServices.sessionClock(1_800_000_000L + 3_600, WALL).instant().getEpochSecond())
                .isEqualTo(1_800_000_000L);
    }
}
