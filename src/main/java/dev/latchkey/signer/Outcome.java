package dev.latchkey.signer;

import dev.latchkey.session.model.HexBytes;

/** How an intent ended. Every outcome is also one row in the activity log. */
public sealed interface Outcome {

    String intentId();

    /** Signed, sent and included; the ledger reservation is final. */
    record Included(String intentId, HexBytes userOpHash, long nonceSeq, String transactionHash, boolean success)
            implements Outcome { }

    /** Refused before anything was signed; journal and ledger are unchanged. {@code reason} is a stable code. */
    record Refused(String intentId, String reason, String message) implements Outcome { }

    /** Signed (or reserved) but could not be completed; {@code error} says why. */
    record Failed(String intentId, String error) implements Outcome { }

    /**
     * Signed and handed to a bundler, but not confirmed yet — waiting for the chain. A bundler rejected it or did not
     * answer, yet the signed operation may still land until the chain decides (its sequence is consumed, by it or by a
     * replacement, or its session's validUntil passed). The journal row keeps holding its sequence and budget; the
     * signer follows it to its end. Submitting the same intent id again waits for that end.
     */
    record Unconfirmed(String intentId, long nonceSeq, String detail) implements Outcome { }

    /** The id was seen before: nothing new was signed. */
    record Duplicate(String intentId, String journalState) implements Outcome { }
}
