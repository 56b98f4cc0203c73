package dev.latchkey.keystore;

import java.util.EnumSet;
import java.util.Set;

/**
 * States of the signer's write-ahead journal (security.md §1.4 {@code userop_journal}). Sign only after RESERVED is
 * committed; send only after SIGNED is committed. FINAL, FAILED, CANCELLED are terminal; CONFLICT waits for
 * reconciliation (→ FINAL if our operation landed after all, else CANCELLED).
 */
public enum JournalState {
    RESERVED, SIGNED, SUBMITTED, UNKNOWN, INCLUDED, FINAL, FAILED, CANCELLED, CONFLICT;

    /** Legal next states. INCLUDED may fall back to SUBMITTED on a reorg. */
    public Set<JournalState> next() {
        return switch (this) {
            case RESERVED -> EnumSet.of(SIGNED, FAILED, CANCELLED);
            case SIGNED -> EnumSet.of(SUBMITTED, UNKNOWN, FAILED, CONFLICT);
            case SUBMITTED -> EnumSet.of(INCLUDED, UNKNOWN, FAILED, CONFLICT);
            case UNKNOWN -> EnumSet.of(SUBMITTED, INCLUDED, FAILED, CONFLICT);
            case INCLUDED -> EnumSet.of(FINAL, SUBMITTED);
            // Reconciliation resolves a conflict: our userOpHash was included after all (FINAL) or not (CANCELLED).
            case CONFLICT -> EnumSet.of(FINAL, CANCELLED);
            case FINAL, FAILED, CANCELLED -> EnumSet.noneOf(JournalState.class);
        };
    }

    public boolean canMoveTo(JournalState target) {
        return next().contains(target);
    }

    /** No further move: FINAL, FAILED, CANCELLED; and CONFLICT, which only reconciliation resolves. */
    public boolean isTerminal() {
        return this == CONFLICT || next().isEmpty();
    }
}
