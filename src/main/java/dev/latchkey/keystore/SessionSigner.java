package dev.latchkey.keystore;

/**
 * Handle to a session key held in the vault. It signs 32-byte hashes (ERC-4337 userOpHash) and nothing else; the
 * private key is opened for each call and zeroed right after. Works only while the wallet is unlocked.
 */
public final class SessionSigner {

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

    /** 65-byte r || s || v signature of {@code hash} (exactly 32 bytes). */
    public byte[] sign(byte[] hash) throws KeystoreException {
        return vault.signWithSessionKey(address, hash);
    }

    @Override
    public String toString() {
        return "SessionSigner[" + address + ", key <redacted>]";
    }
}
