package dev.latchkey.ui.builder;

import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.util.List;

/**
 * A session waiting for the owner's one approval: the on-chain struct exactly as it will be hashed and enabled,
 * the account it is for, the SmartSession module, and each chain with SmartSession's enable nonce for this
 * permission id there (0 for a fresh salt; the approval service re-reads it before signing). {@code sessionKey} is
 * the vault key the session was built for.
 */
public record ApprovalRequest(OnchainSession session, Address account, Address smartSession, List<EnablePlan.ChainNonce> chains,
                              TradeNetwork network, PolicyAddresses policyAddresses, Address sessionKey, String label,
                              Address ownableValidator) {

    /** Unnamed, with the canonical OwnableValidator as the only one decoded as ECDSA owners. */
    public ApprovalRequest(OnchainSession session, Address account, Address smartSession, List<EnablePlan.ChainNonce> chains,
                           TradeNetwork network, PolicyAddresses policyAddresses, Address sessionKey) {
        this(session, account, smartSession, chains, network, policyAddresses, sessionKey, "",
                dev.latchkey.session.wallet.Owners.OWNABLE_VALIDATOR);
    }

    /**
     * @param label            the person's name for the session (blank: none given)
     * @param ownableValidator this network's OwnableValidator: a session on it is shown as its ECDSA owners
     */
    public ApprovalRequest {
        if (label == null) label = "";
        if (ownableValidator == null) throw new FieldException("ownableValidator", "missing");
        if (session == null) throw new FieldException("session", "missing");
        if (account == null) throw new FieldException("account", "missing");
        if (smartSession == null) throw new FieldException("smartSession", "missing");
        if (chains == null || chains.isEmpty()) throw new FieldException("chains", "at least one chain");
        if (network == null) throw new FieldException("network", "missing");
        if (policyAddresses == null) throw new FieldException("policyAddresses", "missing");
        if (sessionKey == null) throw new FieldException("sessionKey", "missing");
        chains = List.copyOf(chains);
    }
}
