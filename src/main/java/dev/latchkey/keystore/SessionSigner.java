package dev.latchkey.keystore;

import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;

/**
 * Handle to a session key held in the vault. It signs user operations and nothing else: the caller hands over the
 * operation, the EntryPoint and the chain, and the hash is computed here, so no caller can slip in another 32-byte
 * digest (a Permit2 {@code PermitSingle}, an ERC-7739 message, a transaction) for the key to sign. The private key
 * is opened for each call and zeroed right after. Works only while the wallet is unlocked.
 *
 * <p>There is deliberately no ERC-7739 signing method: the wallet's sessions never grant 1271 content (R12); a typed
 * request for it would be added here, next to this one, if a session ever may.
 */
public final class SessionSigner {

    /** What was signed: the EntryPoint v0.7 userOpHash and the 65-byte r || s || v signature over it. */
    public record UserOpSignature(HexBytes userOpHash, HexBytes signature) { }

    private final KeyVault vault;
    private final String address;

    SessionSigner(KeyVault vault, String address) {
        this.vault = vault;
        this.address = address;
    }

    /** Checksummed address of the session key (what goes into the session validator's init data). */
    public String address() {
        return address;
    }

    /** Signs {@code op}'s userOpHash for {@code entryPoint} on {@code chainId}; the signature field of {@code op} is ignored. */
    public UserOpSignature signUserOp(UserOperation op, Address entryPoint, BigInteger chainId) throws KeystoreException {
        if (op == null || entryPoint == null || chainId == null || chainId.signum() <= 0) {
            throw new KeystoreException.InvalidInputException("a user operation, its EntryPoint and a positive chain id are needed to sign");
        }
        HexBytes hash = UserOpHash.hash(op, entryPoint, chainId);
        return new UserOpSignature(hash, HexBytes.of(vault.signWithSessionKey(address, hash.bytes())));
    }

    @Override
    public String toString() {
        return "SessionSigner[" + address + ", key <redacted>]";
    }
}
