package dev.latchkey.trade.build;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;

/** QuoterV2 {@code quoteExactInputSingle} input (sqrtPriceLimitX96 = 0: no limit). */
public record QuoteRequest(Address tokenIn, Address tokenOut, BigInteger amountIn, int fee) {
    public QuoteRequest {
        if (tokenIn == null) throw new FieldException("tokenIn", "missing");
        if (tokenOut == null) throw new FieldException("tokenOut", "missing");
        UInt.check("amountIn", amountIn, 256);
        UInt.check("fee", fee, 24);
    }
}
