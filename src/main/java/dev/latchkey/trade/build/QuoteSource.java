package dev.latchkey.trade.build;

/**
 * Port: an on-chain QuoterV2 quote ({@code eth_call} of {@link QuoterV2Codec#encode}; implemented in {@code chain}).
 * Builders take prices only from here, never from the caller (security.md R18).
 */
public interface QuoteSource {
    Quote quoteExactInputSingle(QuoteRequest request);
}
