package dev.latchkey.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.chain.Abi;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

@ExtendWith(DevnetExtension.class)
class UniswapOnDevnetTest {

    /** PoolAddress.POOL_INIT_CODE_HASH in @uniswap/v3-periphery 1.4.4. */
    private static final String PERIPHERY_POOL_INIT_CODE_HASH =
            "0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54";

    @Test
    void npmPoolBytecodeMatchesThePeripheryInitCodeHashAndTheFactory(Devnet devnet) {
        Path nodeModules = devnet.config().nodeModules();
        String poolCode = new NpmArtifacts(nodeModules).bytecode(UniswapMarket.POOL_ARTIFACT, Map.of());
        assertThat(Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(poolCode))))
                .isEqualTo(PERIPHERY_POOL_INIT_CODE_HASH);

        var m = devnet.manifest();
        String weth = m.address("WETH");
        String usdc = m.address("USDC");
        boolean wethFirst = Numeric.toBigInt(weth).compareTo(Numeric.toBigInt(usdc)) < 0;
        String salt = Numeric.toHexStringNoPrefix(Hash.sha3(Numeric.hexStringToByteArray(Abi.encodeArgs(
                new Address(wethFirst ? weth : usdc), new Address(wethFirst ? usdc : weth),
                new Uint24(UniswapMarket.WETH_USDC_FEE)))));
        String computed = CoreContracts.create2Address(m.address("UniswapV3Factory"), salt, poolCode);
        assertThat(computed).isEqualToIgnoringCase(m.address("UniswapPoolWETHUSDC"));
    }

    @Test
    void eoaSwapsUsdcForWethAndGetsTheQuotedAmount(Devnet devnet) throws Exception {
        TestEoa trader = new TestEoa(devnet, 1, 1_000, 0, 0);
        BigInteger amountIn = BigInteger.valueOf(1_000_000_000L); // 1,000 USDC
        BigInteger quoted = quote(devnet, amountIn);
        assertThat(quoted).isBetween(BigInteger.TEN.pow(17).multiply(BigInteger.valueOf(3)),
                BigInteger.TEN.pow(17).multiply(BigInteger.valueOf(4))); // ~0.333 WETH at 3,000 USDC

        trader.approve("USDC", "SwapRouter02");
        BigInteger minOut = quoted.multiply(BigInteger.valueOf(995)).divide(BigInteger.valueOf(1000)); // 0.5 %
        trader.send("SwapRouter02", "exactInputSingle((address,address,uint24,address,uint256,uint256,uint160))",
                new StaticStruct(new Address(devnet.manifest().address("USDC")),
                        new Address(devnet.manifest().address("WETH")), new Uint24(UniswapMarket.WETH_USDC_FEE),
                        new Address(trader.address()), new Uint256(amountIn), new Uint256(minOut), new Uint160(0)));

        BigInteger received = trader.balanceOf("WETH");
        assertThat(received).isGreaterThanOrEqualTo(minOut).isEqualTo(quoted);
        assertThat(trader.balanceOf("USDC")).isZero();
    }

    @Test
    void tenThousandUsdcSwapMovesThePriceByLessThanOnePercent(Devnet devnet) throws Exception {
        TestEoa trader = new TestEoa(devnet, 1, 10_000, 0, 0);
        BigDecimal before = wethPriceInUsdc(devnet);
        assertThat(before.doubleValue()).isBetween(2_900.0, 3_100.0);

        trader.approve("USDC", "SwapRouter02");
        trader.send("SwapRouter02", "exactInputSingle((address,address,uint24,address,uint256,uint256,uint160))",
                new StaticStruct(new Address(devnet.manifest().address("USDC")),
                        new Address(devnet.manifest().address("WETH")), new Uint24(UniswapMarket.WETH_USDC_FEE),
                        new Address(trader.address()), new Uint256(BigInteger.valueOf(10_000_000_000L)),
                        new Uint256(0), new Uint160(0)));

        BigDecimal after = wethPriceInUsdc(devnet);
        double move = after.subtract(before).abs().divide(before, MathContext.DECIMAL64).doubleValue();
        assertThat(move).isPositive().isLessThan(0.01);
    }

    private static BigInteger quote(Devnet devnet, BigInteger usdcIn) {
        String result = devnet.client().call(devnet.manifest().address("QuoterV2"),
                Abi.call("quoteExactInputSingle((address,address,uint256,uint24,uint160))", new StaticStruct(
                        new Address(devnet.manifest().address("USDC")), new Address(devnet.manifest().address("WETH")),
                        new Uint256(usdcIn), new Uint24(UniswapMarket.WETH_USDC_FEE), new Uint160(0))));
        return Abi.word(result, 0);
    }

    /** USDC per WETH from the pool's slot0 sqrtPriceX96. */
    static BigDecimal wethPriceInUsdc(Devnet devnet) {
        var m = devnet.manifest();
        BigInteger sqrt = Abi.word(devnet.client().call(m.address("UniswapPoolWETHUSDC"), Abi.call("slot0()")), 0);
        BigDecimal raw = new BigDecimal(sqrt.pow(2)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(192)),
                MathContext.DECIMAL128); // token1 per token0, raw units
        boolean wethFirst = Numeric.toBigInt(m.address("WETH")).compareTo(Numeric.toBigInt(m.address("USDC"))) < 0;
        BigDecimal usdcPerWethRaw = wethFirst ? raw : BigDecimal.ONE.divide(raw, MathContext.DECIMAL128);
        return usdcPerWethRaw.movePointRight(12); // 18 - 6 decimals
    }
}
