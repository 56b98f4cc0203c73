package dev.latchkey.wallet;

import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * An account as the portfolio shows it: address, owner, whether it is deployed (or still counterfactual), balances
 * and the Aave position (empty where the network has no Aave).
 */
public record AccountView(String network, long chainId, Address address, Address owner, String label, boolean deployed,
                          BigInteger ethWei, List<TokenBalance> tokens, Optional<AavePosition> aave) {

    public AccountView {
        tokens = List.copyOf(tokens);
    }

    /** A token balance in raw units, with its decimals for display. */
    public record TokenBalance(String symbol, Address token, int decimals, BigInteger raw) { }
}
