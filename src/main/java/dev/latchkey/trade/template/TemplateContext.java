package dev.latchkey.trade.template;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.trade.catalog.TradeNetwork;

/**
 * What a template needs besides its parameters: the network's contracts, the smart account, the session key's
 * address (the signer generates the key; only the address enters the session, R2), a fresh 32-byte salt (never
 * reused, R17), where each policy type is deployed (Latchkey's own policies come from the devnet manifest) and the
 * OwnableValidator that checks the session key's signature (the canonical deployment unless the network has its own:
 * it is part of the permission id, so it must be the one deployed on the chain).
 */
public record TemplateContext(TradeNetwork network, Address account, Address sessionKey, HexBytes salt, PolicyAddresses policyAddresses,
                              Address sessionValidator) {

    /** With the canonical OwnableValidator (module-sdk 0.4.0). */
    public TemplateContext(TradeNetwork network, Address account, Address sessionKey, HexBytes salt, PolicyAddresses policyAddresses) {
        this(network, account, sessionKey, salt, policyAddresses, Owners.OWNABLE_VALIDATOR);
    }

    public TemplateContext {
        if (sessionValidator == null) throw new FieldException("sessionValidator", "missing");
        if (network == null) throw new FieldException("network", "missing");
        if (account == null) throw new FieldException("account", "missing");
        if (sessionKey == null) throw new FieldException("sessionKey", "missing");
        if (sessionKey.equals(account)) throw new FieldException("sessionKey", "must not be the account");
        if (salt == null || salt.length() != 32) throw new FieldException("salt", "expected 32 bytes");
        if (policyAddresses == null) throw new FieldException("policyAddresses", "missing");
        for (PolicyKind k : new PolicyKind[] {PolicyKind.UNIVERSAL_ACTION, PolicyKind.TIME_FRAME, PolicyKind.USAGE_LIMIT,
                PolicyKind.GAS_COST_LIMIT, PolicyKind.PERIODIC_SPENDING_LIMIT, PolicyKind.SPENDING_LIMITS}) {
            policyAddresses.addressOf("policyAddresses." + k.jsonName(), k);
        }
    }
}
