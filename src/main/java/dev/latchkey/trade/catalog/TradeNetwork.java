package dev.latchkey.trade.catalog;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where the trading contracts of one network live. Built from explicit addresses (the devnet manifest supplies
 * them); {@link #ethereum()} and {@link #base()} are public presets of well-known addresses, to be verified on
 * chain (code hash) before use — see docs/trade.md. {@code entryPoint} and {@code smartSession} are carried so
 * that templates and builders can refuse them as call targets (security.md R8).
 */
public record TradeNetwork(
        String name,
        long chainId,
        Address swapRouter02,
        Address quoterV2,
        Address aavePool,
        List<Token> tokens,
        Address entryPoint,
        Address smartSession) {

    public static final Address ENTRY_POINT_V07 = new Address("0x0000000071727De22E5E9d8BAf0edAc6f37da032");
    public static final Address SMART_SESSION_V1 = new Address("0x00000000008bDABA73cD9815d79069c247Eb4bDA");

    public TradeNetwork {
        if (name == null || name.isBlank()) throw new FieldException("network.name", "missing");
        if (chainId <= 0) throw new FieldException("network.chainId", "must be positive, got " + chainId);
        if (entryPoint == null) throw new FieldException("network.entryPoint", "missing");
        if (smartSession == null) throw new FieldException("network.smartSession", "missing");
        if (tokens == null || tokens.isEmpty()) throw new FieldException("network.tokens", "at least one token");
        tokens = List.copyOf(tokens);
        Set<Address> seen = new HashSet<>(List.of(entryPoint, smartSession));
        requireContract("network.swapRouter02", swapRouter02, seen);
        requireContract("network.quoterV2", quoterV2, seen);
        requireContract("network.aavePool", aavePool, seen);
        Set<String> symbols = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            requireContract("network.tokens[" + i + "].address", t.address(), seen);
            if (!symbols.add(t.symbol())) throw new FieldException("network.tokens[" + i + "].symbol", "duplicate symbol " + t.symbol());
        }
    }

    private static void requireContract(String field, Address a, Set<Address> seen) {
        if (a == null) throw new FieldException(field, "missing");
        if (Targets.isPrecompileOrZero(a)) throw new FieldException(field, "zero or precompile address " + a);
        if (!seen.add(a)) throw new FieldException(field, "address " + a + " is used twice (or is the EntryPoint/SmartSession)");
    }

    /** The token with {@code symbol} (case-insensitive); the error names {@code field} and lists the known ones. */
    public Token token(String field, String symbol) {
        if (symbol == null || symbol.isBlank()) throw new FieldException(field, "missing");
        String s = symbol.trim().toUpperCase(Locale.ROOT);
        return tokens.stream().filter(t -> t.symbol().equals(s)).findFirst().orElseThrow(() -> new FieldException(field,
                "unknown token " + symbol + " on " + name + "; known: " + String.join(", ", tokens.stream().map(Token::symbol).toList())));
    }

    public Optional<Token> tokenAt(Address address) {
        return tokens.stream().filter(t -> t.address().equals(address)).findFirst();
    }

    /** A label for review screens: "USDC", "SwapRouter02", "Aave Pool", … or empty. */
    public Optional<String> label(Address a) {
        if (a.equals(swapRouter02)) return Optional.of("SwapRouter02");
        if (a.equals(quoterV2)) return Optional.of("QuoterV2");
        if (a.equals(aavePool)) return Optional.of("Aave Pool");
        if (a.equals(entryPoint)) return Optional.of("EntryPoint");
        if (a.equals(smartSession)) return Optional.of("SmartSession");
        return tokenAt(a).map(Token::symbol);
    }

    /** Ethereum mainnet (chain 1). Well-known addresses, TO VERIFY on chain before use. */
    public static TradeNetwork ethereum() {
        return new TradeNetwork("ethereum", 1,
                new Address("0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45"),
                new Address("0x61fFE014bA17989E743c5F6cB21bF9697530B21e"),
                new Address("0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2"),
                List.of(new Token("USDC", new Address("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"), 6),
                        new Token("DAI", new Address("0x6B175474E89094C44Da98b954EedeAC495271d0F"), 18),
                        new Token("WETH", new Address("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"), 18)),
                ENTRY_POINT_V07, SMART_SESSION_V1);
    }

    /** Base (chain 8453). Well-known addresses, TO VERIFY on chain before use. */
    public static TradeNetwork base() {
        return new TradeNetwork("base", 8453,
                new Address("0x2626664c2603336E57B271c5C0b26F421741e481"),
                new Address("0x3d4e44Eb1374240CE5F1B871ab261CD16335B76a"),
                new Address("0xA238Dd80C259a72e81d7e4664a9801593F98d1c5"),
                List.of(new Token("USDC", new Address("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"), 6),
                        new Token("DAI", new Address("0x50c5725949A6F0c72E6C4a641F24049A917DB0Cb"), 18),
                        new Token("WETH", new Address("0x4200000000000000000000000000000000000006"), 18)),
                ENTRY_POINT_V07, SMART_SESSION_V1);
    }

    /** A public preset by name ("ethereum"/"mainnet", "base"). */
    public static TradeNetwork preset(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "ethereum", "mainnet" -> ethereum();
            case "base" -> base();
            default -> throw new FieldException("network", "unknown preset " + name + "; known: ethereum, base (devnet comes from its manifest)");
        };
    }
}
