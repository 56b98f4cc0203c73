package dev.latchkey.signer;

import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;

/**
 * Port (the account client's flows provide it): the unsigned user operation for a session call with gas limits and
 * fees filled in and an empty signature. {@code nonce} and {@code callData} are fixed by the signer and must be used
 * unchanged.
 */
@FunctionalInterface
public interface OperationBuilder {

    UserOperation build(SessionRecord session, long chainId, BigInteger nonce, HexBytes callData);
}
