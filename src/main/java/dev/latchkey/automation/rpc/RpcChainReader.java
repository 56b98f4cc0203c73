package dev.latchkey.automation.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.automation.ChainReader;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.web3j.abi.datatypes.generated.Uint24;

/**
 * {@link ChainReader} over JSON-RPC {@code eth_call}s at the latest block. The Uniswap factory is QuoterV2's
 * {@code factory()}; the Aave oracle comes from the Pool's addresses provider, each debt token from
 * {@code getReserveData} (word 10 = variableDebtTokenAddress in Aave V3.0's ReserveData). Those addresses are cached.
 */
public final class RpcChainReader implements ChainReader {

    private final EvmClient client;
    private final Address quoterV2;
    private final Address aavePool;
    private final Map<Address, Address> debtTokens = new ConcurrentHashMap<>();
    private volatile Address factory;
    private volatile Address oracle;

    public RpcChainReader(EvmClient client, Address quoterV2, Address aavePool) {
        this.client = client;
        this.quoterV2 = quoterV2;
        this.aavePool = aavePool;
    }

    @Override
    public Head head() {
        JsonNode block = client.rpc().call("eth_getBlockByNumber", "latest", false);
        return new Head(EvmClient.quantity(block.path("number")).longValueExact(), EvmClient.quantity(block.path("timestamp")).longValueExact());
    }

    @Override
    public Pool pool(Address tokenA, Address tokenB, int fee) {
        if (factory == null) factory = address(quoterV2, Abi.call("factory()"));
        Address pool = address(factory, Abi.call("getPool(address,address,uint24)", addr(tokenA), addr(tokenB), new Uint24(fee)));
        if (pool.equals(Address.ZERO)) throw new IllegalStateException("no Uniswap V3 pool for " + tokenA + "/" + tokenB + " fee " + fee);
        return new Pool(pool, address(pool, Abi.call("token0()")));
    }

    @Override
    public BigInteger sqrtPriceX96(Address pool) {
        return Abi.word(client.call(pool.hex(), Abi.call("slot0()")), 0);
    }

    @Override
    public AaveAccount aaveAccount(Address account) {
        String r = client.call(aavePool.hex(), Abi.call("getUserAccountData(address)", addr(account)));
        return new AaveAccount(Abi.word(r, 0), Abi.word(r, 1), Abi.word(r, 2), Abi.word(r, 3), Abi.word(r, 4), Abi.word(r, 5));
    }

    @Override
    public BigInteger variableDebt(Address asset, Address account) {
        Address token = debtTokens.computeIfAbsent(asset, a -> new Address(Abi.address(
                client.call(aavePool.hex(), Abi.call("getReserveData(address)", addr(a))), 10)));
        return balanceOf(token, account);
    }

    @Override
    public BigInteger assetPrice(Address asset) {
        if (oracle == null) {
            Address provider = address(aavePool, Abi.call("ADDRESSES_PROVIDER()"));
            oracle = address(provider, Abi.call("getPriceOracle()"));
        }
        return Abi.word(client.call(oracle.hex(), Abi.call("getAssetPrice(address)", addr(asset))), 0);
    }

    @Override
    public BigInteger balanceOf(Address token, Address account) {
        return Abi.word(client.call(token.hex(), Abi.call("balanceOf(address)", addr(account))), 0);
    }

    private Address address(Address target, String data) {
        return new Address(Abi.address(client.call(target.hex(), data), 0));
    }

    private static org.web3j.abi.datatypes.Address addr(Address a) {
        return new org.web3j.abi.datatypes.Address(a.hex());
    }
}
