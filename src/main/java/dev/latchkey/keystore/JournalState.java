package dev.latchkey.keystore;

import java.util.EnumSet;
import java.util.Set;

/**
 * States of the signer's write-ahead journal (security.md §1.4 {@code userop_journal}). Sign only after RESERVED is
 * committed; send only after SIGNED is committed. FINAL, FAILED, CANCELLED and CONFLICT are terminal.
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
            case FINAL, FAILED, CANCELLED, CONFLICT -> EnumSet.noneOf(JournalState.class);
        };
    }

    public boolean canMoveTo(JournalState target) {
        return next().contains(target);
    }

    public boolean isTerminal() {
        return next().isEmpty();
    }
}
