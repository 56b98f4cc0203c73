package dev.latchkey.wallet;

import dev.latchkey.chain.AavePool;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.RpcException;
import dev.latchkey.session.model.Address;
import dev.latchkey.trade.catalog.Token;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Read-only views the portfolio needs: ERC-20 balances and the Aave position. One {@code eth_call} each. */
final class ChainReads {

    private ChainReads() { }

    static BigInteger balanceOf(EvmClient node, Address token, Address holder) {
        return Abi.word(node.call(token.hex(), Abi.call("balanceOf(address)", addr(holder))), 0);
    }

    static List<AccountView.TokenBalance> balances(EvmClient node, List<Token> tokens, Address holder) {
        return tokens.stream().map(t -> new AccountView.TokenBalance(t.symbol(), t.address(), t.decimals(),
                balanceOf(node, t.address(), holder))).toList();
    }

    /** The position, or empty when the pool has no code (network without Aave). */
    static Optional<AavePosition> aave(EvmClient node, Optional<Address> pool, List<Token> tokens, Address user) {
        if (pool.isEmpty()) return Optional.empty();
        AavePool aave = new AavePool(node, pool.get().hex());
        if (!aave.deployed()) return Optional.empty();
        AavePool.AccountData d = aave.accountData(user.hex());
        List<AavePosition.Reserve> reserves = new ArrayList<>();
        for (Token t : tokens) {
            aave.reserve(t.address().hex()).ifPresent(r -> {
                BigInteger supplied = aave.balanceOf(r.aToken(), user.hex());
                BigInteger borrowed = aave.balanceOf(r.variableDebtToken(), user.hex());
                if (supplied.signum() > 0 || borrowed.signum() > 0) {
                    reserves.add(new AavePosition.Reserve(t.symbol(), t.decimals(), supplied, borrowed));
                }
            });
        }
        return Optional.of(new AavePosition(d.totalCollateralBase(), d.totalDebtBase(), d.availableBorrowsBase(),
                d.currentLiquidationThreshold(), d.ltv(), d.healthFactor(), reserves));
    }

    static org.web3j.abi.datatypes.Address addr(Address a) {
        return new org.web3j.abi.datatypes.Address(a.hex());
    }
}
