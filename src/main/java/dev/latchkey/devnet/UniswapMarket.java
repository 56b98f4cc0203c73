package dev.latchkey.devnet;

import dev.latchkey.chain.Abi;
import java.math.BigInteger;
import java.util.Map;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Int24;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Uniswap V3 from the npm artifacts: factory, NonfungiblePositionManager, QuoterV2, SwapRouter02, and two
 * full-range pools (WETH/USDC at 3,000 USDC, fee 0.05 %; DAI/USDC at 1:1, fee 0.01 %) deep enough that a
 * 10,000 USDC swap moves the price by a few hundredths of a percent.
 */
public final class UniswapMarket {

    public static final int WETH_USDC_FEE = 500;
    public static final int DAI_USDC_FEE = 100;
    /** Pool depth: 30,000 WETH + 90,000,000 USDC, and 50,000,000 DAI + 50,000,000 USDC. */
    static final BigInteger WETH_DEPTH = unit(30_000, 18);
    static final BigInteger USDC_DEPTH_WETH_POOL = unit(90_000_000, 6);
    static final BigInteger STABLE_DEPTH = BigInteger.valueOf(50_000_000);

    private static final String CORE = "@uniswap/v3-core/artifacts/contracts/";
    private static final String PERIPHERY = "@uniswap/v3-periphery/artifacts/contracts/";
    private static final String ROUTER = "@uniswap/swap-router-contracts/artifacts/contracts/";
    static final String POOL_ARTIFACT = CORE + "UniswapV3Pool.sol/UniswapV3Pool.json";
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private UniswapMarket() {
    }

    static void deploy(Deployer deployer, NpmArtifacts npm, Map<String, String> addresses) {
        deployer.progress("deploying Uniswap V3 (factory, position manager, QuoterV2, SwapRouter02)");
        String weth = addresses.get("WETH");
        String factory = deployer.deploy("UniswapV3Factory",
                npm.bytecode(CORE + "UniswapV3Factory.sol/UniswapV3Factory.json", Map.of()));
        deployer.send(factory, "enableFeeAmount(uint24,int24)", new Uint24(DAI_USDC_FEE), new Int24(1));
        // tokenDescriptor = address(0): tokenURI() of positions reverts on the devnet; nothing else needs it.
        String positions = deployer.deploy("NonfungiblePositionManager",
                npm.bytecode(PERIPHERY + "NonfungiblePositionManager.sol/NonfungiblePositionManager.json", Map.of()),
                new Address(factory), new Address(weth), new Address(ZERO));
        String quoter = deployer.deploy("QuoterV2", npm.bytecode(PERIPHERY + "lens/QuoterV2.sol/QuoterV2.json",
                Map.of()), new Address(factory), new Address(weth));
        // factoryV2 = address(0): there is no Uniswap V2 on the devnet; V2 routes of SwapRouter02 are unusable.
        String router = deployer.deploy("SwapRouter02", npm.bytecode(ROUTER + "SwapRouter02.sol/SwapRouter02.json",
                Map.of()), new Address(ZERO), new Address(factory), new Address(positions), new Address(weth));
        addresses.put("UniswapV3Factory", factory);
        addresses.put("NonfungiblePositionManager", positions);
        addresses.put("QuoterV2", quoter);
        addresses.put("SwapRouter02", router);

        deployer.progress("adding liquidity to WETH/USDC and DAI/USDC");
        String usdc = addresses.get("USDC");
        String dai = addresses.get("DAI");
        Funds.wrapEth(deployer, weth, WETH_DEPTH);
        Funds.mint(deployer, usdc, USDC_DEPTH_WETH_POOL.add(unit(STABLE_DEPTH.longValueExact(), 6)));
        Funds.mint(deployer, dai, unit(STABLE_DEPTH.longValueExact(), 18));
        for (String token : new String[] {weth, usdc, dai}) {
            deployer.send(token, "approve(address,uint256)", new Address(positions), new Uint256(MAX));
        }
        addresses.put("UniswapPoolWETHUSDC", pool(deployer, factory, positions, weth, WETH_DEPTH, usdc,
                USDC_DEPTH_WETH_POOL, WETH_USDC_FEE, 10));
        addresses.put("UniswapPoolDAIUSDC", pool(deployer, factory, positions, dai,
                unit(STABLE_DEPTH.longValueExact(), 18), usdc, unit(STABLE_DEPTH.longValueExact(), 6), DAI_USDC_FEE, 1));
    }

    /** Creates the pool at the price amountA : amountB and adds both amounts as full-range liquidity. */
    private static String pool(Deployer deployer, String factory, String positions, String tokenA, BigInteger amountA,
                               String tokenB, BigInteger amountB, int fee, int tickSpacing) {
        boolean aFirst = new BigInteger(tokenA.substring(2), 16).compareTo(new BigInteger(tokenB.substring(2), 16)) < 0;
        String token0 = aFirst ? tokenA : tokenB;
        String token1 = aFirst ? tokenB : tokenA;
        BigInteger amount0 = aFirst ? amountA : amountB;
        BigInteger amount1 = aFirst ? amountB : amountA;
        deployer.send(positions, "createAndInitializePoolIfNecessary(address,address,uint24,uint160)",
                new Address(token0), new Address(token1), new Uint24(fee), new Uint160(sqrtPriceX96(amount0, amount1)));
        int maxTick = 887272 / tickSpacing * tickSpacing;
        deployer.send(positions,
                "mint((address,address,uint24,int24,int24,uint256,uint256,uint256,uint256,address,uint256))",
                new StaticStruct(new Address(token0), new Address(token1), new Uint24(fee), new Int24(-maxTick),
                        new Int24(maxTick), new Uint256(amount0), new Uint256(amount1), new Uint256(0), new Uint256(0),
                        new Address(deployer.from()), new Uint256(MAX)));
        return Abi.address(deployer.call(factory, "getPool(address,address,uint24)", new Address(token0),
                new Address(token1), new Uint24(fee)), 0);
    }

    /** sqrt(amount1 / amount0) in Q64.96: the pool price that values both amounts equally. */
    static BigInteger sqrtPriceX96(BigInteger amount0, BigInteger amount1) {
        return amount1.shiftLeft(192).divide(amount0).sqrt();
    }

    static BigInteger unit(long whole, int decimals) {
        return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(decimals));
    }
}
