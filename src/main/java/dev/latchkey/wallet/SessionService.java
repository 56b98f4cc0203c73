package dev.latchkey.wallet;

import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionSigner;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SessionAbi;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.SmartSessionMode;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sessions of the wallet's accounts on one network: create (from a template or a session file, with a new session key
 * in the vault and the enable digest for SmartSession's current nonce), approve (the owner's one signature), list and
 * show with live usage, revoke. See docs/wallet.md.
 */
public final class SessionService {

    /** How far before "now" a new session starts: tolerates a chain or bundler clock a little behind ours. */
    static final long START_SLACK_SECONDS = 60;

    private final Keystore keystore;
    private final ChainConnection chain;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    public SessionService(Keystore keystore, ChainConnection chain, InstantSource clock) {
        this.keystore = keystore;
        this.chain = chain;
        this.clock = clock;
    }

    /**
     * Creates the session for {@code account}: the session key is generated in the vault (R2), the salt is fresh (R17),
     * the session starts at the earlier of chain time and wall clock (less a minute; the bundler judges validAfter by
     * its own clock) and is stored PENDING_ENABLE with its ledger lines. Nothing is signed or sent.
     */
    public CreatedSession create(Sessions.Account account, SessionRequest request) throws KeystoreException {
        NetworkProfile p = chain.profile();
        Address accountAddress = Address.parse("account", account.address());
        chain.requireCode("SmartSession", p.smartSession());
        SessionSigner key = keystore.keys().createSessionKey("session key");
        Address keyAddress = Address.parse("sessionKey", key.address());
        try {
            long chainTime = chain.chainTime();
            long start = Math.min(chainTime, clock.instant().getEpochSecond()) - START_SLACK_SECONDS;
            SessionFactory.Built built = new SessionFactory(p).build(request, accountAddress, keyAddress, salt(), start);
            if (built.validUntil() <= chainTime) {
                throw new WalletException(WalletException.Kind.STATE, "the session would end at " + built.validUntil()
                        + ", before the chain's time " + chainTime + " (is the chain's clock far ahead of this computer's?)");
            }
            HexBytes pid = built.permissionId();
            requireDeployed(built);
            BigInteger nonce = SmartSessionReads.enableNonce(chain.node(), p.smartSession(), pid, accountAddress);
            SmartSessionReads.requireSameEnableDigest(chain.node(), p.smartSession(), pid, accountAddress, built.onchain(), nonce);
            EnablePlan plan = EnablePlan.of(built.onchain(), accountAddress, p.smartSession(), SmartSessionMode.ENABLE,
                    List.of(new EnablePlan.ChainNonce(p.chainId(), nonce)));
            List<Budgets.Line> budget = Budgets.of(built.wallet(), built.validAfter(), built.validUntil());
            keystore.sessions().add(new SessionRecord(pid.bytes(), account.address(), key.address(), built.wallet().salt().bytes(),
                    SessionAbi.encode(built.onchain()).bytes(), plan.hashToSign().bytes(), built.validAfter(), built.validUntil(),
                    SessionStatus.PENDING_ENABLE, nonceBase(accountAddress, pid),
                    List.of(new SessionRecord.Chain(p.chainId(), p.smartSession().checksummed(), nonce.longValueExact()))));
            for (Budgets.Line line : budget) {
                keystore.sessions().setBudget(pid.bytes(), line.token(), line.cap(), line.uses());
            }
            keystore.settings().put(SessionLabels.key(pid), built.label());
            return new CreatedSession(pid, accountAddress, keyAddress, built.label(), built.summary(), built.worstCase(),
                    built.review(), built.validAfter(), built.validUntil(), plan.hashToSign(), budget);
        } catch (KeystoreException | RuntimeException e) {
            keystore.keys().deleteSessionKey(key.address());
            throw e;
        }
    }

    /**
     * Stores a session built elsewhere (the desktop app's session builder) for {@code account}, exactly as
     * {@link #create} stores a template's: PENDING_ENABLE, the enable digest for SmartSession's current nonce, its
     * ledger lines and label. {@code sessionKey} must be a session key already in the vault and the session's only
     * owner; its validity comes from the session's TimeFrame policy. Storing the same bytes again returns the stored
     * session (a retried approval). Nothing is signed or sent.
     */
    public SessionRecord adopt(Sessions.Account account, OnchainSession onchain, Address sessionKey, String label) throws KeystoreException {
        NetworkProfile p = chain.profile();
        Address accountAddress = Address.parse("account", account.address());
        chain.requireCode("SmartSession", p.smartSession());
        if (keystore.keys().sessionKeys().stream().noneMatch(k -> Address.parse("sessionKey", k.publicRef()).equals(sessionKey))) {
            throw new WalletException(WalletException.Kind.NOT_FOUND, "the session key " + sessionKey.checksummed() + " is not in the vault");
        }
        WalletSession ws = SessionMapper.toWallet(onchain, p.policies(), List.of(p.chainId()));
        Policy.TimeFrame frame = ws.policies().stream().filter(x -> x instanceof Policy.TimeFrame).map(x -> (Policy.TimeFrame) x)
                .findFirst().orElseThrow(() -> new WalletException(WalletException.Kind.INVALID, "the session has no validity period"
                        + " (TimeFrame policy); the wallet only stores sessions that end"));
        long validUntil = frame.validUntil() == 0 ? (1L << 48) - 1 : frame.validUntil();
        long chainTime = chain.chainTime();
        if (validUntil <= chainTime) {
            throw new WalletException(WalletException.Kind.STATE, "the session ends at " + validUntil + ", before the chain's time " + chainTime);
        }
        chain.requireCode("the session validator", onchain.sessionValidator());
        onchain.userOpPolicies().forEach(pd -> chain.requireCode("policy", pd.policy()));
        onchain.actions().forEach(a -> a.actionPolicies().forEach(pd -> chain.requireCode("policy", pd.policy())));
        HexBytes pid = Ids.permissionId(onchain);
        Optional<SessionRecord> earlier = keystore.sessions().all().stream().filter(r -> Arrays.equals(r.permissionId(), pid.bytes())).findFirst();
        if (earlier.isPresent()) {
            // an approval that failed (wrong password) left it stored: the same bytes are approved on the retry
            if (!Arrays.equals(earlier.get().sessionStruct(), SessionAbi.encode(onchain).bytes())) {
                throw new WalletException(WalletException.Kind.STATE, "another session with id " + pid.hex() + " is already stored");
            }
            return earlier.get();
        }
        BigInteger nonce = SmartSessionReads.enableNonce(chain.node(), p.smartSession(), pid, accountAddress);
        SmartSessionReads.requireSameEnableDigest(chain.node(), p.smartSession(), pid, accountAddress, onchain, nonce);
        EnablePlan plan = EnablePlan.of(onchain, accountAddress, p.smartSession(), SmartSessionMode.ENABLE,
                List.of(new EnablePlan.ChainNonce(p.chainId(), nonce)));
        keystore.sessions().add(new SessionRecord(pid.bytes(), account.address(), sessionKey.checksummed(), ws.salt().bytes(),
                SessionAbi.encode(onchain).bytes(), plan.hashToSign().bytes(), frame.validAfter(), validUntil,
                SessionStatus.PENDING_ENABLE, nonceBase(accountAddress, pid),
                List.of(new SessionRecord.Chain(p.chainId(), p.smartSession().checksummed(), nonce.longValueExact()))));
        for (Budgets.Line line : Budgets.of(ws, frame.validAfter(), validUntil)) {
            keystore.sessions().setBudget(pid.bytes(), line.token(), line.cap(), line.uses());
        }
        keystore.settings().put(SessionLabels.key(pid), label == null || label.isBlank() ? "custom session" : label);
        return keystore.sessions().get(pid.bytes());
    }

    /** The session's nonce lane base: Kernel routes on its own key layout (NonceLane); the other kinds use the default lane. */
    private byte[] nonceBase(Address account, HexBytes pid) throws KeystoreException {
        if (AccountKinds.stored(keystore.settings(), account) != dev.latchkey.session.model.AccountKind.KERNEL) return new byte[24];
        return dev.latchkey.signer.NonceLane.kernelBase(pid.bytes(), chain.profile().smartSession());
    }

    /** The stored session {@code id} (full id or an unambiguous prefix of at least 8 hex digits). */
    public SessionRecord find(String id) throws KeystoreException {
        return StoredSession.find(keystore.sessions(), id);
    }

    /** What the owner will approve for {@code session}: review lines and digest, from the stored bytes. */
    public SessionApproval.Preview preview(SessionRecord session) throws KeystoreException {
        return new SessionApproval(keystore, chain).preview(session);
    }

    /**
     * The owner's one approval: {@code password} is checked again (and wiped), the owner key signs the enable digest
     * once, and the session becomes "ready" — its first trade enables it on chain in ENABLE mode.
     */
    public SessionApproval.Preview approve(SessionRecord session, char[] password) throws KeystoreException {
        return new SessionApproval(keystore, chain).approve(session, password);
    }

    /** Every session of the wallet on this network's chain (all accounts), oldest first, with live usage. */
    public List<SessionView> list() throws KeystoreException {
        SessionViews views = new SessionViews(chain, keystore.settings());
        List<SessionView> out = new java.util.ArrayList<>();
        for (SessionRecord r : keystore.sessions().all()) {
            if (r.chain(chain.profile().chainId()).isPresent()) out.add(views.of(r));
        }
        return out;
    }

    public SessionView show(SessionRecord session) throws KeystoreException {
        return new SessionViews(chain, keystore.settings()).of(session);
    }

    /** Revokes {@code session} (owner-signed where it exists on chain) and wipes its key. */
    public Revocation revoke(SessionRecord session) throws KeystoreException {
        return new SessionRevocation(keystore, chain).revoke(session);
    }

    /** Panic: revokes every session of the wallet on this network's chain that is not revoked yet. */
    public List<Revocation> revokeAll() throws KeystoreException {
        List<Revocation> out = new java.util.ArrayList<>();
        SessionRevocation revocation = new SessionRevocation(keystore, chain);
        for (SessionRecord r : keystore.sessions().all()) {
            if (r.status() != SessionStatus.REVOKED && r.chain(chain.profile().chainId()).isPresent()) out.add(revocation.revoke(r));
        }
        return out;
    }

    /** Every contract the session names must exist here, or enabling would revert on chain. */
    private void requireDeployed(SessionFactory.Built built) {
        chain.requireCode("the session validator", built.onchain().sessionValidator());
        built.onchain().userOpPolicies().forEach(pd -> chain.requireCode("policy", pd.policy()));
        built.onchain().actions().forEach(a -> a.actionPolicies().forEach(pd -> chain.requireCode("policy", pd.policy())));
    }

    private HexBytes salt() {
        byte[] s = new byte[32];
        random.nextBytes(s);
        return HexBytes.of(s);
    }
}
