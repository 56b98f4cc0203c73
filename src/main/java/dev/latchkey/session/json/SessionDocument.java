package dev.latchkey.session.json;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.wallet.WalletSession;

/** A wallet-format session file: the session plus the policy addresses it was built against. */
public record SessionDocument(WalletSession session, PolicyAddresses policyAddresses) {
    public SessionDocument {
        if (session == null) throw new FieldException("session", "missing");
        if (policyAddresses == null) throw new FieldException("policyAddresses", "missing");
    }
}
