package dev.latchkey.signer;

import dev.latchkey.keystore.ActivityKind;
import dev.latchkey.keystore.CallOutcome;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SignerJournal;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.crypto.Hash;

/**
 * Chain-first reconciliation of one session's lane: when the chain's next sequence is past the newest sequence the
 * journal holds (a restored backup, another copy of the wallet), the operations it shows landed are written into the
 * journal as FINAL rows under the intent ids they carry ({@link IntentTag}), with their spending in the ledger, before
 * anything new is signed. An automation trigger whose intent the chain shows paid then meets its journal row
 * (Duplicate → FINAL) instead of paying again; a one-click trade id is never reused anyway.
 */
final class ChainFirst {

    private final Deps d;

    ChainFirst(Deps d) {
        this.d = d;
    }

    /** How many operations were rebuilt from the chain (0 when the journal already holds what the chain shows). */
    int recover(SessionRecord s, long chainId, String why) throws KeystoreException {
        if (s.chain(chainId).isEmpty()) return 0;
        NonceLane lane = NonceLane.of(s, Deps.smartSession(s, chainId));
        Address sender = new Address(s.account().toLowerCase());
        long journalNext = d.journal().lastSequence(s.account(), lane.key24()) + 1;
        long chainNext = d.chain().nextSequence(sender, lane.key());
        if (chainNext <= journalNext) return 0;
        List<ChainView.Landed> landed = d.chain().landed(sender, lane.key(), journalNext);
        int rebuilt = 0;
        for (ChainView.Landed op : landed) {
            Optional<byte[]> tag = IntentTag.read(op.callData());
            // An operation without a tag (signed before tags, or by another tool) still took its sequence and spent.
            byte[] intentId = tag.orElseGet(() -> untaggedId(op.userOpHash()));
            HexBytes plain = IntentTag.strip(op.callData());
            Map<String, BigInteger> amounts = amounts(plain);
            String detail = "rebuilt from the chain (" + why + "): seq " + op.seq() + " tx " + op.transactionHash()
                    + (tag.isPresent() ? " intent " + Deps.hex(intentId) : " (no intent tag)") + (op.success() ? "" : " (call reverted)")
                    + " spent " + amounts;
            boolean written = d.journal().recordLanded(new SignerJournal.Landed(intentId, s.permissionId(), chainId, s.account(),
                    lane.key24(), op.seq(), plain.bytes(), amounts, op.userOpHash().bytes(), CallOutcome.of(op.success()),
                    op.blockNumber(), Instant.ofEpochSecond(op.blockTime())), ActivityKind.SIGNER_RECONCILED, detail);
            if (written) rebuilt++;
        }
        if (rebuilt > 0) {
            String warning = "session " + Deps.hex(s.permissionId()).substring(0, 8) + ": the chain showed " + (chainNext - journalNext)
                    + " operation(s) the wallet's journal did not hold (" + why + "); " + rebuilt + " rebuilt from the chain";
            d.logSession(ActivityKind.SIGNER_MISMATCH, s.permissionId(), warning);
            d.stats().warn(warning);
            d.policyState().changed(s, chainId);
        }
        return rebuilt;
    }

    private static Map<String, BigInteger> amounts(HexBytes callData) {
        try {
            return Reservations.of(callData);
        } catch (RuntimeException e) {
            return Map.of(); // not an execute call the ledger counts
        }
    }

    private static byte[] untaggedId(HexBytes userOpHash) {
        byte[] h = Hash.sha3(HexBytes.of("latchkey/untagged-op/v1".getBytes(StandardCharsets.US_ASCII)).concat(userOpHash).bytes());
        return Arrays.copyOf(h, 16);
    }
}
