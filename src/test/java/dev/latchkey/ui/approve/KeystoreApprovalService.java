package dev.latchkey.ui.approve;

import dev.latchkey.ui.builder.ApprovalRequest;
import dev.latchkey.session.hash.EnablePlan;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.ui.common.WalletSession;

/**
 * The approval port on a real keystore, as the wallet services will implement it (minus storing the session
 * record, which needs the account service): password check, owner signature over the multichain digest inside the
 * vault, enable signature sealed in the vault.
 */
public final class KeystoreApprovalService implements ApprovalService {

    private final WalletSession wallet;

    public KeystoreApprovalService(WalletSession wallet) {
        this.wallet = wallet;
    }

    @Override
    public Approved approve(ApprovalRequest request, EnablePlan plan, char[] password) throws Exception {
        Keystore ks = wallet.keystore();
        try {
            ks.verifyPassword(password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        String owner = wallet.ownerAddress().orElseThrow(() -> new IllegalStateException("no owner key"));
        byte[] signature = ks.keys().signHashWithOwner(owner, plan.hashToSign().bytes());
        HexBytes permissionId = Ids.permissionId(request.session());
        ks.keys().storeEnableSignature(permissionId.bytes(), signature);
        return new Approved(permissionId, new Address(owner), HexBytes.of(signature));
    }
}
