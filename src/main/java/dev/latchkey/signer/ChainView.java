package dev.latchkey.signer;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;

/** Port: what the signer reads from the chain. Time comes from the latest block, never from the wall clock (R9). */
public interface ChainView {

    /** The chain this view reads (checked against the node's {@code eth_chainId} when the view is built, R14). */
    long chainId();

    /** Timestamp of the latest block (seconds); implementations may serve it from a head refreshed in the background. */
    long chainTime();

    /**
     * Timestamp of the latest block read now, not from a cached head: for the refusal path only, so a periodic window
     * that rolled over in the last block is not refused on a head one refresh old.
     */
    default long freshChainTime() {
        return chainTime();
    }

    /** Base fee of the latest block (wei). */
    BigInteger baseFee();

    /** EntryPoint {@code getNonce(sender, key)} & 2^64-1: the next sequence the chain accepts on that key. */
    long nextSequence(Address sender, BigInteger nonceKey);

    /**
     * {@link #nextSequence} as last seen, for the trade path: may lag the chain by a block (implementations refresh it in
     * the background). Only a foreign operation on the same key can make it stale, and the signer also takes the
     * journal's next sequence, so a lag never reuses one of our own sequences.
     */
    default long knownNextSequence(Address sender, BigInteger nonceKey) {
        return nextSequence(sender, nonceKey);
    }

    /**
     * The operations of {@code sender} on nonce key {@code nonceKey} with sequence {@code >= fromSeq} that the chain
     * shows landed (EntryPoint {@code UserOperationEvent}s), oldest first, each with the callData it carried (read from
     * its bundle transaction). What reconciliation rebuilds the journal from after a restore: the chain's word, not a
     * bundler's. A view without logs returns none.
     */
    default java.util.List<Landed> landed(Address sender, BigInteger nonceKey, long fromSeq) {
        return java.util.List.of();
    }

    /** One landed operation: its hash, sequence, whether its call succeeded, the bundle transaction, block time, callData. */
    record Landed(HexBytes userOpHash, long seq, boolean success, String transactionHash, long blockNumber, long blockTime,
                  HexBytes callData) { }

    /** SmartSession's view of a permission on {@code account}: enabled, and the nonce the next ENABLE digest must use. */
    Permission permission(Address smartSession, HexBytes permissionId, Address account);

    /** {@code isPermissionEnabled(pid, account)} and {@code getNonce(pid, account)} of SmartSession. */
    record Permission(boolean enabled, BigInteger enableNonce) { }
}
