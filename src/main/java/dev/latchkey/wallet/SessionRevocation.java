package dev.latchkey.wallet;

import dev.latchkey.aa.flow.OwnerOperations;
import dev.latchkey.aa.flow.RevokeFlow;
import dev.latchkey.aa.flow.SessionOperations;
import dev.latchkey.aa.flow.SmartAccountClient;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.engine.PolicyEngine;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.ECKeyPair;

/**
 * Revoke (R16: revoke is not delete): where the session exists on chain, an owner-signed operation through the SDK's
 * {@link RevokeFlow} ({@code removeSession} if enabled, {@code revokeEnableSignature} if only approved); then the
 * session is marked REVOKED and its key wiped. Its row, ledger and journal stay as history.
 */
final class SessionRevocation {

    private final Keystore keystore;
    private final ChainConnection chain;

    SessionRevocation(Keystore keystore, ChainConnection chain) {
        this.keystore = keystore;
        this.chain = chain;
    }

    Revocation revoke(SessionRecord r) throws KeystoreException {
        HexBytes pid = HexBytes.of(r.permissionId());
        if (r.status() == SessionStatus.REVOKED) {
            return new Revocation(pid, Revocation.How.ALREADY_REVOKED, Optional.empty(), wipe(r));
        }
        NetworkProfile p = chain.profile();
        Address account = Address.parse("account", r.account());
        boolean enabled = SmartSessionReads.isEnabled(chain.node(), p.smartSession(), pid, account);
        if (!enabled && !r.approved()) {
            keystore.sessions().setStatus(r.permissionId(), SessionStatus.REVOKED);
            return new Revocation(pid, Revocation.How.LOCAL_ONLY, Optional.empty(), wipe(r));
        }
        if (r.chain(p.chainId()).isEmpty()) {
            throw new WalletException(WalletException.Kind.STATE, "session " + pid.hex() + " lives on chains "
                    + r.chains().stream().map(SessionRecord.Chain::chainId).toList() + ", not " + p.name() + "; revoke it with --network");
        }
        keystore.sessions().setStatus(r.permissionId(), SessionStatus.REVOKING);
        Sessions.Account owner = new AccountService(keystore, chain).resolve(Optional.of(r.account()));
        SmartAccountClient client = new AccountService(keystore, chain).client(owner);
        RevokeFlow.Chain handles = new RevokeFlow.Chain(new OwnerOperations(client, chain.sender()),
                new SessionOperations(client, chain.sender(), PolicyEngine.onChainRules(p.policies())));
        List<UserOperationReceipt> receipts = keystore.keys().withOwnerKey(owner.ownerAddress(),
                key -> RevokeFlow.revoke(pid, List.of(handles), List.of(ECKeyPair.create(key.bytes()))));
        UserOperationReceipt receipt = receipts.get(0);
        keystore.activity().append(OwnerSignatures.KIND, pid.hex(), "revoke session " + pid.hex() + " (owner operation "
                + receipt.userOpHash().hex() + ")");
        if (!receipt.success()) {
            throw new WalletException(WalletException.Kind.STATE, "the revocation of " + pid.hex() + " was included but failed ("
                    + receipt.transactionHash() + "); the session stays REVOKING, retry 'session revoke'");
        }
        keystore.sessions().setStatus(r.permissionId(), SessionStatus.REVOKED);
        return new Revocation(pid, enabled ? Revocation.How.REMOVED_ON_CHAIN : Revocation.How.APPROVAL_INVALIDATED,
                Optional.of(receipt.transactionHash()), wipe(r));
    }

    private boolean wipe(SessionRecord r) throws KeystoreException {
        return keystore.keys().wipeSessionKey(r.sessionKeyAddress());
    }
}
