package dev.latchkey.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.latchkey.chain.Abi;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;

@ExtendWith(DevnetExtension.class)
class AaveOnDevnetTest {

    private static final BigInteger WAD = BigInteger.TEN.pow(18);
    private static final BigInteger VARIABLE = BigInteger.TWO;

    @Test
    void supplyBorrowRepayWithdrawWithHealthFactorFollowingTheOracle(Devnet devnet) throws Exception {
        TestEoa user = new TestEoa(devnet, 1, 100, 0, 10);
        BigInteger tenWeth = WAD.multiply(BigInteger.TEN);
        user.approve("WETH", "AavePool");
        user.send("AavePool", "supply(address,uint256,address,uint16)", address(devnet, "WETH"), new Uint256(tenWeth),
                new Address(user.address()), new Uint16(0));
        assertThat(TestEoa.balanceOf(devnet, "AaveATokenWETH", user.address())).isEqualTo(tenWeth);

        BigInteger borrowed = BigInteger.valueOf(10_000_000_000L); // 10,000 USDC against 30,000 USD of WETH
        user.send("AavePool", "borrow(address,uint256,uint256,uint16,address)", address(devnet, "USDC"),
                new Uint256(borrowed), new Uint256(VARIABLE), new Uint16(0), new Address(user.address()));
        assertThat(user.balanceOf("USDC")).isEqualTo(borrowed.add(BigInteger.valueOf(100_000_000L)));
        double healthAt3000 = healthFactor(devnet, user.address());
        assertThat(healthAt3000).isCloseTo(30_000 * 0.825 / 10_000, within(0.01));

        devnet.faucet().setPrice("WETH", BigDecimal.valueOf(2_000));
        try {
            double healthAt2000 = healthFactor(devnet, user.address());
            assertThat(healthAt2000).isLessThan(healthAt3000).isCloseTo(healthAt3000 * 2 / 3, within(0.01));
        } finally {
            devnet.faucet().setPrice("WETH", BigDecimal.valueOf(3_000));
        }
        assertThat(healthFactor(devnet, user.address())).isCloseTo(healthAt3000, within(0.01));

        user.approve("USDC", "AavePool");
        user.send("AavePool", "repay(address,uint256,uint256,address)", address(devnet, "USDC"),
                new Uint256(TestEoa.MAX), new Uint256(VARIABLE), new Address(user.address()));
        assertThat(TestEoa.balanceOf(devnet, "AaveVariableDebtUSDC", user.address())).isZero();
        user.send("AavePool", "withdraw(address,uint256,address)", address(devnet, "WETH"), new Uint256(TestEoa.MAX),
                new Address(user.address()));
        assertThat(user.balanceOf("WETH")).isGreaterThanOrEqualTo(tenWeth);
        assertThat(TestEoa.balanceOf(devnet, "AaveATokenWETH", user.address())).isZero();
    }

    private static Address address(Devnet devnet, String name) {
        return new Address(devnet.manifest().address(name));
    }

    /** getUserAccountData(user).healthFactor, as a double. */
    static double healthFactor(Devnet devnet, String user) {
        String data = devnet.client().call(devnet.manifest().address("AavePool"),
                Abi.call("getUserAccountData(address)", new Address(user)));
        return new BigDecimal(Abi.word(data, 5)).movePointLeft(18).doubleValue();
    }
}
