package dev.latchkey.keystore;

import java.util.List;

/**
 * A Smart Sessions session as the owner signed it. {@code sessionStruct} is the exact ABI encoding of the on-chain
 * {@code Session} (what the enable view is rendered from), {@code sessionDigest} what the owner signed.
 * Arrays are not copied; treat them as read-only.
 */
public record SessionRecord(byte[] permissionId, String account, String sessionKeyAddress, byte[] salt,
                            byte[] sessionStruct, byte[] sessionDigest, long validAfter, long validUntil,
                            SessionStatus status, byte[] nonceKeyBase, List<Chain> chains) {

    /** One chain the session is enabled (or to be enabled) on. */
    public record Chain(long chainId, String smartSession, long enableNonce) {
    }

    public SessionRecord {
        chains = List.copyOf(chains);
    }
}
