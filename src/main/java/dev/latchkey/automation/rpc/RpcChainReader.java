package dev.latchkey.automation.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.automation.ChainReader;
import dev.latchkey.chain.AavePool;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import org.web3j.abi.datatypes.generated.Uint24;

/**
 * {@link ChainReader} over JSON-RPC {@code eth_call}s at the latest block. The Uniswap factory is QuoterV2's
 * {@code factory()} (cached); Aave reads go through the one {@link AavePool} reader.
 */
public final class RpcChainReader implements ChainReader {

    private final EvmClient client;
    private final Address quoterV2;
    private final AavePool aave;
    private volatile Address factory;

    public RpcChainReader(EvmClient client, Address quoterV2, Address aavePool) {
        this.client = client;
        this.quoterV2 = quoterV2;
        this.aave = new AavePool(client, aavePool.hex());
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
        AavePool.AccountData d = aave.accountData(account.hex());
        return new AaveAccount(d.totalCollateralBase(), d.totalDebtBase(), d.availableBorrowsBase(), d.currentLiquidationThreshold(),
                d.ltv(), d.healthFactor());
    }

    @Override
    public BigInteger variableDebt(Address asset, Address account) {
        AavePool.ReserveTokens r = aave.reserve(asset.hex())
                .orElseThrow(() -> new IllegalStateException(asset + " is not a reserve of the Aave pool"));
        return balanceOf(new Address(r.variableDebtToken().toLowerCase()), account);
    }

    @Override
    public BigInteger assetPrice(Address asset) {
        return aave.assetPrice(asset.hex());
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
