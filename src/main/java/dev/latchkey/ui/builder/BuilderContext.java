package dev.latchkey.ui.builder;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.time.InstantSource;
import java.time.ZoneId;

/**
 * What the builder needs from the wallet: the active network's contracts and tokens, the smart account, where each
 * policy type is deployed, the clock, the zone dates are shown in, and the network's OwnableValidator (the
 * session validator that checks a session key's signature; its address differs per deployment).
 */
public record BuilderContext(TradeNetwork network, Address account, PolicyAddresses policyAddresses, InstantSource clock, ZoneId zone,
                             Address sessionValidator) {

    /** With the canonical OwnableValidator (module-sdk 0.4.0) checking session keys. */
    public BuilderContext(TradeNetwork network, Address account, PolicyAddresses policyAddresses, InstantSource clock, ZoneId zone) {
        this(network, account, policyAddresses, clock, zone, Owners.OWNABLE_VALIDATOR);
    }

    public BuilderContext {
        if (sessionValidator == null) throw new FieldException("sessionValidator", "missing");
        if (network == null) throw new FieldException("network", "missing");
        if (account == null) throw new FieldException("account", "missing");
        if (policyAddresses == null) throw new FieldException("policyAddresses", "missing");
        if (clock == null) throw new FieldException("clock", "missing");
        if (zone == null) throw new FieldException("zone", "missing");
    }
}
