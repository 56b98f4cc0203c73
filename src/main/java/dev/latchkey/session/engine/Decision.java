package dev.latchkey.session.engine;

/** The engine's answer. */
public sealed interface Decision {

    /** Allowed; the time-frame policies bound the operation to [validAfter, validUntil] (0 = unbounded). */
    record Allowed(long validAfter, long validUntil) implements Decision { }

    record Refused(Refusal reason) implements Decision { }

    default boolean allowed() {
        return this instanceof Allowed;
    }
}
