package dev.latchkey.wallet;

import dev.latchkey.session.model.HexBytes;
import java.util.Optional;

/** What revoking one session did. */
public record Revocation(HexBytes permissionId, How how, Optional<String> transactionHash, boolean keyWiped) {

    public enum How {
        /** It was enabled: the owner's operation called {@code SmartSession.removeSession}. */
        REMOVED_ON_CHAIN("removed on chain (removeSession)"),
        /** Approved but never used: {@code revokeEnableSignature} bumped the nonce, so the approval is void. */
        APPROVAL_INVALIDATED("approval invalidated on chain (revokeEnableSignature)"),
        /** Never approved: nothing existed on chain; the session is marked revoked and its key wiped. */
        LOCAL_ONLY("never approved: revoked locally"),
        /** It was already revoked. */
        ALREADY_REVOKED("already revoked");

        private final String text;

        How(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
