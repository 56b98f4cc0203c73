package dev.latchkey.automation;

import dev.latchkey.aa.execution.Execution;
import java.util.List;
import java.util.function.Supplier;

/** What one evaluation of a rule decided. {@code code} is stable (evaluation rows are written when it changes). */
sealed interface Verdict {

    /** The trigger is not met (price on the other side of the level, payment not due, health factor fine). */
    record Wait(String code, String message) implements Verdict { }

    /** The trigger is met; {@code calls} builds the calls (may quote on chain, may throw). */
    record Fire(String reason, Supplier<List<Execution>> calls) implements Verdict { }

    /** The trigger is met but cannot fire now (balance, an on-chain window still full); re-evaluated next block. */
    record Skip(String code, String message) implements Verdict { }

    /** The owner must act (session expired or revoked, schedule beyond the session); the rule stops. */
    record Attention(String message) implements Verdict { }

    /** Nothing left to do (all payments made). */
    record Done(String message) implements Verdict { }
}
