package dev.latchkey.ui.builder;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.NumberText;
import dev.latchkey.session.model.Selector;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses what the user types into exact values, or says why not in one sentence. Amounts are decimal text in a
 * token's units, converted exactly ("0.1" USDC = 100000; more fraction digits than the token has is refused, never
 * rounded).
 */
public final class Inputs {

    private Inputs() { }

    /** An address: 0x + 40 hex digits (EIP-55 checked when mixed case), a token symbol, a contract label, or "this account". */
    public static Parsed<Address> address(String text, TradeNetwork network, Address account) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return Parsed.error("Enter an address (0x…), a token symbol or 'this account'.");
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("this account") || lower.equals("account") || lower.equals("me")) return Parsed.ok(account);
        if (!lower.startsWith("0x")) {
            Optional<Address> named = network.tokens().stream().filter(tok -> tok.symbol().equalsIgnoreCase(t)).map(Token::address).findFirst()
                    .or(() -> byLabel(t, network));
            return named.map(Parsed::ok).orElseGet(() -> Parsed.error("'" + t + "' is not an address, a token of " + network.name() + " or a known contract."));
        }
        try {
            return Parsed.ok(Address.parse("address", t));
        } catch (FieldException e) {
            return Parsed.error(t.length() != 42 ? "An address has 40 hex digits after 0x; this has " + (t.length() - 2) + "."
                    : sentence(e));
        }
    }

    private static Optional<Address> byLabel(String t, TradeNetwork n) {
        for (Address a : new Address[] {n.swapRouter02(), n.quoterV2(), n.aavePool()}) {
            if (n.label(a).map(l -> l.equalsIgnoreCase(t)).orElse(false)) return Optional.of(a);
        }
        return Optional.empty();
    }

    /** A token amount in units of {@code token} ("2,000" and "2000.5" accepted), or a raw integer without a token. */
    public static Parsed<BigInteger> amount(String text, Optional<Token> token, int bits) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return Parsed.error("Enter an amount.");
        try {
            BigInteger v = token.isPresent() ? Amounts.toUnits("amount", t, token.get()) : integer(t);
            if (v.bitLength() > bits) return Parsed.error("Too large: the argument is a " + bits + "-bit number.");
            return Parsed.ok(v);
        } catch (FieldException e) {
            return Parsed.error(sentence(e));
        } catch (NumberFormatException | ArithmeticException e) {
            return Parsed.error("Not a whole number: " + t + ".");
        }
    }

    /** Optional variant: empty text means "no limit". */
    public static Parsed<Optional<BigInteger>> optionalAmount(String text, Optional<Token> token, int bits, boolean nonZero) {
        if (text == null || text.isBlank()) return Parsed.ok(Optional.empty());
        Parsed<BigInteger> p = amount(text, token, bits);
        if (p.isOk() && nonZero && p.get().signum() == 0) return Parsed.error("Must be more than 0 (leave empty for no limit).");
        return p.map(Optional::of);
    }

    /** ETH in ether units (18 decimals). */
    public static Parsed<Optional<BigInteger>> optionalEth(String text, boolean nonZero) {
        return optionalAmount(text, Optional.of(new Token("ETH", new Address("0x000000000000000000000000000000000000eeee"), 18)), 256, nonZero);
    }

    /** A positive whole count (operations, uses), or empty for "no limit". */
    public static Parsed<Optional<Long>> optionalCount(String text, long max) {
        if (text == null || text.isBlank()) return Parsed.ok(Optional.empty());
        long v;
        try {
            v = NumberText.whole("count", text, 0, Long.MAX_VALUE);
        } catch (FieldException e) {
            return Parsed.error(e.getMessage().contains("must be") ? "At most " + max + "." : sentence(e));
        }
        if (v < 1) return Parsed.error("Must be at least 1 (leave empty for no limit).");
        if (v > max) return Parsed.error("At most " + max + ".");
        return Parsed.ok(Optional.of(v));
    }

    /** A 4-byte selector {@code 0x1234abcd} or a function signature (its selector is computed). */
    public static Parsed<FunctionShape> function(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return Parsed.error("Enter a selector (0x + 8 hex digits) or a signature such as transfer(address to,uint256 amount).");
        if (t.startsWith("0x") || t.startsWith("0X")) {
            try {
                return Parsed.ok(FunctionShape.bareSelector(Selector.parse("selector", t)));
            } catch (FieldException e) {
                return Parsed.error("A selector is 0x followed by 8 hex digits.");
            }
        }
        return FunctionShape.parseSignature(t);
    }

    /** 0x-hex bytes (validator init data). */
    public static Parsed<HexBytes> hex(String text) {
        String t = text == null ? "" : text.trim();
        try {
            return Parsed.ok(HexBytes.parse("data", t.isEmpty() ? "0x" : t));
        } catch (FieldException e) {
            return Parsed.error(sentence(e));
        }
    }

    private static BigInteger integer(String t) {
        if (t.startsWith("0x") || t.startsWith("0X")) {
            if (t.length() > 66 || !t.substring(2).matches("[0-9a-fA-F]+")) throw new NumberFormatException(t);
            return new BigInteger(t.substring(2), 16);
        }
        return NumberText.decimal("amount", t).toBigIntegerExact(); // a fraction is not a whole word: ArithmeticException
    }

    /** "amount: USDC has 6 decimals; 0.0000001 has more" → "USDC has 6 decimals; 0.0000001 has more." */
    static String sentence(FieldException e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        String s = colon >= 0 && m.startsWith(e.field()) ? m.substring(colon + 2) : m;
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }

    /** SmartSession keeps one policy set per (target, selector): the same function twice is refused, with why. */
    static String duplicateAction(java.util.List<SessionSpec.ActionSpec> parsed) {
        for (int i = 0; i < parsed.size(); i++) {
            for (int k = 0; k < i; k++) {
                if (parsed.get(i).target().equals(parsed.get(k).target()) && parsed.get(i).selector().equals(parsed.get(k).selector())) {
                    return "The same function on the same contract appears twice; SmartSession would keep only the last one's rules.";
                }
            }
        }
        return "";
    }
}
