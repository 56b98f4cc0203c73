package dev.latchkey.signer;

import dev.latchkey.keystore.ActivityFields;
import dev.latchkey.keystore.ActivityKind;
import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.keystore.KeyVault;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.keystore.SignerJournal;
import dev.latchkey.session.engine.PolicyEngine;
import dev.latchkey.session.model.Address;
import java.util.HexFormat;

/** What the pipeline stages share: the keystore parts the signer may use (never owner keys) and the ports. */
record Deps(Sessions sessions, SignerJournal journal, ActivityLog activity, KeyVault vault, OperationStore store,
            PolicyEngine engine, SessionDefinitions definitions, PolicyStateSource policyState, OperationBuilder builder,
            ChainView chain, OperationSink sink, SignerConfig config, Stats stats, Replies replies) {

    /** The session's operations not final yet, read from the journal with their stored operations. */
    InFlightOperations inFlight() {
        return new InFlightOperations(journal, store);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** The pinned SmartSession of {@code session} on {@code chainId}. */
    static Address smartSession(SessionRecord session, long chainId) {
        return session.chains().stream().filter(c -> c.chainId() == chainId).findFirst()
                .map(c -> new Address(c.smartSession().toLowerCase()))
                .orElseThrow(() -> new IllegalStateException("session is not on chain " + chainId));
    }

    /** Appends an activity row whose reason is its detail; a failing audit write is reported, not swallowed. */
    void log(ActivityKind kind, String intentHex, String detail) {
        log(kind, intentHex, detail, ActivityFields.because(detail));
    }

    /** A signer row about a session (reconciliation), not one of its intents. */
    void logSession(ActivityKind kind, byte[] permissionId, String detail) {
        log(kind, hex(permissionId), detail, ActivityFields.aboutSession(hex(permissionId), detail));
    }

    void log(ActivityKind kind, String subject, String detail, ActivityFields fields) {
        try {
            activity.append(kind, subject, detail, fields);
        } catch (KeystoreException e) {
            throw new IllegalStateException("cannot write the activity log", e);
        }
    }
}
