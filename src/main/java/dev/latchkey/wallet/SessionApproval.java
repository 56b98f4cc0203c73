package dev.latchkey.wallet;

import dev.latchkey.chain.Abi;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.aa.account.AccountEncoding;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.SmartSessionMode;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * The owner's one approval of a session (R13): the digest is recomputed from the stored bytes and SmartSession's
 * current nonce, must equal the digest stored at creation, is signed once with the owner key (after the password is
 * entered again), checked (recovered signer; ERC-1271 on the account when deployed) and stored with
 * {@link Sessions#approve}. The session is then "ready": the signer's first operation enables it (ENABLE mode).
 */
public final class SessionApproval {

    /** What the owner approves: the review lines and the digest, rendered from the same stored bytes. */
    public record Preview(HexBytes permissionId, String label, Address account, List<String> review, HexBytes digest, long validUntil) { }

    private final Keystore keystore;
    private final ChainConnection chain;

    SessionApproval(Keystore keystore, ChainConnection chain) {
        this.keystore = keystore;
        this.chain = chain;
    }

    Preview preview(SessionRecord record) throws KeystoreException {
        StoredSession s = StoredSession.of(record);
        requireApprovable(record);
        return new Preview(s.permissionId(), SessionLabels.of(keystore.settings(), s.permissionId()), s.account(),
                s.review(chain.profile()), digest(s), record.validUntil());
    }

    /** Verifies {@code password} (unlocking if needed; it is wiped), signs and stores the approval. */
    Preview approve(SessionRecord record, char[] password) throws KeystoreException {
        Preview p = preview(record);
        try {
            if (keystore.isUnlocked()) keystore.verifyPassword(password);
            else keystore.unlock(password);
        } finally {
            Arrays.fill(password, '\0');
        }
        Address owner = owner(p.account());
        // What the owner signs is what the account's isValidSignature verifies (Safe7579: Safe's message hash).
        AccountEncoding encoding = AccountKinds.encoding(AccountKinds.stored(keystore.settings(), p.account()), chain.profile());
        HexBytes signed = encoding.enableHash(p.account(), chain.profile().chainId(), p.digest());
        byte[] sig = keystore.keys().signHashWithOwner(owner.checksummed(), signed.bytes());
        keystore.activity().append(OwnerSignatures.KIND, p.permissionId().hex(), "enable approval of session " + p.permissionId().hex()
                + " (" + p.label() + "), digest " + p.digest().hex());
        check(owner, signed, sig);
        HexBytes formatted = encoding.enableSignature(HexBytes.of(sig));
        requireErc1271(p, formatted);
        keystore.sessions().approve(record.permissionId(), formatted.bytes());
        return p;
    }

    private void requireApprovable(SessionRecord r) {
        String id = HexBytes.of(r.permissionId()).hex();
        if (r.status() != SessionStatus.PENDING_ENABLE) {
            throw new WalletException(WalletException.Kind.STATE, "session " + id + " is " + r.status() + "; only a session awaiting"
                    + " approval can be approved");
        }
        if (r.approved()) {
            throw new WalletException(WalletException.Kind.STATE, "session " + id + " is already approved (ready); its first trade"
                    + " enables it on chain");
        }
        if (chain.chainTime() >= r.validUntil()) {
            throw new WalletException(WalletException.Kind.STATE, "session " + id + " has expired; create a new one");
        }
        if (r.chain(chain.profile().chainId()).isEmpty()) {
            throw new WalletException(WalletException.Kind.STATE, "session " + id + " is not for " + chain.profile().name()
                    + "; approve it with --network set to its chain");
        }
    }

    /** The multichain digest from the decoded bytes and the stored nonces; this chain's nonce must still be current. */
    private HexBytes digest(StoredSession s) {
        NetworkProfile p = chain.profile();
        SessionRecord r = s.record();
        BigInteger current = SmartSessionReads.enableNonce(chain.node(), p.smartSession(), s.permissionId(), s.account());
        long stored = r.chain(p.chainId()).orElseThrow().enableNonce();
        if (current.compareTo(BigInteger.valueOf(stored)) != 0) {
            throw new WalletException(WalletException.Kind.STATE, "SmartSession's enable nonce for session " + s.permissionId().hex()
                    + " moved from " + stored + " to " + current + " (an earlier approval was revoked on chain); create a new session");
        }
        List<EnablePlan.ChainNonce> nonces = r.chains().stream()
                .map(c -> new EnablePlan.ChainNonce(c.chainId(), BigInteger.valueOf(c.enableNonce()))).toList();
        HexBytes digest = EnablePlan.of(s.onchain(), s.account(), p.smartSession(), SmartSessionMode.ENABLE, nonces).hashToSign();
        if (!digest.equals(HexBytes.of(r.sessionDigest()))) {
            throw new WalletException(WalletException.Kind.STATE, "session " + s.permissionId().hex() + ": the digest of its stored"
                    + " bytes differs from the digest stored at creation; the wallet file may have been edited");
        }
        return digest;
    }

    private Address owner(Address account) throws KeystoreException {
        return keystore.sessions().accounts().stream().filter(a -> Address.parse("account", a.address()).equals(account))
                .map(a -> Address.parse("owner", a.ownerAddress())).findFirst()
                .orElseThrow(() -> new WalletException(WalletException.Kind.NOT_FOUND, "account " + account.checksummed()
                        + " of this session is not in the wallet"));
    }

    private static void check(Address owner, HexBytes signed, byte[] sig) {
        try {
            Sign.SignatureData data = new Sign.SignatureData(sig[64], Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64));
            BigInteger key = Sign.signedMessageHashToKey(signed.bytes(), data);
            if (!new Address("0x" + Keys.getAddress(key)).equals(owner)) throw new IllegalStateException("recovered another signer");
        } catch (java.security.SignatureException | IllegalStateException e) {
            throw new WalletException(WalletException.Kind.STATE, "the owner key's signature does not verify: " + e.getMessage(), e);
        }
    }

    /** A deployed account must accept the approval through ERC-1271 exactly as SmartSession will ask it. */
    private void requireErc1271(Preview p, HexBytes formatted) {
        if (!chain.node().hasCode(p.account().hex())) return;
        String r;
        try {
            r = chain.node().call(p.account().hex(), Abi.call("isValidSignature(bytes32,bytes)", new Bytes32(p.digest().bytes()),
                    new DynamicBytes(formatted.bytes())));
        } catch (dev.latchkey.chain.RpcException e) {
            if (e.code() == 0) throw e;
            // Safe's checkSignatures reverts rather than answering "invalid".
            r = "a revert (" + e.getMessage() + ")";
            throw new WalletException(WalletException.Kind.STATE, "the account " + p.account().checksummed() + " does not accept the"
                    + " approval (ERC-1271 returned " + r + "); does the vault's owner key still control it?");
        }
        if (!Abi.word(r, 0).shiftRight(224).equals(new BigInteger("1626ba7e", 16))) {
            throw new WalletException(WalletException.Kind.STATE, "the account " + p.account().checksummed() + " does not accept the"
                    + " approval (ERC-1271 returned " + r + "); does the vault's owner key still control it?");
        }
    }
}
