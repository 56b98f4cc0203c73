package dev.latchkey.devnet;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.KeySender;
import dev.latchkey.chain.TxReceipt;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/** A fresh externally owned account on the shared devnet, funded by the faucet, signing its own transactions. */
final class TestEoa {

    static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private final Devnet devnet;
    private final KeySender sender;

    TestEoa(Devnet devnet, long eth, long usdc, long dai, long weth) throws Exception {
        this.devnet = devnet;
        ECKeyPair key = Keys.createEcKeyPair();
        this.sender = new KeySender(devnet.client(), key, devnet.manifest().chainId());
        devnet.faucet().fund(new Funding(sender.address(), BigDecimal.valueOf(eth), BigDecimal.valueOf(usdc),
                BigDecimal.valueOf(dai), BigDecimal.valueOf(weth)));
    }

    String address() {
        return sender.address();
    }

    @SuppressWarnings("rawtypes")
    TxReceipt send(String contract, String signature, Type... args) {
        return sender.send(devnet.manifest().address(contract), BigInteger.ZERO, Abi.call(signature, args));
    }

    void approve(String token, String spender) {
        send(token, "approve(address,uint256)", new Address(devnet.manifest().address(spender)), new Uint256(MAX));
    }

    BigInteger balanceOf(String token) {
        return balanceOf(devnet, token, address());
    }

    static BigInteger balanceOf(Devnet devnet, String token, String owner) {
        return Abi.word(devnet.client().call(devnet.manifest().address(token),
                Abi.call("balanceOf(address)", new Address(owner))), 0);
    }
}
