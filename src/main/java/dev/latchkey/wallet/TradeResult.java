package dev.latchkey.wallet;

import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.build.Quote;
import java.math.BigInteger;
import java.util.Optional;

/** What became of one trade click. Each is also one decision row in the activity log (written by the signer). */
public sealed interface TradeResult {

    String intentId();

    String description();

    /** Signed by the session key, included on chain. {@code success} is the account call's own result. */
    record Included(String intentId, String description, HexBytes userOpHash, String transactionHash, long nonceSeq,
                    boolean success, Optional<Quote> quote, Optional<BigInteger> amountOutMinimum) implements TradeResult { }

    /** Refused before anything was signed (journal and ledger unchanged); {@code reason} is the signer's stable code. */
    record Refused(String intentId, String description, String reason, String message) implements TradeResult { }

    /** Reserved or signed but not completed; the journal keeps it and the signer resumes it. */
    record Failed(String intentId, String description, String error) implements TradeResult { }

    /**
     * Handed to a bundler that refused it or did not answer, but the signed operation may still land: not confirmed
     * yet — waiting for the chain. Not a failure: retrying the same trade follows this operation ({@code retry}) instead of
     * making a second one.
     */
    record Unconfirmed(String intentId, String description, long nonceSeq, String detail) implements TradeResult {

        /** The words people see. */
        public static final String HEADLINE = "not confirmed yet — waiting for the chain";
    }

    /** The same intent id was submitted before: nothing new was signed. */
    record Duplicate(String intentId, String description, String journalState) implements TradeResult { }
}
