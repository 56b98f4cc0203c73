package dev.latchkey.app;

import dev.latchkey.aa.flow.ChainPolicyState;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.sessions.SessionCard;
import dev.latchkey.ui.sessions.SessionCards;
import dev.latchkey.ui.sessions.SessionsPort;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.SessionLabels;
import dev.latchkey.wallet.WalletException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link SessionsPort} over the keystore's sessions, their stored on-chain definitions and the policy contracts'
 * live getters ({@link ChainPolicyState}); revocation through {@link SessionRevoker}.
 */
final class LiveSessions implements SessionsPort {

    private final LiveWorkspace workspace;

    LiveSessions(LiveWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Snapshot load() throws Exception {
        WalletWorkspace w = workspace.current();
        NetworkProfile p = w.profile();
        long now = w.chain().chainTime();
        Address account = Address.parse("account", w.account().address());
        SessionCards cards = new SessionCards(p.policies(), p.tradeNetwork());
        List<SessionCard> out = new ArrayList<>();
        for (SessionRecord r : mine(w)) {
            HexBytes pid = HexBytes.of(r.permissionId());
            String label = SessionLabels.of(w.keystore().settings(), pid);
            Optional<OnchainSession> def = w.ports().definitions().definitionOf(r);
            if (def.isEmpty()) {
                out.add(new SessionCard(pid, label, SessionCards.status(r, now), r.validAfter(), r.validUntil(), Optional.empty(),
                        List.of(), List.of(), Optional.of("Its stored definition cannot be read; the signer will not use it.")));
                continue;
            }
            Address smartSession = r.chain(p.chainId()).map(c -> Address.parse("smartSession", c.smartSession())).orElse(p.smartSession());
            out.add(cards.card(r, def.get(), label, new ChainPolicyState(w.chain().node(), smartSession, account), now));
        }
        // live sessions first, newest first within each group
        List<SessionCard> ordered = new ArrayList<>(out);
        java.util.Collections.reverse(ordered);
        ordered.sort(Comparator.comparing(c -> !c.status().live()));
        return new Snapshot(now, ordered);
    }

    @Override
    public String revoke(HexBytes permissionId, AsyncAction.Progress progress) throws Exception {
        WalletWorkspace w = workspace.current();
        SessionRecord r = mine(w).stream().filter(s -> HexBytes.of(s.permissionId()).equals(permissionId)).findFirst()
                .orElseThrow(() -> new WalletException(WalletException.Kind.NOT_FOUND, "no session " + permissionId.hex()
                        + " of this account on " + w.profile().name()));
        try {
            return new SessionRevoker(w).revoke(List.of(r), progress);
        } finally {
            workspace.changed();
        }
    }

    @Override
    public String revokeAll(AsyncAction.Progress progress) throws Exception {
        WalletWorkspace w = workspace.current();
        long now = w.chain().chainTime();
        List<SessionRecord> live = mine(w).stream().filter(r -> SessionCards.status(r, now).live()).toList();
        if (live.isEmpty()) {
            return "There was no live session to revoke.";
        }
        try {
            return new SessionRevoker(w).revoke(live, progress);
        } finally {
            workspace.changed();
        }
    }

    /** The sessions of the workspace's account on its chain, oldest first. */
    static List<SessionRecord> mine(WalletWorkspace w) throws Exception {
        Address account = Address.parse("account", w.account().address());
        long chainId = w.profile().chainId();
        return w.keystore().sessions().all().stream()
                .filter(r -> Address.parse("account", r.account()).equals(account) && r.chain(chainId).isPresent())
                .toList();
    }
}
