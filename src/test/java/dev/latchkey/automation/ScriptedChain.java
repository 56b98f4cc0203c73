package dev.latchkey.automation;

import dev.latchkey.session.model.Address;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A chain the test scripts: head, one pool price, balances, an Aave position. Counts reads (for the per-block memo). */
public final class ScriptedChain implements ChainReader {

    public volatile Head head = new Head(1, 1_800_000_000L);
    final Map<Address, BigInteger> sqrt = new ConcurrentHashMap<>();
    final Map<String, BigInteger> balances = new ConcurrentHashMap<>();
    public final Map<String, BigInteger> debts = new ConcurrentHashMap<>();
    public final Map<Address, BigInteger> prices = new ConcurrentHashMap<>();
    public volatile AaveAccount aave = new AaveAccount(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
            BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
    final Address poolAddress;
    final Address token0;
    int slot0Reads;

    ScriptedChain(Address poolAddress, Address token0) {
        this.poolAddress = poolAddress;
        this.token0 = token0;
    }

    public Head next(long seconds) {
        head = new Head(head.number() + 1, head.timestamp() + seconds);
        return head;
    }

    /** Sets the pool so that base is worth {@code price} quote (human units). */
    void price(BigDecimal price, Address base, int baseDecimals, int quoteDecimals) {
        sqrt.put(poolAddress, sqrtFor(price, base.equals(token0), baseDecimals, quoteDecimals));
    }

    static BigInteger sqrtFor(BigDecimal price, boolean baseIsToken0, int db, int dq) {
        BigDecimal ratio = baseIsToken0 ? price.movePointRight(dq - db) : BigDecimal.ONE.movePointRight(db - dq).divide(price, MathContext.DECIMAL128);
        return ratio.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(192))).toBigInteger().sqrt();
    }

    public void balance(Address token, Address account, BigInteger amount) {
        balances.put(token.hex() + account.hex(), amount);
    }

    @Override public Head head() { return head; }
    @Override public Pool pool(Address a, Address b, int fee) { return new Pool(poolAddress, token0); }
    @Override public synchronized BigInteger sqrtPriceX96(Address pool) {
        slot0Reads++;
        return sqrt.get(pool);
    }
    @Override public AaveAccount aaveAccount(Address account) { return aave; }
    @Override public BigInteger variableDebt(Address asset, Address account) { return debts.getOrDefault(asset.hex() + account.hex(), BigInteger.ZERO); }
    @Override public BigInteger assetPrice(Address asset) { return prices.getOrDefault(asset, BigInteger.ZERO); }
    @Override public BigInteger balanceOf(Address token, Address account) { return balances.getOrDefault(token.hex() + account.hex(), BigInteger.ZERO); }
}
