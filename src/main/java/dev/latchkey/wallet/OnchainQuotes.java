package dev.latchkey.wallet;

import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.RpcException;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.build.Quote;
import dev.latchkey.trade.build.QuoteRequest;
import dev.latchkey.trade.build.QuoteSource;
import dev.latchkey.trade.build.QuoterV2Codec;

/**
 * {@link QuoteSource} over the network's QuoterV2: an {@code eth_call} of {@code quoteExactInputSingle}, stamped with
 * the latest block's time. The only price the trade builders ever see (R18).
 */
public final class OnchainQuotes implements QuoteSource {

    private final EvmClient node;
    private final Address quoter;

    public OnchainQuotes(EvmClient node, Address quoter) {
        this.node = node;
        this.quoter = quoter;
    }

    @Override
    public Quote quoteExactInputSingle(QuoteRequest request) {
        long at = node.latestTimestamp();
        String out;
        try {
            out = node.call(quoter.hex(), QuoterV2Codec.encode(request).hex());
        } catch (RpcException e) {
            throw new WalletException(WalletException.Kind.STATE, "QuoterV2 could not quote " + request.amountIn() + " of "
                    + request.tokenIn() + " → " + request.tokenOut() + " in the " + request.fee() + " pool (no such pool or no"
                    + " liquidity?): " + e.getMessage(), e);
        }
        return QuoterV2Codec.decode(request, HexBytes.parse("quote", out), at);
    }
}
