package dev.latchkey.wallet;

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
        if (pool.isEmpty() || !node.hasCode(pool.get().hex())) return Optional.empty();
        String d = node.call(pool.get().hex(), Abi.call("getUserAccountData(address)", addr(user)));
        List<AavePosition.Reserve> reserves = new ArrayList<>();
        for (Token t : tokens) {
            reserveTokens(node, pool.get(), t).ifPresent(r -> {
                BigInteger supplied = balanceOf(node, r[0], user);
                BigInteger borrowed = balanceOf(node, r[1], user);
                if (supplied.signum() > 0 || borrowed.signum() > 0) {
                    reserves.add(new AavePosition.Reserve(t.symbol(), t.decimals(), supplied, borrowed));
                }
            });
        }
        return Optional.of(new AavePosition(Abi.word(d, 0), Abi.word(d, 1), Abi.word(d, 2), Abi.word(d, 3), Abi.word(d, 4),
                Abi.word(d, 5), reserves));
    }

    /** aToken (word 8) and variable debt token (word 10) of {@code getReserveData(asset)}; empty if not a reserve. */
    private static Optional<Address[]> reserveTokens(EvmClient node, Address pool, Token asset) {
        try {
            String r = node.call(pool.hex(), Abi.call("getReserveData(address)", addr(asset.address())));
            Address aToken = new Address(Abi.address(r, 8));
            Address debt = new Address(Abi.address(r, 10));
            return aToken.equals(Address.ZERO) ? Optional.empty() : Optional.of(new Address[] {aToken, debt});
        } catch (RpcException e) {
            return Optional.empty();
        }
    }

    static org.web3j.abi.datatypes.Address addr(Address a) {
        return new org.web3j.abi.datatypes.Address(a.hex());
    }
}
