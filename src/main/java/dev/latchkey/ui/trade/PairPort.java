package dev.latchkey.ui.trade;

import dev.latchkey.trade.catalog.Token;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the Uniswap panel shows around a trade, read from the chain: the account's balances of the pair's two tokens
 * and the pool's price, what a trade's transaction delivered, and which pair the person picked last on this wallet.
 * {@link #state} and {@link #lastPair} block (RPC, SQLite) and are called off the FX thread.
 */
public interface PairPort {

    /** An app without a network: no balances, no price, nothing remembered. */
    PairPort NONE = new PairPort() {
        @Override public PairState state(TradePort.Pair pair) {
            return new PairState(Optional.empty(), Optional.empty(), Optional.empty(), "");
        }
        @Override public CompletableFuture<Optional<BigInteger>> received(String transactionHash, Token token) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        @Override public Optional<String> lastPair() {
            return Optional.empty();
        }
        @Override public void rememberPair(String label) {
        }
    };

    PairState state(TradePort.Pair pair) throws Exception;

    /**
     * The amount of {@code token} the account received in the transaction (its ERC-20 {@code Transfer} logs to the
     * account); empty when the receipt cannot be read. Returns at once, reads in the background.
     */
    CompletableFuture<Optional<BigInteger>> received(String transactionHash, Token token);

    /** The label ({@link TradePort.Pair#label()}) of the pair picked last, if any. */
    Optional<String> lastPair() throws Exception;

    /** Remembers the picked pair; returns at once (stored in the background, a failure only logged). */
    void rememberPair(String label);

    /**
     * @param base   the account's balance of the pair's base token (raw units), empty when unreadable
     * @param quote  the same of the quote token
     * @param price  quote tokens per base token at the pool's current price (no fee)
     * @param source where the price comes from, in words ("Uniswap pool 0.05 %, block 1,234")
     */
    record PairState(Optional<BigInteger> base, Optional<BigInteger> quote, Optional<BigDecimal> price, String source) {
    }
}
