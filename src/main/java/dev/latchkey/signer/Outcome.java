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

    /** The id was seen before: nothing new was signed. */
    record Duplicate(String intentId, String journalState) implements Outcome { }
}
