package dev.latchkey.chain;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.web3j.abi.datatypes.Address;

/**
 * The one reader of an Aave V3 Pool (portfolio, trade screen, automation): one {@code eth_call} per read. The oracle
 * (from the Pool's addresses provider) and each reserve's token addresses ({@code getReserveData}: word 8 = aToken,
 * word 10 = variableDebtToken in Aave V3.0's ReserveData) do not change and are cached. Addresses are 0x-hex strings.
 */
public final class AavePool {

    /** {@code getUserAccountData}: base-currency amounts (8 decimals), threshold and LTV in basis points, HF in 1e18. */
    public record AccountData(BigInteger totalCollateralBase, BigInteger totalDebtBase, BigInteger availableBorrowsBase,
                              BigInteger currentLiquidationThreshold, BigInteger ltv, BigInteger healthFactor) { }

    /** A reserve's aToken and variable debt token. */
    public record ReserveTokens(String aToken, String variableDebtToken) { }

    private final EvmClient node;
    private final String pool;
    private final Map<String, Optional<ReserveTokens>> reserves = new ConcurrentHashMap<>();
    private volatile String oracle;

    public AavePool(EvmClient node, String pool) {
        this.node = node;
        this.pool = pool;
    }

    /** False on a network without Aave (no code at the pool's address). */
    public boolean deployed() {
        return node.hasCode(pool);
    }

    public AccountData accountData(String user) {
        String r = node.call(pool, Abi.call("getUserAccountData(address)", new Address(user)));
        return new AccountData(Abi.word(r, 0), Abi.word(r, 1), Abi.word(r, 2), Abi.word(r, 3), Abi.word(r, 4), Abi.word(r, 5));
    }

    /** Empty when {@code asset} is not a reserve of the pool (or the pool does not answer for it). */
    public Optional<ReserveTokens> reserve(String asset) {
        return reserves.computeIfAbsent(asset.toLowerCase(java.util.Locale.ROOT), a -> {
            try {
                String r = node.call(pool, Abi.call("getReserveData(address)", new Address(a)));
                String aToken = Abi.address(r, 8);
                return new BigInteger(aToken.substring(2), 16).signum() == 0 ? Optional.empty()
                        : Optional.of(new ReserveTokens(aToken, Abi.address(r, 10)));
            } catch (RpcException e) {
                return Optional.empty();
            }
        });
    }

    /** The oracle's price of {@code asset} in the base currency (8 decimals). */
    public BigInteger assetPrice(String asset) {
        String o = oracle;
        if (o == null) {
            String provider = Abi.address(node.call(pool, Abi.call("ADDRESSES_PROVIDER()")), 0);
            o = Abi.address(node.call(provider, Abi.call("getPriceOracle()")), 0);
            oracle = o;
        }
        return Abi.word(node.call(o, Abi.call("getAssetPrice(address)", new Address(asset))), 0);
    }

    /** The reserve's liquidation threshold in basis points: bits 16–31 of its configuration bitmap. */
    public int liquidationThreshold(String asset) {
        BigInteger config = Abi.word(node.call(pool, Abi.call("getConfiguration(address)", new Address(asset))), 0);
        return config.shiftRight(16).and(BigInteger.valueOf(0xFFFF)).intValueExact();
    }

    /** An ERC-20 balance (aToken, debt token or any token). */
    public BigInteger balanceOf(String token, String holder) {
        return Abi.word(node.call(token, Abi.call("balanceOf(address)", new Address(holder))), 0);
    }
}
