package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.automation.PriceLevel;
import dev.latchkey.automation.rpc.RpcChainReader;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.KeySender;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.Manifest;
import dev.latchkey.session.model.Address;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Uint160;
import org.web3j.abi.datatypes.generated.Uint24;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * Another trader on the devnet's WETH/USDC 0.05 % pool: swaps from its own funded key until the pool price is at or past
 * a target, so a rule sees the market move. Tests on the shared devnet put the price back when done.
 */
final class PoolWhale {

    private final EvmClient client;
    private final Manifest m;
    private final KeySender sender;
    private final String whale;

    PoolWhale(Devnet devnet) throws Exception {
        this.client = devnet.client();
        this.m = devnet.manifest();
        ECKeyPair key = Keys.createEcKeyPair();
        this.whale = "0x" + Keys.getAddress(key);
        client.rpc().call("anvil_setBalance", whale, "0x" + BigInteger.TEN.pow(25).toString(16));
        this.sender = new KeySender(client, key, m.chainId());
    }

    /** WETH in USDC from the pool's slot0. */
    BigDecimal wethPrice() {
        RpcChainReader reader = new RpcChainReader(client, addr("QuoterV2"), addr("AavePool"));
        var pool = reader.pool(addr("WETH"), addr("USDC"), 500);
        return PriceLevel.price(reader.sqrtPriceX96(pool.address()), pool.token0().equals(addr("WETH")), 18, 6);
    }

    /** Sells WETH (down) or buys it (up) in steps sized by the remaining gap, until the price reaches {@code target}. */
    void moveTo(BigDecimal target) {
        Integer first = null;
        for (int i = 0; i < 40; i++) {
            BigDecimal p = wethPrice();
            int dir = p.compareTo(target);
            if (first == null) first = dir;
            if (dir == 0 || dir != first) return;
            BigDecimal gap = p.subtract(target).abs().divide(p, MathContext.DECIMAL64);
            if (dir > 0) {
                BigInteger weth = new BigDecimal("15000").multiply(gap).max(new BigDecimal("0.5")).movePointRight(18).toBigInteger();
                assertThat(sender.send(m.address("WETH"), weth, Abi.call("deposit()")).success()).isTrue();
                swap("WETH", "USDC", weth);
            } else {
                BigInteger usdc = new BigDecimal("45000000").multiply(gap).max(new BigDecimal("1000")).movePointRight(6).toBigInteger();
                assertThat(sender.send(m.address("USDC"), BigInteger.ZERO, Abi.call("mint(address,uint256)",
                        new org.web3j.abi.datatypes.Address(whale), new Uint256(usdc))).success()).isTrue();
                swap("USDC", "WETH", usdc);
            }
        }
    }

    private void swap(String from, String to, BigInteger amount) {
        assertThat(sender.send(m.address(from), BigInteger.ZERO, Abi.call("approve(address,uint256)",
                new org.web3j.abi.datatypes.Address(m.address("SwapRouter02")), new Uint256(amount))).success()).isTrue();
        assertThat(sender.send(m.address("SwapRouter02"), BigInteger.ZERO,
                Abi.call("exactInputSingle((address,address,uint24,address,uint256,uint256,uint160))",
                        new StaticStruct(new org.web3j.abi.datatypes.Address(m.address(from)), new org.web3j.abi.datatypes.Address(m.address(to)),
                                new Uint24(500), new org.web3j.abi.datatypes.Address(whale), new Uint256(amount), new Uint256(0), new Uint160(0))),
                BigInteger.valueOf(1_000_000)).success()).isTrue();
    }

    private Address addr(String name) {
        return new Address(m.address(name));
    }
}
