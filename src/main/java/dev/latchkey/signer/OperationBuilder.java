package dev.latchkey.signer;

import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.model.EnableSession;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;

/**
 * Port (the account client's flows provide it): the unsigned user operation for a session call with gas limits and
 * fees filled in and an empty signature. {@code nonce} and {@code callData} are fixed by the signer and must be used
 * unchanged.
 */
@FunctionalInterface
public interface OperationBuilder {

    /** USE mode: the signature will be {@code 0x00 ‖ permissionId ‖ session key signature}. */
    UserOperation build(SessionRecord session, long chainId, BigInteger nonce, HexBytes callData);

    /**
     * ENABLE mode: the signature will carry {@code enable} (FastLZ-compressed) as well, and validation initialises
     * every policy, so gas is sized for that. Builders that do not distinguish may use {@link #build}.
     */
    default UserOperation buildEnable(SessionRecord session, long chainId, BigInteger nonce, HexBytes callData,
                                      EnableSession enable) {
        return build(session, chainId, nonce, callData);
    }
}
