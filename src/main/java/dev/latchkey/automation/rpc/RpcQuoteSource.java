package dev.latchkey.automation.rpc;

import dev.latchkey.chain.EvmClient;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.trade.build.Quote;
import dev.latchkey.trade.build.QuoteRequest;
import dev.latchkey.trade.build.QuoteSource;
import dev.latchkey.trade.build.QuoterV2Codec;

/** QuoterV2 {@code quoteExactInputSingle} by {@code eth_call}, stamped with the latest block's time. */
public final class RpcQuoteSource implements QuoteSource {

    private final EvmClient client;
    private final Address quoterV2;

    public RpcQuoteSource(EvmClient client, Address quoterV2) {
        this.client = client;
        this.quoterV2 = quoterV2;
    }

    @Override
    public Quote quoteExactInputSingle(QuoteRequest request) {
        String result = client.call(quoterV2.hex(), QuoterV2Codec.encode(request).hex());
        return QuoterV2Codec.decode(request, HexBytes.parse("quoteReturn", result), client.latestTimestamp());
    }
}
