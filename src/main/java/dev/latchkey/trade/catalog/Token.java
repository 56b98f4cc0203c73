package dev.latchkey.trade.catalog;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;

/** An ERC-20 token of a network: symbol (upper case, unique per network), address and decimals. */
public record Token(String symbol, Address address, int decimals) {
    public Token {
        if (symbol == null || !symbol.matches("[A-Z0-9.]{1,16}")) throw new FieldException("token.symbol", "1-16 upper-case letters/digits: " + symbol);
        if (address == null) throw new FieldException("token.address", "missing");
        if (decimals < 0 || decimals > 36) throw new FieldException("token.decimals", "must be 0..36, got " + decimals);
    }
}
