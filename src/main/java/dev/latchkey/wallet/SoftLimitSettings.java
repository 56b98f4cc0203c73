package dev.latchkey.wallet;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Settings;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.NumberText;
import dev.latchkey.trade.catalog.Amounts;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The wallet's soft limits as stored in its settings (the text the owner typed in Settings), and their one parser
 * into {@link SoftLimits}: the Settings screen validates with it, the desktop workspace and the CLI start the signer
 * with what it returns. Token caps are one line each, {@code SYMBOL per-operation per-day} in token units, {@code -}
 * for "none"; empty fields mean "no limit".
 */
public record SoftLimitSettings(String maxEthPerOperation, String maxCallsPerOperation, String minValidityMinutes, String tokenCaps,
                                boolean allowUncheckedCustomPolicies) {

    public static final String ETH = "soft.maxEthPerOperation";
    public static final String CALLS = "soft.maxCallsPerOperation";
    public static final String VALIDITY = "soft.minValidityMinutes";
    public static final String TOKENS = "soft.tokenCaps";
    public static final String CUSTOM = "soft.allowUncheckedCustomPolicies";

    /** The limits, or the first thing wrong with the text, worded for the owner. */
    public record Result(Optional<SoftLimits> limits, String error) {
        static Result ok(SoftLimits l) {
            return new Result(Optional.of(l), "");
        }

        static Result error(String e) {
            return new Result(Optional.empty(), e);
        }
    }

    private static final Token ETHER = new Token("ETH", new Address("0x000000000000000000000000000000000000eeee"), 18);

    public static SoftLimitSettings read(Settings settings) throws KeystoreException {
        return new SoftLimitSettings(text(settings, ETH), text(settings, CALLS), text(settings, VALIDITY), text(settings, TOKENS),
                Boolean.parseBoolean(text(settings, CUSTOM)));
    }

    public void write(Settings settings) throws KeystoreException {
        settings.put(ETH, maxEthPerOperation);
        settings.put(CALLS, maxCallsPerOperation);
        settings.put(VALIDITY, minValidityMinutes);
        settings.put(TOKENS, tokenCaps);
        settings.put(CUSTOM, Boolean.toString(allowUncheckedCustomPolicies));
    }

    public Result parse(Optional<TradeNetwork> network) {
        Optional<BigInteger> eth;
        try {
            eth = blank(maxEthPerOperation) ? Optional.empty() : Optional.of(Amounts.toUnits("amount", maxEthPerOperation.trim(), ETHER));
        } catch (FieldException e) {
            return Result.error("ETH per operation: " + sentence(e));
        }
        Count calls = count("Calls per operation", maxCallsPerOperation, 64);
        if (!calls.error().isEmpty()) return Result.error(calls.error());
        Count validity = count("Minimum validity", minValidityMinutes, 7 * 24 * 60);
        if (!validity.error().isEmpty()) return Result.error(validity.error());
        Map<Address, BigInteger> perOp = new LinkedHashMap<>();
        Map<Address, BigInteger> perDay = new LinkedHashMap<>();
        String[] lines = tokenCaps == null ? new String[0] : tokenCaps.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) continue;
            String[] parts = line.split("\\s+");
            if (parts.length != 3) return Result.error("Token caps, line " + (i + 1) + ": write SYMBOL per-operation per-day (- for none).");
            if (network.isEmpty()) return Result.error("Token caps need the active network's token list, which is not available yet.");
            Optional<Token> token = network.get().tokens().stream().filter(t -> t.symbol().equalsIgnoreCase(parts[0])).findFirst();
            if (token.isEmpty()) return Result.error("Token caps, line " + (i + 1) + ": " + parts[0] + " is not a token of " + network.get().name() + ".");
            for (int k = 1; k <= 2; k++) {
                if (parts[k].equals("-")) continue;
                try {
                    (k == 1 ? perOp : perDay).put(token.get().address(), Amounts.toUnits("amount", parts[k], token.get()));
                } catch (FieldException e) {
                    return Result.error("Token caps, line " + (i + 1) + ": " + sentence(e));
                }
            }
        }
        return Result.ok(new SoftLimits(eth, perOp, perDay, calls.value() > 0 ? OptionalInt.of((int) calls.value()) : OptionalInt.empty(),
                validity.value() * 60, allowUncheckedCustomPolicies));
    }

    /**
     * The signer's soft limits for {@code network} from the stored text; a stored text that no longer parses (a
     * token cap of another network) refuses to start rather than sign without the owner's limits.
     */
    public static SoftLimits limits(Settings settings, TradeNetwork network) throws KeystoreException {
        Result r = read(settings).parse(Optional.of(network));
        return r.limits().orElseThrow(() -> new WalletException(WalletException.Kind.STATE,
                "the soft limits in Settings do not apply to " + network.name() + ": " + r.error()));
    }

    /**
     * The owner's limits as stored now, read at every signer check, so a change saved in Settings applies to the next
     * trade. The limits must parse when the signer starts; a stored text that later stops parsing fails the check
     * (the signer refuses to sign without the owner's limits). Parsed again only when the stored text changed.
     */
    public static java.util.function.Supplier<SoftLimits> live(Settings settings, TradeNetwork network) throws KeystoreException {
        limits(settings, network);
        java.util.concurrent.atomic.AtomicReference<java.util.Map.Entry<SoftLimitSettings, SoftLimits>> last =
                new java.util.concurrent.atomic.AtomicReference<>();
        return () -> {
            try {
                SoftLimitSettings now = read(settings);
                java.util.Map.Entry<SoftLimitSettings, SoftLimits> cached = last.get();
                if (cached != null && cached.getKey().equals(now)) return cached.getValue();
                Result r = now.parse(Optional.of(network));
                SoftLimits l = r.limits().orElseThrow(() -> new WalletException(WalletException.Kind.STATE,
                        "the soft limits in Settings do not apply to " + network.name() + ": " + r.error()));
                last.set(java.util.Map.entry(now, l));
                return l;
            } catch (KeystoreException e) {
                throw new WalletException(WalletException.Kind.STATE, "cannot read the soft limits: " + e.getMessage(), e);
            }
        };
    }

    /** A positive whole count; 0 = no limit. */
    private record Count(long value, String error) { }

    private static Count count(String what, String text, long max) {
        if (blank(text)) return new Count(0, "");
        long v;
        try {
            v = NumberText.whole("count", text, 0, Long.MAX_VALUE);
        } catch (FieldException e) {
            return new Count(0, what + ": " + (e.getMessage().contains("must be") ? "At most " + max + "." : sentence(e)));
        }
        if (v < 1) return new Count(0, what + ": Must be at least 1 (leave empty for no limit).");
        if (v > max) return new Count(0, what + ": At most " + max + ".");
        return new Count(v, "");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String text(Settings settings, String key) throws KeystoreException {
        String v = settings.get(key);
        return v == null ? "" : v;
    }

    private static String sentence(FieldException e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        String s = colon >= 0 && m.startsWith(e.field()) ? m.substring(colon + 2) : m;
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
