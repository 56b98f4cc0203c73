package dev.latchkey.trade.build;

import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.catalog.Catalog;
import java.math.BigInteger;

/** QuoterV2 {@code quoteExactInputSingle}: the eth_call data, and its return data decoded strictly. */
public final class QuoterV2Codec {

    private QuoterV2Codec() { }

    public static HexBytes encode(QuoteRequest r) {
        return Catalog.encode(Catalog.QUOTE_EXACT_INPUT_SINGLE, r.tokenIn(), r.tokenOut(), r.amountIn(), BigInteger.valueOf(r.fee()), BigInteger.ZERO);
    }

    /** {@code (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)}. */
    public static Quote decode(QuoteRequest r, HexBytes returnData, long quotedAt) {
        byte[] d = returnData.unsafeBytes();
        if (d.length != 128) throw new FieldException("quoteReturn", "expected 128 bytes, got " + d.length);
        BigInteger ticks = AbiWords.word("quoteReturn.initializedTicksCrossed", d, 64);
        if (ticks.bitLength() > 32) throw new FieldException("quoteReturn.initializedTicksCrossed", "exceeds uint32");
        return new Quote(r, AbiWords.word("quoteReturn.amountOut", d, 0), AbiWords.word("quoteReturn.sqrtPriceX96After", d, 32),
                ticks.longValue(), AbiWords.word("quoteReturn.gasEstimate", d, 96), quotedAt);
    }
}
