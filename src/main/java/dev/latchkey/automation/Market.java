package dev.latchkey.automation;

import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * One block's view of the chain: each read of {@link ChainReader} at most once per key (1,000 rules on one pool
 * cost one {@code slot0} call). Pool addresses are kept across blocks (they never change).
 */
final class Market {

    record PoolKey(Address a, Address b, int fee) { }

    private final ChainReader chain;
    private final Map<PoolKey, ChainReader.Pool> pools;
    private final Map<Address, BigInteger> sqrtSquared = new HashMap<>();
    private final Map<Address, ChainReader.AaveAccount> aave = new HashMap<>();
    private final Map<String, BigInteger> balances = new HashMap<>();
    private final Map<String, BigInteger> debts = new HashMap<>();
    private final Map<Address, BigInteger> prices = new HashMap<>();
    private final Map<String, String> priceTexts = new HashMap<>();
    final ChainReader.Head head;

    Market(ChainReader chain, Map<PoolKey, ChainReader.Pool> pools, ChainReader.Head head) {
        this.chain = chain;
        this.pools = pools;
        this.head = head;
    }

    ChainReader.Pool pool(Address a, Address b, int fee) {
        PoolKey k = a.hex().compareTo(b.hex()) < 0 ? new PoolKey(a, b, fee) : new PoolKey(b, a, fee);
        return pools.computeIfAbsent(k, x -> chain.pool(x.a(), x.b(), x.fee()));
    }

    /** {@code sqrtPriceX96²} of the pool. */
    BigInteger sqrtSquared(Address pool) {
        return sqrtSquared.computeIfAbsent(pool, p -> chain.sqrtPriceX96(p).pow(2));
    }

    ChainReader.AaveAccount aave(Address account) {
        return aave.computeIfAbsent(account, chain::aaveAccount);
    }

    BigInteger balance(Address token, Address account) {
        return balances.computeIfAbsent(token.hex() + account.hex(), k -> chain.balanceOf(token, account));
    }

    BigInteger debt(Address asset, Address account) {
        return debts.computeIfAbsent(asset.hex() + account.hex(), k -> chain.variableDebt(asset, account));
    }

    /** The human price of {@code base} on {@code pool} for messages, computed once per block and pool. */
    String priceText(Address pool, boolean baseIsToken0, int baseDecimals, int quoteDecimals) {
        return priceTexts.computeIfAbsent(pool.hex() + baseIsToken0, k ->
                PriceLevel.price(sqrtSquared(pool).sqrt(), baseIsToken0, baseDecimals, quoteDecimals).toPlainString());
    }

    BigInteger assetPrice(Address asset) {
        return prices.computeIfAbsent(asset, chain::assetPrice);
    }
}
