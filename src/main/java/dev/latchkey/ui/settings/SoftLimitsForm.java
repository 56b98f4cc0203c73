package dev.latchkey.ui.settings;

import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.ui.builder.Parsed;
import dev.latchkey.wallet.SoftLimitSettings;
import java.util.Optional;

/**
 * The local soft limits (stricter than the chain, checked by the signer before it signs) as typed in Settings; parsed
 * by {@link SoftLimitSettings}, the one parser the workspace and the CLI also start the signer with.
 */
public record SoftLimitsForm(String maxEthPerOperation, String maxCallsPerOperation, String minValidityMinutes, String tokenCaps,
                             boolean allowUncheckedCustomPolicies) {

    /** Setting keys the form is stored under. */
    static final String ETH = SoftLimitSettings.ETH;
    static final String CALLS = SoftLimitSettings.CALLS;
    static final String VALIDITY = SoftLimitSettings.VALIDITY;
    static final String TOKENS = SoftLimitSettings.TOKENS;
    static final String CUSTOM = SoftLimitSettings.CUSTOM;

    public Parsed<SoftLimits> parse(Optional<TradeNetwork> network) {
        SoftLimitSettings.Result r = new SoftLimitSettings(maxEthPerOperation, maxCallsPerOperation, minValidityMinutes, tokenCaps,
                allowUncheckedCustomPolicies).parse(network);
        return r.limits().map(Parsed::ok).orElseGet(() -> Parsed.error(r.error()));
    }
}
