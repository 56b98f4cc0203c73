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

    /** The same intent id was submitted before: nothing new was signed. */
    record Duplicate(String intentId, String description, String journalState) implements TradeResult { }
}
