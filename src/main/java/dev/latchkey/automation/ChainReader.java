package dev.latchkey.automation;

import dev.latchkey.session.model.Address;
import java.math.BigInteger;

/**
 * Port: what the engine reads from the chain (an RPC adapter in {@code automation.rpc}; scripted in tests). Every
 * read is at the latest block; the engine calls each one at most once per (block, key).
 */
public interface ChainReader {

    /** The latest block. */
    Head head();

    /** The Uniswap V3 pool of (tokenA, tokenB, fee) and its token0 (ordering never changes, so callers cache it). */
    Pool pool(Address tokenA, Address tokenB, int fee);

    /** {@code slot0().sqrtPriceX96} of {@code pool}. */
    BigInteger sqrtPriceX96(Address pool);

    /** Aave V3 {@code getUserAccountData(account)}. */
    AaveAccount aaveAccount(Address account);

    /** The account's variable-rate debt in {@code asset} (its variable debt token balance, raw units). */
    BigInteger variableDebt(Address asset, Address account);

    /** Aave oracle price of {@code asset} in the market's base currency (8 decimals on Aave V3 USD markets). */
    BigInteger assetPrice(Address asset);

    /** ERC-20 balance (raw units). */
    BigInteger balanceOf(Address token, Address account);

    record Head(long number, long timestamp) { }

    record Pool(Address address, Address token0) { }

    /**
     * {@code getUserAccountData}: amounts in base currency units, liquidation threshold in basis points, health
     * factor in wad (1e18 = 1.0; {@code type(uint256).max} without debt).
     */
    record AaveAccount(BigInteger totalCollateralBase, BigInteger totalDebtBase, BigInteger availableBorrowsBase,
                       BigInteger liquidationThresholdBps, BigInteger ltvBps, BigInteger healthFactorWad) { }
}
