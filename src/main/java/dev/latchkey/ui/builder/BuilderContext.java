package dev.latchkey.ui.builder;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.time.InstantSource;
import java.time.ZoneId;

/**
 * What the builder needs from the wallet: the active network's contracts and tokens, the smart account, where each
 * policy type is deployed, the clock and the zone dates are shown in.
 */
public record BuilderContext(TradeNetwork network, Address account, PolicyAddresses policyAddresses, InstantSource clock, ZoneId zone) {
    public BuilderContext {
        if (network == null) throw new FieldException("network", "missing");
        if (account == null) throw new FieldException("account", "missing");
        if (policyAddresses == null) throw new FieldException("policyAddresses", "missing");
        if (clock == null) throw new FieldException("clock", "missing");
        if (zone == null) throw new FieldException("zone", "missing");
    }
}
