package dev.latchkey.trade.build;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;

/**
 * QuoterV2 {@code quoteExactInputSingle} result for {@code request}, read at {@code quotedAt} (unix seconds) —
 * the signer refuses to send a swap whose quote has gone stale (SwapRouter02 has no deadline).
 */
public record Quote(QuoteRequest request, BigInteger amountOut, BigInteger sqrtPriceX96After, long initializedTicksCrossed,
        BigInteger gasEstimate, long quotedAt) {
    public Quote {
        if (request == null) throw new FieldException("quote.request", "missing");
        UInt.check("quote.amountOut", amountOut, 256);
        UInt.check("quote.sqrtPriceX96After", sqrtPriceX96After, 160);
        UInt.check("quote.initializedTicksCrossed", initializedTicksCrossed, 32);
        UInt.check("quote.gasEstimate", gasEstimate, 256);
        UInt.check("quote.quotedAt", quotedAt, 48);
    }
}
