package dev.latchkey.keystore;

import java.time.Instant;

/**
 * One intent of the background signer. (sender, nonceKey, nonceSeq) is unique: two intents never share a nonce.
 * {@code reservation} is the JSON of per-token amounts reserved for it. Arrays are not copied.
 */
public record JournalEntry(byte[] intentId, byte[] permissionId, long chainId, String sender, byte[] nonceKey,
                           long nonceSeq, byte[] callData, String reservation, byte[] userOpHash, JournalState state,
                           String bundlerError, Long includedBlock, byte[] includedBlockHash, Instant updatedAt) {
}
