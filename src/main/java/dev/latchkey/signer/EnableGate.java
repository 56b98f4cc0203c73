package dev.latchkey.signer;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.SmartSessionMode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * USE or ENABLE for the next operation of a session on a chain (security.md §1.4, FT-14):
 * <ul>
 *   <li>the chain entry is marked enabled → USE (no round trip);</li>
 *   <li>not approved: an {@code ENABLED} session was enabled another way (e.g. installed with the account) → USE;
 *       otherwise the timebox rule has already refused it ({@code session-not-enabled});</li>
 *   <li>approved, chain not marked: SmartSession is asked once — enabled → mark it, USE; its enable nonce differs from
 *       the one the owner signed → {@code approval-stale}; else ENABLE with the EnableSession rebuilt by
 *       {@link EnablePlan} from the stored session, the per-chain enable nonces and the owner's signature.</li>
 * </ul>
 */
final class EnableGate {

    private final Deps d;

    EnableGate(Deps d) {
        this.d = d;
    }

    SigningMode decide(SessionRecord s, long chainId, OnchainSession definition) throws KeystoreException {
        SessionRecord.Chain chain = s.chain(chainId).orElseThrow(() -> new IllegalStateException("session is not on chain " + chainId));
        if (chain.enabled()) return new SigningMode.Use();
        if (!s.approved()) {
            return s.status() == SessionStatus.ENABLED ? new SigningMode.Use()
                    : new SigningMode.Refuse("session-not-enabled", "session is " + s.status() + " and the owner has not approved it");
        }
        Address smartSession = new Address(chain.smartSession().toLowerCase());
        Address account = new Address(s.account().toLowerCase());
        HexBytes pid = HexBytes.of(s.permissionId());
        ChainView.Permission p = d.chain().permission(smartSession, pid, account);
        if (p.enabled()) {
            d.sessions().markEnabled(s.permissionId(), chainId);
            return new SigningMode.Use();
        }
        if (!p.enableNonce().equals(BigInteger.valueOf(chain.enableNonce()))) {
            return new SigningMode.Refuse("approval-stale", "the owner approved session " + pid.hex() + " at SmartSession nonce "
                    + chain.enableNonce() + ", chain " + chainId + " is at " + p.enableNonce()
                    + " (revoked or used elsewhere): the owner must approve it again");
        }
        Optional<byte[]> approval = d.sessions().approval(s.permissionId());
        if (approval.isEmpty()) {
            return new SigningMode.Refuse("session-not-enabled", "the owner's approval of " + pid.hex() + " is missing");
        }
        List<EnablePlan.ChainNonce> nonces = s.chains().stream()
                .map(c -> new EnablePlan.ChainNonce(c.chainId(), BigInteger.valueOf(c.enableNonce()))).toList();
        EnablePlan plan = EnablePlan.of(definition, account, smartSession, SmartSessionMode.ENABLE, nonces);
        return new SigningMode.Enable(plan.enableSession(chainId, HexBytes.of(approval.get())));
    }

    /**
     * After an ENABLE operation landed: SmartSession must report the permission enabled (validation ran, so it is,
     * even if the call reverted); then the chain entry is marked and the session becomes ENABLED.
     */
    boolean confirm(SessionRecord s, long chainId) throws KeystoreException {
        SessionRecord.Chain chain = s.chain(chainId).orElseThrow();
        boolean enabled = d.chain().permission(new Address(chain.smartSession().toLowerCase()), HexBytes.of(s.permissionId()),
                new Address(s.account().toLowerCase())).enabled();
        if (enabled) d.sessions().markEnabled(s.permissionId(), chainId);
        return enabled;
    }
}
