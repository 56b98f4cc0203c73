package dev.latchkey.signer;

import dev.latchkey.aa.userop.OperationContexts;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Settings;
import dev.latchkey.keystore.SignerJournal;
import dev.latchkey.session.engine.OperationContext;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A session's operations that are reserved, signed or sent but not final: the policy contracts' counters do not
 * show them yet, so a check against the chain alone would let a fifth 500 USDC trade through a 2,000 USDC daily
 * window while four are still in flight (the chain would then refuse it, but it would have been signed). The signer
 * and the automation engine's pre-check count them with {@code PolicyEngine.checkAfter}.
 */
public final class InFlightOperations {

    private final SignerJournal journal;
    private final OperationStore store;

    public InFlightOperations(SignerJournal journal, Settings settings) {
        this(journal, new OperationStore(settings, journal));
    }

    InFlightOperations(SignerJournal journal, OperationStore store) {
        this.journal = journal;
        this.store = store;
    }

    /** The open operations of {@code permissionId} on {@code chainId} as the engine checks them, oldest first. */
    public List<OperationContext> of(byte[] permissionId, long chainId, Address smartSession, long chainTime, BigInteger baseFee)
            throws KeystoreException {
        return of(permissionId, chainId, smartSession, chainTime, baseFee, new byte[0]);
    }

    /** {@link #of} without the row of intent {@code except} (a fee bump checks its replacement in that row's place). */
    List<OperationContext> of(byte[] permissionId, long chainId, Address smartSession, long chainTime, BigInteger baseFee,
                              byte[] except) throws KeystoreException {
        List<OperationContext> out = new ArrayList<>();
        for (JournalEntry row : journal.open()) {
            if (!Arrays.equals(row.permissionId(), permissionId) || row.chainId() != chainId) continue;
            if (Arrays.equals(row.intentId(), except)) continue;
            Optional<OperationStore.Stored> stored = store.get(Deps.hex(row.intentId()));
            // A row written before operations were stored still has its calls (all that spending depends on).
            UserOperation op = stored.map(OperationStore.Stored::op).orElseGet(() ->
                    UserOperation.of(new Address(row.sender().toLowerCase()), BigInteger.ZERO, HexBytes.of(row.callData())));
            out.add(OperationContexts.of(IntentTag.untagged(op), smartSession, chainTime, baseFee));
        }
        return out;
    }
}
