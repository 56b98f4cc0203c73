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
import dev.latchkey.wallet.Revocation;
import dev.latchkey.wallet.SessionLabels;
import dev.latchkey.wallet.WalletException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link SessionsPort} over the keystore's sessions, their stored on-chain definitions and the policy contracts'
 * live getters ({@link ChainPolicyState}); revocation through the wallet's session service (owner-signed where the
 * session exists on chain, key wiped).
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
            Optional<OnchainSession> def = w.host().definitions().definitionOf(r);
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
        progress.update(-1, "Revoking: the signer stops using it; on chain an owner-signed operation if needed");
        try {
            return describe(List.of(w.sessions().revoke(r)));
        } finally {
            workspace.changed();
        }
    }

    @Override
    public String revokeAll(AsyncAction.Progress progress) throws Exception {
        WalletWorkspace w = workspace.current();
        progress.update(-1, "Revoking every session: the signer stops using them; owner-signed operations where they exist on chain");
        try {
            return describe(w.sessions().revokeAll());
        } finally {
            workspace.changed();
        }
    }

    /** "2 sessions revoked: 1 removed on chain (removeSession), 1 never approved: revoked locally; keys wiped." */
    static String describe(List<Revocation> done) {
        if (done.isEmpty()) {
            return "There was no session left to revoke.";
        }
        Map<Revocation.How, Long> by = done.stream().collect(Collectors.groupingBy(Revocation::how, () -> new EnumMap<>(Revocation.How.class),
                Collectors.counting()));
        String how = by.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().text()).collect(Collectors.joining(", "));
        long wiped = done.stream().filter(Revocation::keyWiped).count();
        return (done.size() == 1 ? "1 session" : done.size() + " sessions") + " revoked: " + how + "; " + wiped
                + (wiped == 1 ? " key" : " keys") + " wiped.";
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
