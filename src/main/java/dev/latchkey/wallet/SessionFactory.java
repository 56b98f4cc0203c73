package dev.latchkey.wallet;

import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.trade.template.LeastPrivilege;
import dev.latchkey.trade.template.SessionBounds;
import dev.latchkey.trade.catalog.Conditions;
import dev.latchkey.trade.template.SessionReview;
import dev.latchkey.trade.template.SessionTemplates;
import dev.latchkey.trade.template.TemplateContext;
import dev.latchkey.trade.template.TemplateSession;
import java.util.List;

/** Builds the session of a {@link SessionRequest} for one account and session key: pure, no keystore, no RPC. */
final class SessionFactory {

    /** A built session with what the owner will review. */
    record Built(WalletSession wallet, OnchainSession onchain, String label, String summary, String worstCase, List<String> review,
                 long validAfter, long validUntil) {

        HexBytes permissionId() {
            return Ids.permissionId(onchain);
        }
    }

    /** Policy kinds every template uses; a network without one cannot host template sessions. */
    private static final List<PolicyKind> TEMPLATE_POLICIES = List.of(PolicyKind.UNIVERSAL_ACTION, PolicyKind.TIME_FRAME,
            PolicyKind.USAGE_LIMIT, PolicyKind.GAS_COST_LIMIT, PolicyKind.PERIODIC_SPENDING_LIMIT, PolicyKind.SPENDING_LIMITS);
    private static final long NO_EXPIRY = (1L << 48) - 1;

    private final NetworkProfile profile;

    SessionFactory(NetworkProfile profile) {
        this.profile = profile;
    }

    Built build(SessionRequest request, Address account, Address sessionKey, HexBytes salt, long start) {
        TradeNetwork network = profile.tradeNetwork();
        return switch (request) {
            case SessionRequest.FromTemplate t -> {
                TEMPLATE_POLICIES.forEach(profile::policy);
                SessionBounds bounds = SessionBounds.of(start, t.days());
                TemplateSession ts = SessionTemplates.build(t.template(), bounds, new TemplateContext(network, account, sessionKey,
                        salt, profile.policies(), profile.ownableValidator()));
                yield new Built(ts.wallet(), ts.onchain(), t.template().id(), ts.summary(), ts.worstCase(),
                        SessionReview.lines(ts.wallet(), network, account), bounds.validAfter(), bounds.validUntil());
            }
            case SessionRequest.FromDocument d -> fromDocument(d, network, account, sessionKey, salt);
        };
    }

    private Built fromDocument(SessionRequest.FromDocument d, TradeNetwork network, Address account, Address sessionKey, HexBytes salt) {
        WalletSession in = d.document().session();
        if (!in.chains().isEmpty() && !in.chains().contains(profile.chainId())) {
            throw new FieldException("chains", "the file is for chains " + in.chains() + ", not " + profile.name() + " ("
                    + profile.chainId() + ")");
        }
        HexBytes fileSalt = in.salt().equals(HexBytes.zeros(32)) ? salt : in.salt();
        WalletSession ws = new WalletSession(new Owners.Ecdsa(List.of(sessionKey), 1, profile.ownableValidator()), in.actions(),
                in.policies(), fileSalt, List.of(profile.chainId()), in.signing(), in.permitErc4337Paymaster());
        Conditions.check(ws); // a meaningless rule is a mistake, not a broad grant: --allow-broad does not accept it
        boolean broad = false;
        try {
            LeastPrivilege.check(ws, account, network);
        } catch (FieldException e) {
            if (!d.allowBroad()) {
                throw new FieldException(e.field(), e.getMessage().substring(e.field().length() + 2)
                        + " (the file grants more than the wallet's least-privilege rules allow; pass --allow-broad to accept it)");
            }
            broad = true;
        }
        OnchainSession on = SessionMapper.toOnchain(ws, profile.policies());
        long after = 0;
        long until = NO_EXPIRY;
        for (Policy p : ws.policies()) {
            if (p instanceof Policy.TimeFrame tf) {
                after = tf.validAfter();
                until = tf.validUntil() == 0 ? NO_EXPIRY : tf.validUntil();
            }
        }
        String summary = (broad ? "BROAD session (outside the least-privilege rules) " : "Session ") + "from " + d.source() + ": "
                + ws.actions().size() + " action(s), " + ws.policies().size() + " operation policies.";
        return new Built(ws, on, "file " + d.source(), summary, broad ? "not bounded by the wallet's rules: read the review" : summary,
                SessionReview.lines(ws, network, account), after, until);
    }
}
