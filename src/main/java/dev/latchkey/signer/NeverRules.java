package dev.latchkey.signer;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.ExecuteCall;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.execution.ExecutionMode;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;

/**
 * The hard deny-list of security.md §4 that holds whatever the session allows (R8, R9). Runs before the policy
 * engine and before anything is reserved or signed. Each refusal carries a stable reason code.
 */
final class NeverRules {

    /** A rule that fired. */
    record Violation(String reason, String message) { }

    private static final Set<String> FORBIDDEN_SELECTORS = Set.of(
            "0xe9ae5c53", // execute (nested)
            "0x8dd7712f", // executeUserOp
            "0x9517e29f", // installModule
            "0xa71763a8", // uninstallModule
            "0x0bd28e3b"); // incrementNonce
    private static final BigInteger LAST_PRECOMPILE = BigInteger.valueOf(0x11);

    private NeverRules() { }

    /**
     * R9: the session must be ENABLED, or PENDING_ENABLE with the owner's approval (its first operation enables it),
     * and the chain time inside [validAfter, validUntil - margin).
     */
    static Optional<Violation> timebox(SessionRecord s, long chainTime, long margin) {
        boolean ready = s.status() == SessionStatus.PENDING_ENABLE && s.approved();
        if (s.status() != SessionStatus.ENABLED && !ready) {
            return Optional.of(new Violation("session-not-enabled", "session is " + s.status()
                    + (s.status() == SessionStatus.PENDING_ENABLE ? " and the owner has not approved it" : "")));
        }
        if (chainTime < s.validAfter()) {
            return Optional.of(new Violation("session-not-yet-valid", "session is valid from " + s.validAfter()
                    + ", chain time is " + chainTime));
        }
        if (chainTime >= s.validUntil() - margin) {
            return Optional.of(new Violation("session-expired", "session ended at " + s.validUntil() + " (margin " + margin
                    + " s), chain time is " + chainTime));
        }
        return Optional.empty();
    }

    /** R8 / BI-10: only execute, call type single or batch, exec type default, non-empty, no forbidden target. */
    static Optional<Violation> shape(HexBytes callData, Address account, Address smartSession, Address entryPoint) {
        if (callData.length() < 4 || !callData.slice(0, 4).equals(Erc7579Execute.SELECTOR)) {
            return Optional.of(new Violation("forbidden-call", "only execute(bytes32,bytes) may be signed"));
        }
        ExecuteCall ex;
        try {
            ex = Erc7579Execute.decode(callData);
        } catch (RuntimeException e) {
            return Optional.of(new Violation("undecodable", "callData is not canonical execute: " + e.getMessage()));
        }
        int callType = ex.mode().callType();
        if (callType == ExecutionMode.CALL_DELEGATE || callType == ExecutionMode.CALL_STATIC
                || (callType != ExecutionMode.CALL_SINGLE && callType != ExecutionMode.CALL_BATCH)) {
            return Optional.of(new Violation("forbidden-mode", String.format("call type 0x%02x is not allowed", callType)));
        }
        if (ex.mode().execType() != ExecutionMode.EXEC_DEFAULT) {
            return Optional.of(new Violation("forbidden-mode", String.format("exec type 0x%02x (try) is not allowed", ex.mode().execType())));
        }
        if (ex.executions().isEmpty()) {
            return Optional.of(new Violation("empty-batch", "a batch must hold at least one call"));
        }
        for (int i = 0; i < ex.executions().size(); i++) {
            Execution e = ex.executions().get(i);
            Address t = e.target();
            BigInteger asNumber = new BigInteger(1, t.bytes());
            if (t.equals(account) || t.equals(smartSession) || t.equals(entryPoint)) {
                return Optional.of(new Violation("forbidden-target", "call " + i + ": target " + t
                        + " is the account, SmartSession or the EntryPoint"));
            }
            if (asNumber.compareTo(LAST_PRECOMPILE) <= 0) {
                return Optional.of(new Violation("forbidden-target", "call " + i + ": target " + t + " is a precompile or zero"));
            }
            HexBytes data = e.callData();
            if (data.length() >= 4 && FORBIDDEN_SELECTORS.contains(data.slice(0, 4).hex())) {
                return Optional.of(new Violation("forbidden-selector", "call " + i + ": selector " + data.slice(0, 4).hex()
                        + " is never signed by a session"));
            }
        }
        return Optional.empty();
    }
}
