package dev.latchkey.signer;

import dev.latchkey.keystore.ActivityKind;
import dev.latchkey.aa.submit.UserOperationReceipt;
import dev.latchkey.keystore.BudgetEntry;
import dev.latchkey.keystore.CallOutcome;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.JournalState;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The ledger follows the chain (N4). Runs on the session's lane thread when the lane is idle (after an inclusion,
 * and at start), so no reservation can appear meanwhile: first CONFLICT rows are resolved (our userOpHash has a
 * receipt after all → FINAL, else CANCELLED and the reservation released), then, if no row of the session is open,
 * the ledger's {@code spent_final} per token and {@code uses_final} are compared with {@link ChainTotals}; any
 * difference is written from the chain with one {@code signer.reconciled} row carrying both values.
 */
final class Reconciler {

    private static final Duration CONFLICT_RECEIPT_WAIT = Duration.ofMillis(500);

    private final Deps d;

    Reconciler(Deps d) {
        this.d = d;
    }

    /** Returns whether the ledger was changed. Errors are logged, not thrown: the next idle lane tries again. */
    boolean reconcile(byte[] permissionId) {
        String pidHex = Deps.hex(permissionId);
        try {
            SessionRecord s = d.sessions().get(permissionId);
            long chainId = d.chain().chainId();
            if (s.chain(chainId).isEmpty()) return false;
            if (resolveConflicts(permissionId)) d.policyState().changed(s, chainId);
            if (d.journal().open().stream().anyMatch(r -> Arrays.equals(r.permissionId(), permissionId))) return false;
            // Chain first: operations the journal never saw (another copy of the wallet) become journal rows before
            // the counters are compared, so the ledger and the daily caps count them in their own time.
            new ChainFirst(d).recover(s, chainId, "the chain is ahead of the journal");
            List<BudgetEntry> lines = d.sessions().budget(permissionId);
            if (lines.isEmpty()) return false;
            Optional<PreparedSession> prepared = d.definitions().definitionOf(s).map(d.engine()::prepare);
            if (prepared.isEmpty()) return false;
            ChainTotals chain = ChainTotals.read(prepared.get(), new Address(s.account().toLowerCase()), d.policyState().fresh(s, chainId));
            Map<String, BigInteger> spent = new TreeMap<>();
            List<String> diffs = new ArrayList<>();
            for (BudgetEntry line : lines) {
                BigInteger onChain = chain.spent().get(line.token());
                if (onChain != null && !onChain.equals(line.spentFinal())) {
                    spent.put(line.token(), onChain);
                    diffs.add(line.token() + " spent ledger " + line.spentFinal() + " chain " + onChain);
                }
            }
            OptionalLong uses = OptionalLong.empty();
            if (chain.uses().isPresent()) {
                long onChain = chain.uses().get().min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
                if (lines.stream().anyMatch(l -> l.usesFinal() != onChain)) {
                    uses = OptionalLong.of(onChain);
                    diffs.add("uses ledger " + lines.get(0).usesFinal() + " chain " + onChain);
                }
            }
            if (diffs.isEmpty()) return false;
            String detail = "chain " + chainId + ": " + String.join("; ", diffs);
            d.sessions().reconcile(permissionId, spent, uses, detail);
            // Not only a log line: the owner sees that the wallet's books and the chain disagreed, and which won.
            String warning = "session " + pidHex.substring(0, 8) + ": the ledger disagreed with the chain (" + String.join("; ", diffs)
                    + "); the chain's numbers were taken";
            d.logSession(ActivityKind.SIGNER_MISMATCH, permissionId, warning);
            d.stats().warn(warning);
            d.policyState().changed(s, chainId); // the chain moved without us: trade-path snapshots are stale
            return true;
        } catch (KeystoreException | RuntimeException e) {
            d.logSession(ActivityKind.SIGNER_FAILED, permissionId, "reconciliation: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }

    private boolean resolveConflicts(byte[] permissionId) throws KeystoreException {
        List<JournalEntry> conflicts = d.journal().inState(permissionId, JournalState.CONFLICT);
        for (JournalEntry row : conflicts) {
            String id = Deps.hex(row.intentId());
            Optional<UserOperationReceipt> receipt = row.userOpHash() == null ? Optional.empty()
                    : d.sink().receipt(HexBytes.of(row.userOpHash()), CONFLICT_RECEIPT_WAIT);
            if (receipt.isPresent()) {
                // The receipt is in hand, so the call's outcome is recorded as on the signer's own path.
                d.journal().recordInclusion(row.intentId(), JournalState.CONFLICT, JournalState.FINAL,
                        CallOutcome.of(receipt.get().success()));
                d.log(ActivityKind.SIGNER_RECONCILED, id, "conflict resolved: our operation seq " + row.nonceSeq() + " was included (tx "
                        + receipt.get().transactionHash() + (receipt.get().success() ? "" : ", call reverted") + "), FINAL");
            } else {
                d.journal().move(row.intentId(), JournalState.CONFLICT, JournalState.CANCELLED, null, null, null, null);
                d.log(ActivityKind.SIGNER_RECONCILED, id, "conflict resolved: seq " + row.nonceSeq()
                        + " was used by another operation, ours never landed; CANCELLED, reservation released");
            }
        }
        return !conflicts.isEmpty();
    }
}
