package dev.latchkey.keystore;

import java.util.List;

/**
 * A Smart Sessions session as the owner signed it. {@code sessionStruct} is the exact ABI encoding of the on-chain
 * {@code Session} (what the enable view is rendered from), {@code sessionDigest} what the owner signed.
 * {@code approved}: the owner's enable signature is stored ({@link Sessions#approve}); the session is "ready" and its
 * first operation on each chain enables it. Arrays are not copied; treat them as read-only.
 */
public record SessionRecord(byte[] permissionId, String account, String sessionKeyAddress, byte[] salt,
                            byte[] sessionStruct, byte[] sessionDigest, long validAfter, long validUntil,
                            SessionStatus status, byte[] nonceKeyBase, List<Chain> chains, boolean approved) {

    /**
     * One chain the session is enabled (or to be enabled) on. {@code enableNonce}: SmartSession's
     * {@code getNonce(pid, account)} the owner's digest was made with; {@code enabled}: SmartSession reported the
     * permission enabled there (set by {@link Sessions#markEnabled}).
     */
    public record Chain(long chainId, String smartSession, long enableNonce, boolean enabled) {

        /** A chain the session is not enabled on yet. */
        public Chain(long chainId, String smartSession, long enableNonce) {
            this(chainId, smartSession, enableNonce, false);
        }
    }

    public SessionRecord {
        chains = List.copyOf(chains);
    }

    /** A session as it is created: not approved yet. */
    public SessionRecord(byte[] permissionId, String account, String sessionKeyAddress, byte[] salt, byte[] sessionStruct,
                         byte[] sessionDigest, long validAfter, long validUntil, SessionStatus status, byte[] nonceKeyBase,
                         List<Chain> chains) {
        this(permissionId, account, sessionKeyAddress, salt, sessionStruct, sessionDigest, validAfter, validUntil, status,
                nonceKeyBase, chains, false);
    }

    /** This session's entry for {@code chainId}, if it is on that chain. */
    public java.util.Optional<Chain> chain(long chainId) {
        return chains.stream().filter(c -> c.chainId() == chainId).findFirst();
    }
}
