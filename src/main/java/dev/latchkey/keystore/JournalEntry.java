package dev.latchkey.keystore;

import java.time.Instant;

/**
 * One intent of the background signer. (sender, nonceKey, nonceSeq) is unique: two intents never share a nonce.
 * {@code reservation} is the JSON of per-token amounts reserved for it. {@code callOutcome} is whether the included
 * operation's call succeeded or reverted (UNKNOWN until included, and for rows from before schema version 6 or resolved
 * without a receipt); a FINAL row with a REVERTED call spent its nonce and gas but did nothing else. Arrays are not copied.
 */
public record JournalEntry(byte[] intentId, byte[] permissionId, long chainId, String sender, byte[] nonceKey,
                           long nonceSeq, byte[] callData, String reservation, byte[] userOpHash, JournalState state,
                           String bundlerError, Long includedBlock, byte[] includedBlockHash, Instant updatedAt,
                           CallOutcome callOutcome) {

    /** The reservation by lower-case token (an address or GAS). */
    public java.util.Map<String, java.math.BigInteger> amounts() {
        java.util.Map<String, java.math.BigInteger> out = new java.util.TreeMap<>();
        if (reservation != null && !reservation.isBlank()) {
            Ledger.fromJson(reservation).forEach((token, amount) -> out.put(token.toLowerCase(java.util.Locale.ROOT), amount));
        }
        return out;
    }
}
