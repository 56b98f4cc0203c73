package dev.latchkey.keystore;

/**
 * Whether an included operation's call did what it was sent to do, from the bundler's receipt. An operation that
 * reverts is still included: its nonce and gas are spent and the journal row goes FINAL, so FINAL alone does not
 * mean the swap happened.
 */
public enum CallOutcome {
    SUCCEEDED,
    REVERTED,
    /** Not recorded: rows written before schema version 6, rows not (yet) included, rows resolved by reconciliation. */
    UNKNOWN;

    public static CallOutcome of(boolean success) {
        return success ? SUCCEEDED : REVERTED;
    }

    /** The stored column: NULL, 0 or 1. */
    static CallOutcome ofColumn(Integer value) {
        return value == null ? UNKNOWN : value == 1 ? SUCCEEDED : REVERTED;
    }
}
