package dev.latchkey.wallet;

import dev.latchkey.aa.flow.ChainPolicyState;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Settings;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;

/** Builds {@link SessionView}s: stored record + decoded definition + the live counters of its policies on this chain. */
final class SessionViews {

    private final ChainConnection chain;
    private final Settings settings;

    SessionViews(ChainConnection chain, Settings settings) {
        this.chain = chain;
        this.settings = settings;
    }

    SessionView of(SessionRecord r) throws KeystoreException {
        StoredSession s = StoredSession.of(r);
        NetworkProfile p = chain.profile();
        HexBytes pid = s.permissionId();
        boolean enabled = r.chain(p.chainId()).isPresent()
                && SmartSessionReads.isEnabled(chain.node(), p.smartSession(), pid, s.account());
        PolicyState state = enabled ? new ChainPolicyState(chain.node(), p.smartSession(), s.account()) : new InMemoryPolicyState();
        SessionUsage usage = new SessionUsageReader(p.policies(), p.tradeNetwork())
                .read(s.account(), pid, s.onchain(), state, chain.chainTime());
        return new SessionView(pid, SessionLabels.of(settings, pid), s.account(), Address.parse("key", r.sessionKeyAddress()),
                state(r, enabled), r.validAfter(), r.validUntil(), usage, s.review(p));
    }

    private SessionView.State state(SessionRecord r, boolean enabledOnChain) {
        if (r.status() == SessionStatus.REVOKED) return SessionView.State.REVOKED;
        if (r.status() == SessionStatus.REVOKING) return SessionView.State.REVOKING;
        if (r.status() == SessionStatus.EXPIRED || chain.chainTime() >= r.validUntil()) return SessionView.State.EXPIRED;
        if (r.status() == SessionStatus.ENABLED || enabledOnChain) return SessionView.State.ENABLED;
        return r.approved() ? SessionView.State.READY : SessionView.State.AWAITING_APPROVAL;
    }
}
