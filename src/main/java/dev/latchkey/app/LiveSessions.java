package dev.latchkey.app;

import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.ui.builder.ApprovalRequest;
import dev.latchkey.wallet.SessionRenewal;

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
    public ApprovalRequest renewal(HexBytes permissionId) throws Exception {
        WalletWorkspace w = workspace.current();
        NetworkProfile p = w.profile();
        SessionRecord old = w.keystore().sessions().get(permissionId.bytes());
        OnchainSession definition = w.host().definitions().definitionOf(old)
                .orElseThrow(() -> new WalletException(WalletException.Kind.STATE, "the stored session cannot be read, so it cannot be renewed"));
        long now = Math.min(w.chain().chainTime(), java.time.Instant.now().getEpochSecond());
        byte[] salt = new byte[32];
        new java.security.SecureRandom().nextBytes(salt);
        // checked before a key is made, so a session that cannot be renewed leaves nothing behind
        SessionRenewal.renew(definition, p.policies(), p.chainId(), p.ownableValidator(), Address.parse("key", old.sessionKeyAddress()),
                HexBytes.of(salt), now);
        Address key = new Address(w.keystore().keys().createSessionKey("session").address());
        OnchainSession renewed = SessionRenewal.renew(definition, p.policies(), p.chainId(), p.ownableValidator(), key, HexBytes.of(salt), now);
        String label = SessionLabels.of(w.keystore().settings(), permissionId);
        String next = label.startsWith("Renewed: ") ? label : "Renewed: " + label;
        return new ApprovalRequest(renewed, Address.parse("account", w.account().address()), p.smartSession(),
                List.of(new EnablePlan.ChainNonce(p.chainId(), java.math.BigInteger.ZERO)), p.tradeNetwork(), p.policies(), key,
                next.length() > SessionLabels.MAX_LENGTH ? next.substring(0, SessionLabels.MAX_LENGTH) : next, p.ownableValidator());
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
            SessionCard card = cards.card(r, def.get(), label, new ChainPolicyState(w.chain().node(), smartSession, account), now);
            Optional<dev.latchkey.agent.bundle.SessionShares.Share> shared = dev.latchkey.agent.bundle.SessionShares.of(w.keystore().settings(), pid);
            out.add(shared.isPresent() ? card.sharedWith(shared.get().server()) : card);
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
    public dev.latchkey.ui.sessions.SessionSharing.Plan sharePlan(HexBytes permissionId) throws Exception {
        WalletWorkspace w = workspace.current();
        return AppSessionShares.plan(w, find(w, permissionId));
    }

    @Override
    public dev.latchkey.ui.sessions.SessionSharing.Shared share(HexBytes permissionId, dev.latchkey.ui.sessions.SessionSharing.Request request,
                                                                AsyncAction.Progress progress) throws Exception {
        WalletWorkspace w = workspace.current();
        progress.update(-1, "Sealing the session for " + request.server());
        try {
            return AppSessionShares.share(w, find(w, permissionId), request);
        } finally {
            workspace.changed();
        }
    }

    private static SessionRecord find(WalletWorkspace w, HexBytes permissionId) throws Exception {
        return mine(w).stream().filter(s -> HexBytes.of(s.permissionId()).equals(permissionId)).findFirst()
                .orElseThrow(() -> new WalletException(WalletException.Kind.NOT_FOUND, "no session " + permissionId.hex()
                        + " of this account on " + w.profile().name()));
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
