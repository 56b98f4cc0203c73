package dev.latchkey.wallet;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.RpcException;
import dev.latchkey.session.model.Address;
import dev.latchkey.trade.catalog.Token;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A token of a user network as its chain describes it: the person names symbol and address, the chain answers
 * {@code decimals()} (never typed by hand: a wrong one would misstate every amount by powers of ten) and
 * {@code symbol()}, which must be the name given, so a mistyped address is caught before anything uses it.
 */
public final class NetworkTokens {

    /** Longest symbol() answer read; a real ERC-20 symbol is a few characters. */
    private static final int MAX_SYMBOL_BYTES = 64;

    private NetworkTokens() {
    }

    public static Token read(EvmClient client, String symbol, String address, String network) {
        String wanted = symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
        Address at = Address.parse("token " + wanted, address);
        if (!client.hasCode(at.hex())) {
            throw new WalletException(WalletException.Kind.MISSING_DEPLOYMENT, "the token " + wanted + " has no code at "
                    + at + " on " + network);
        }
        BigInteger decimals;
        String onChain;
        try {
            decimals = Abi.word(client.call(at.hex(), Abi.call("decimals()")), 0);
            onChain = decodeString(client.call(at.hex(), Abi.call("symbol()")));
        } catch (RpcException | IllegalArgumentException | ArithmeticException e) {
            throw new WalletException(WalletException.Kind.INCOMPATIBLE_MODULE, "the contract at " + at + " on " + network
                    + " does not answer as an ERC-20 token (decimals() and symbol()); check the address of " + wanted);
        }
        if (decimals.signum() < 0 || decimals.compareTo(BigInteger.valueOf(36)) > 0) {
            throw new WalletException(WalletException.Kind.INCOMPATIBLE_MODULE, "the token at " + at + " on " + network
                    + " says it has " + decimals + " decimals; the wallet handles 0 to 36");
        }
        if (!onChain.equalsIgnoreCase(wanted)) {
            throw new WalletException(WalletException.Kind.INVALID, "the token at " + at + " on " + network + " is "
                    + (onChain.isEmpty() ? "unnamed" : onChain) + ", not " + wanted + "; check the address");
        }
        return new Token(wanted, at, decimals.intValueExact());
    }

    /** An ABI-encoded {@code string} return (offset, length, bytes). */
    static String decodeString(String returnData) {
        String hex = returnData.startsWith("0x") ? returnData.substring(2) : returnData;
        if (hex.length() < 128) {
            throw new IllegalArgumentException("short string return");
        }
        int offset = new BigInteger(hex.substring(0, 64), 16).intValueExact();
        if (offset != 32) {
            throw new IllegalArgumentException("unexpected string offset " + offset);
        }
        int length = new BigInteger(hex.substring(64, 128), 16).intValueExact();
        if (length > MAX_SYMBOL_BYTES || hex.length() < 128 + 2 * length) {
            throw new IllegalArgumentException("string length " + length);
        }
        return new String(HexFormat.of().parseHex(hex.substring(128, 128 + 2 * length)), StandardCharsets.UTF_8);
    }
}
