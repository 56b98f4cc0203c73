package dev.latchkey.signer;

/**
 * What the signer would decide about an intent right now, without reserving, signing or logging anything: the same
 * checks as a submit (session match, never-rules, rules, the engine with soft limits and the session's operations in
 * flight), stopping before the operation is built.
 */
public sealed interface DryRun {

    /** The session that would sign it; {@code enables}: this operation would enable it on chain first. */
    record Pass(byte[] permissionId, boolean enables) implements DryRun { }

    /** The signer's refusal, in its own words ({@code reason} as in {@link Outcome.Refused}). */
    record Refused(String reason, String message) implements DryRun { }
}
