package dev.latchkey.ui.activity;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line of the activity screen: an operation of the background signer (one intent: its decision and, when
 * approved, its way to inclusion) or a wallet event (session approved, account funded, wallet unlocked...).
 *
 * @param key       the intent id (hex) for operations, {@code log-<id>} for events
 * @param session   the permission id (0x-hex) when known, else empty
 * @param reason    why it was refused or failed, else empty
 * @param amounts   per token (address, lower-case hex) what the operation reserved and, once included, spent
 * @param timeline  every log line of this intent, oldest first, "HH:mm:ss decision: detail"
 * @param automation the label of the automation rule this event is about or that fired this operation, else empty
 */
public record ActivityRow(String key, Instant at, Status status, String what, String session, String sessionLabel, String reason,
                          Optional<String> userOpHash, Optional<String> transactionHash, OptionalLong nonceSeq,
                          Map<String, BigInteger> amounts, List<String> timeline,
                          String automation) {

    public ActivityRow {
        amounts = Map.copyOf(amounts);
        timeline = List.copyOf(timeline);
    }

    /** What became of it. */
    public enum Status {
        PENDING("pending"), INCLUDED("included"), REFUSED("refused"), FAILED("failed"), EVENT("event");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public boolean isOperation() {
        return status != Status.EVENT;
    }

    /** An automation's own event (fired, skipped, succeeded, paused...) or an operation an automation fired. */
    public boolean isAutomation() {
        return !automation.isEmpty();
    }
}
