package dev.latchkey.keystore;

import java.time.Instant;

/**
 * One trigger of a rule handed to the signer: {@code intentId} is derived from (rule, seq, attempt), so the same
 * trigger always yields the same id and the signer never signs it twice. Arrays are not copied.
 */
public record AutomationFiring(byte[] intentId, byte[] ruleId, long seq, int attempt, long block, long chainTime,
                               byte[] callData, State state, String outcome, String detail, Instant updatedAt) {

    /** PENDING until the signer's outcome is known; SUCCEEDED = included and executed; FAILED = no effect. */
    public enum State { PENDING, SUCCEEDED, FAILED }
}
