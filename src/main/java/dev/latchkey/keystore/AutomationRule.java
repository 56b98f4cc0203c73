package dev.latchkey.keystore;

import java.time.Instant;

/**
 * The readable part of a stored automation rule (its parameters are sealed: {@link Automations#spec}).
 * {@code nextSeq}/{@code nextAttempt} name the trigger the rule fires next; {@code version} grows with every edit.
 * Arrays are not copied.
 */
public record AutomationRule(byte[] ruleId, byte[] permissionId, String kind, String label, long version, Status status,
                             String statusReason, long nextSeq, int nextAttempt, Instant createdAt, Instant updatedAt) {

    /** Life cycle: ACTIVE rules are evaluated; NEEDS_ATTENTION waits for the owner; REMOVED is kept for history. */
    public enum Status { ACTIVE, PAUSED, NEEDS_ATTENTION, DONE, REMOVED }

    AutomationRule withStatusReason(String reason) {
        return new AutomationRule(ruleId, permissionId, kind, label, version, status, reason, nextSeq, nextAttempt, createdAt, updatedAt);
    }
}
