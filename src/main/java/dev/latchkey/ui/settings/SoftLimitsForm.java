package dev.latchkey.ui.settings;

import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.ui.builder.Inputs;
import dev.latchkey.ui.builder.Parsed;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The local soft limits (stricter than the chain, checked by the signer before it signs) as typed in Settings,
 * parsed into {@link SoftLimits}. Token caps are one line each: {@code SYMBOL per-operation per-day} in token units,
 * {@code -} for "none".
 */
public record SoftLimitsForm(String maxEthPerOperation, String maxCallsPerOperation, String minValidityMinutes, String tokenCaps,
                             boolean allowUncheckedCustomPolicies) {

    /** Setting keys the form is stored under. */
    static final String ETH = "soft.maxEthPerOperation";
    static final String CALLS = "soft.maxCallsPerOperation";
    static final String VALIDITY = "soft.minValidityMinutes";
    static final String TOKENS = "soft.tokenCaps";
    static final String CUSTOM = "soft.allowUncheckedCustomPolicies";

    public Parsed<SoftLimits> parse(Optional<TradeNetwork> network) {
        Parsed<Optional<BigInteger>> eth = Inputs.optionalEth(maxEthPerOperation, false);
        if (!eth.isOk()) return Parsed.error("ETH per operation: " + eth.error());
        Parsed<Optional<Long>> calls = Inputs.optionalCount(maxCallsPerOperation, 64);
        if (!calls.isOk()) return Parsed.error("Calls per operation: " + calls.error());
        Parsed<Optional<Long>> validity = Inputs.optionalCount(minValidityMinutes, 7 * 24 * 60);
        if (!validity.isOk()) return Parsed.error("Minimum validity: " + validity.error());
        Map<Address, BigInteger> perOp = new LinkedHashMap<>();
        Map<Address, BigInteger> perDay = new LinkedHashMap<>();
        String[] lines = tokenCaps == null ? new String[0] : tokenCaps.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) continue;
            String[] parts = line.split("\\s+");
            if (parts.length != 3) return Parsed.error("Token caps, line " + (i + 1) + ": write SYMBOL per-operation per-day (- for none).");
            if (network.isEmpty()) return Parsed.error("Token caps need the active network's token list, which is not available yet.");
            Optional<Token> token = network.get().tokens().stream().filter(t -> t.symbol().equalsIgnoreCase(parts[0])).findFirst();
            if (token.isEmpty()) return Parsed.error("Token caps, line " + (i + 1) + ": " + parts[0] + " is not a token of " + network.get().name() + ".");
            for (int k = 1; k <= 2; k++) {
                if (parts[k].equals("-")) continue;
                Parsed<BigInteger> v = Inputs.amount(parts[k], token, 256);
                if (!v.isOk()) return Parsed.error("Token caps, line " + (i + 1) + ": " + v.error());
                (k == 1 ? perOp : perDay).put(token.get().address(), v.get());
            }
        }
        return Parsed.ok(new SoftLimits(eth.get(), perOp, perDay,
                calls.get().map(c -> OptionalInt.of(c.intValue())).orElse(OptionalInt.empty()),
                validity.get().map(m -> m * 60).orElse(0L), allowUncheckedCustomPolicies));
    }
}
