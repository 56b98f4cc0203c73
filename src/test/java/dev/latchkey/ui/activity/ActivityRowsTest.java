package dev.latchkey.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.keystore.CallOutcome;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.JournalState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows from the journal alone: an operation whose "included" log line was lost to a crash after its FINAL commit. */
class ActivityRowsTest {

    static final String INTENT = "00112233445566778899aabbccddeeff";

    @Test
    void aFinalRowWithoutItsIncludedLineShowsTheJournalsCallOutcome() {
        assertThat(row(CallOutcome.REVERTED).status()).isEqualTo(ActivityRow.Status.FAILED);
        assertThat(row(CallOutcome.REVERTED).reason()).contains("call reverted");
        assertThat(row(CallOutcome.SUCCEEDED).status()).isEqualTo(ActivityRow.Status.INCLUDED);
        assertThat(row(CallOutcome.UNKNOWN).status()).as("rows from before the outcome was recorded").isEqualTo(ActivityRow.Status.INCLUDED);
    }

    private static ActivityRow row(CallOutcome call) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        JournalEntry j = new JournalEntry(new byte[16], new byte[32], 31337, "0x1111111111111111111111111111111111111111", new byte[24], 0,
                new byte[] {1}, "{}", new byte[32], JournalState.FINAL, null, 9L, new byte[32], at, call);
        ActivityPort.Snapshot s = new ActivityPort.Snapshot(List.of(new ActivityLog.Entry(1, at, "signer.approved", INTENT, "approved")),
                Map.of(INTENT, j), Map.of(), Map.of(), null);
        return new ActivityRows(ZoneOffset.UTC).rows(s).get(0);
    }
}
