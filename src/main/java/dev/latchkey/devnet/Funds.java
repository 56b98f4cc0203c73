package dev.latchkey.devnet;

import java.math.BigInteger;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/** Moving devnet money around from the deployer: ETH by anvil_setBalance, tokens by minting and wrapping. */
final class Funds {

    private Funds() {
    }

    /** Adds {@code wei} to {@code to}'s ETH balance (anvil_setBalance). */
    static void addEth(Deployer deployer, String to, BigInteger wei) {
        BigInteger balance = deployer.client().balance(to);
        deployer.client().rpc().call("anvil_setBalance", to, Numeric.encodeQuantity(balance.add(wei)));
    }

    /** Mints {@code amount} of a TestToken to the deployer. */
    static void mint(Deployer deployer, String token, BigInteger amount) {
        mintTo(deployer, token, deployer.from(), amount);
    }

    static void mintTo(Deployer deployer, String token, String to, BigInteger amount) {
        deployer.send(token, "mint(address,uint256)", new Address(to), new Uint256(amount));
    }

    /** Gives the deployer {@code amount} WETH, wrapping freshly credited ETH. */
    static void wrapEth(Deployer deployer, String weth, BigInteger amount) {
        addEth(deployer, deployer.from(), amount);
        deployer.transact("WETH deposit", weth, amount, "0xd0e30db0");
    }
}
