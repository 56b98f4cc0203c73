package dev.latchkey.trade.build;

import dev.latchkey.aa.execution.Execution;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A trade ready for a user operation: its calls and the ERC-7579 {@code execute} callData (batch for two or more
 * calls, single otherwise), a one-line description, and for swaps the quote and the {@code amountOutMinimum} derived
 * from it.
 */
public record BuiltTrade(Address account, List<Execution> calls, HexBytes callData, String description,
        Optional<Quote> quote, Optional<BigInteger> amountOutMinimum) {
    public BuiltTrade {
        calls = List.copyOf(calls);
    }
}
