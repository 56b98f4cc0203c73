package dev.latchkey.devnet;

import dev.latchkey.chain.Abi;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * Aave V3 ({@code @aave/core-v3} 1.19.3 artifacts): addresses provider, ACL, Pool and PoolConfigurator behind
 * their proxies with the logic libraries linked, AaveOracle on settable-by-replacement MockAggregator feeds
 * (8 decimals, USD), one interest-rate strategy, token implementations, the data provider, and USDC, DAI and WETH
 * reserves usable as collateral and borrowable, with liquidity supplied by the deployer.
 */
public final class AaveMarket {

    static final String BASE = "@aave/core-v3/artifacts/contracts/";
    static final String AGGREGATOR = BASE + "mocks/oracle/CLAggregators/MockAggregator.sol/MockAggregator.json";
    private static final String LOGIC = BASE + "protocol/libraries/logic/";
    private static final BigInteger RAY = BigInteger.TEN.pow(27);
    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    /** Initial prices in USD: USDC 1, DAI 1, WETH 3,000. */
    static final Map<String, Long> PRICES = Map.of("USDC", 1L, "DAI", 1L, "WETH", 3000L);
    /** LTV, liquidation threshold, liquidation bonus (basis points). */
    private static final Map<String, int[]> RISK = Map.of("USDC", new int[] {8000, 8500, 10500},
            "DAI", new int[] {7500, 8000, 10500}, "WETH", new int[] {8000, 8250, 10500});
    private static final Map<String, Integer> DECIMALS = Map.of("USDC", 6, "DAI", 18, "WETH", 18);
    private static final Map<String, Long> LIQUIDITY = Map.of("USDC", 10_000_000L, "DAI", 10_000_000L, "WETH", 5_000L);
    static final List<String> ASSETS = List.of("USDC", "DAI", "WETH");

    private AaveMarket() {
    }

    static void deploy(Deployer deployer, NpmArtifacts npm, Map<String, String> addresses) {
        deployer.progress("deploying Aave V3 (provider, ACL, logic libraries, Pool, PoolConfigurator)");
        String me = deployer.from();
        String provider = deployer.deploy("PoolAddressesProvider", npm.bytecode(BASE
                + "protocol/configuration/PoolAddressesProvider.sol/PoolAddressesProvider.json", Map.of()),
                new Utf8String("Latchkey Devnet"), new Address(me));
        deployer.send(provider, "setACLAdmin(address)", new Address(me));
        String acl = deployer.deploy("ACLManager", npm.bytecode(BASE
                + "protocol/configuration/ACLManager.sol/ACLManager.json", Map.of()), new Address(provider));
        deployer.send(provider, "setACLManager(address)", new Address(acl));
        deployer.send(acl, "addPoolAdmin(address)", new Address(me));
        deployer.send(acl, "addRiskAdmin(address)", new Address(me));

        Map<String, String> libs = new LinkedHashMap<>();
        for (String lib : List.of("SupplyLogic", "BorrowLogic", "LiquidationLogic", "EModeLogic", "BridgeLogic",
                "PoolLogic", "FlashLoanLogic", "ConfiguratorLogic")) {
            libs.put(lib, deployer.deploy(lib, npm.bytecode(LOGIC + lib + ".sol/" + lib + ".json", libs)));
        }
        String poolImpl = deployer.deploy("Pool", npm.bytecode(BASE + "protocol/pool/Pool.sol/Pool.json", libs),
                new Address(provider));
        deployer.send(poolImpl, "initialize(address)", new Address(provider));
        deployer.send(provider, "setPoolImpl(address)", new Address(poolImpl));
        String pool = Abi.address(deployer.call(provider, "getPool()"), 0);
        String configuratorImpl = deployer.deploy("PoolConfigurator", npm.bytecode(BASE
                + "protocol/pool/PoolConfigurator.sol/PoolConfigurator.json", libs));
        deployer.send(provider, "setPoolConfiguratorImpl(address)", new Address(configuratorImpl));
        String configurator = Abi.address(deployer.call(provider, "getPoolConfigurator()"), 0);

        deployer.progress("deploying Aave oracle, rate strategy, token implementations and data provider");
        List<Address> assets = new ArrayList<>();
        List<Address> sources = new ArrayList<>();
        for (String asset : ASSETS) {
            assets.add(new Address(addresses.get(asset)));
            String feed = aggregator(deployer, npm, BigInteger.valueOf(PRICES.get(asset)).multiply(BigInteger.TEN.pow(8)));
            sources.add(new Address(feed));
            addresses.put("AavePriceFeed" + asset, feed);
        }
        String oracle = deployer.deploy("AaveOracle", npm.bytecode(BASE + "misc/AaveOracle.sol/AaveOracle.json",
                Map.of()), new Address(provider), new DynamicArray<>(Address.class, assets),
                new DynamicArray<>(Address.class, sources), new Address(ZERO), new Address(ZERO),
                new Uint256(BigInteger.TEN.pow(8)));
        deployer.send(provider, "setPriceOracle(address)", new Address(oracle));
        String dataProvider = deployer.deploy("AaveProtocolDataProvider", npm.bytecode(BASE
                + "misc/AaveProtocolDataProvider.sol/AaveProtocolDataProvider.json", Map.of()), new Address(provider));
        deployer.send(provider, "setPoolDataProvider(address)", new Address(dataProvider));
        // 80 % optimal usage, 0 % base, 4 % / 75 % variable slopes; stable borrowing stays disabled.
        String strategy = deployer.deploy("DefaultReserveInterestRateStrategy", npm.bytecode(BASE
                + "protocol/pool/DefaultReserveInterestRateStrategy.sol/DefaultReserveInterestRateStrategy.json",
                Map.of()), new Address(provider), ray(80), ray(0), ray(4), ray(75), ray(2), ray(75), ray(2), ray(5),
                ray(20));
        String tokens = BASE + "protocol/tokenization/";
        String aToken = deployer.deploy("AToken", npm.bytecode(tokens + "AToken.sol/AToken.json", Map.of()),
                new Address(pool));
        String stableDebt = deployer.deploy("StableDebtToken", npm.bytecode(tokens
                + "StableDebtToken.sol/StableDebtToken.json", Map.of()), new Address(pool));
        String variableDebt = deployer.deploy("VariableDebtToken", npm.bytecode(tokens
                + "VariableDebtToken.sol/VariableDebtToken.json", Map.of()), new Address(pool));

        deployer.progress("listing USDC, DAI and WETH on Aave and supplying liquidity");
        List<DynamicStruct> inputs = new ArrayList<>();
        for (String asset : ASSETS) {
            inputs.add(new DynamicStruct(new Address(aToken), new Address(stableDebt), new Address(variableDebt),
                    new Uint8(DECIMALS.get(asset)), new Address(strategy), new Address(addresses.get(asset)),
                    new Address(me), new Address(ZERO), new Utf8String("Aave Devnet " + asset),
                    new Utf8String("a" + asset), new Utf8String("Aave Devnet Variable Debt " + asset),
                    new Utf8String("variableDebt" + asset), new Utf8String("Aave Devnet Stable Debt " + asset),
                    new Utf8String("stableDebt" + asset), new DynamicBytes(new byte[0])));
        }
        deployer.send(configurator, "initReserves((address,address,address,uint8,address,address,address,address,"
                + "string,string,string,string,string,string,bytes)[])", new DynamicArray<>(DynamicStruct.class, inputs));
        for (String asset : ASSETS) {
            String token = addresses.get(asset);
            int[] risk = RISK.get(asset);
            deployer.send(configurator, "configureReserveAsCollateral(address,uint256,uint256,uint256)",
                    new Address(token), new Uint256(risk[0]), new Uint256(risk[1]), new Uint256(risk[2]));
            deployer.send(configurator, "setReserveBorrowing(address,bool)", new Address(token), new Bool(true));
            String reserveTokens = deployer.call(dataProvider, "getReserveTokensAddresses(address)", new Address(token));
            addresses.put("AaveAToken" + asset, Abi.address(reserveTokens, 0));
            addresses.put("AaveVariableDebt" + asset, Abi.address(reserveTokens, 2));
            supply(deployer, pool, addresses.get("WETH"), asset, token);
        }
        addresses.put("AavePoolAddressesProvider", provider);
        addresses.put("AaveACLManager", acl);
        addresses.put("AavePool", pool);
        addresses.put("AavePoolConfigurator", configurator);
        addresses.put("AaveOracle", oracle);
        addresses.put("AaveProtocolDataProvider", dataProvider);
        addresses.put("AaveInterestRateStrategy", strategy);
    }

    private static void supply(Deployer deployer, String pool, String weth, String asset, String token) {
        BigInteger amount = UniswapMarket.unit(LIQUIDITY.get(asset), DECIMALS.get(asset));
        if (token.equals(weth)) {
            Funds.wrapEth(deployer, weth, amount);
        } else {
            Funds.mint(deployer, token, amount);
        }
        deployer.send(token, "approve(address,uint256)", new Address(pool), new Uint256(amount));
        deployer.send(pool, "supply(address,uint256,address,uint16)", new Address(token), new Uint256(amount),
                new Address(deployer.from()), new Uint16(0));
    }

    /** Deploys a MockAggregator answering {@code answer} (8 decimals). */
    static String aggregator(Deployer deployer, NpmArtifacts npm, BigInteger answer) {
        return deployer.deploy("MockAggregator", npm.bytecode(AGGREGATOR, Map.of()), new Int256(answer));
    }

    private static Uint256 ray(long percent) {
        return new Uint256(RAY.multiply(BigInteger.valueOf(percent)).divide(BigInteger.valueOf(100)));
    }
}
