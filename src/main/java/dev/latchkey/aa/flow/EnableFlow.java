package dev.latchkey.aa.flow;

import dev.latchkey.aa.account.AccountEncoding;
import dev.latchkey.aa.signature.SessionKeySignatures;
import dev.latchkey.chain.Abi;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.PermissionEnableSig;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.SmartSessionMode;
import java.util.List;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.ECKeyPair;

/**
 * Enable-once (spec §8 step 2b): read {@code SmartSession.getNonce(pid, account)} on every chain, build the
 * {@link EnablePlan}, and have the owners sign its multichain hash once. The resulting approval goes into the
 * first session operation on each chain ({@link SessionOperations#send}).
 */
public final class EnableFlow {

    private EnableFlow() { }

    /** The plan for {@code session} on every chain of {@code accounts} (one LatchkeyAccount, same address everywhere). */
    public static EnablePlan plan(OnchainSession session, List<SmartAccountClient> accounts) {
        if (accounts.isEmpty()) throw new FieldException("chains", "at least one chain");
        Address account = accounts.get(0).address();
        Address smartSession = accounts.get(0).chain().smartSession();
        HexBytes pid = Ids.permissionId(session);
        List<EnablePlan.ChainNonce> nonces = accounts.stream().map(a -> {
            if (!a.address().equals(account)) throw new FieldException("account", "differs between chains: " + account + " vs " + a.address());
            if (!a.chain().smartSession().equals(smartSession)) throw new FieldException("smartSession", "differs between chains");
            String r = a.client().call(smartSession.hex(), Abi.call("getNonce(bytes32,address)", new Bytes32(pid.bytes()),
                    new org.web3j.abi.datatypes.Address(account.hex())));
            return new EnablePlan.ChainNonce(a.chain().chainId(), Abi.word(r, 0));
        }).toList();
        return EnablePlan.of(session, account, smartSession, SmartSessionMode.ENABLE, nonces);
    }

    /**
     * The owners' one signature over the plan: raw-digest ECDSA per owner (OwnableValidator's ERC-1271 path gets the
     * hash unchanged), wrapped as our account's ERC-1271 format {@code validator ‖ signatures}.
     */
    public static HexBytes approve(EnablePlan plan, List<ECKeyPair> owners, Address ownerValidator) {
        if (owners.isEmpty()) throw new FieldException("owners", "at least one owner key");
        HexBytes sigs = SessionKeySignatures.signAll(owners, plan.hashToSign(), SessionKeySignatures.Form.RAW);
        return PermissionEnableSig.format(AccountKind.LATCHKEY, ownerValidator, sigs);
    }

    /**
     * The owners' approval of the plan for {@code account} in its kind's ERC-1271 format: they sign
     * {@link AccountEncoding#enableHash} (Safe7579: Safe's message hash of the digest), wrapped by
     * {@link AccountEncoding#enableSignature}.
     */
    public static HexBytes approve(EnablePlan plan, List<ECKeyPair> owners, SmartAccountClient account) {
        if (owners.isEmpty()) throw new FieldException("owners", "at least one owner key");
        AccountEncoding enc = account.encoding();
        HexBytes hash = enc.enableHash(account.address(), account.chain().chainId(), plan.hashToSign());
        return enc.enableSignature(SessionKeySignatures.signAll(owners, hash, SessionKeySignatures.Form.RAW));
    }
}
