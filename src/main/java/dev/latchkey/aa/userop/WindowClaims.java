package dev.latchkey.aa.userop;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.ExecuteCall;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.execution.ExecutionMode;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.engine.WindowClaim;
import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.Selector;
import dev.latchkey.session.policy.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the time an operation claims to land at where the windowed policies (PeriodicSpendingLimit, RateLimit) read
 * it: the last 6 bytes of the mode word when a user-operation policy is a RateLimit, and a 6-byte suffix on every call
 * whose action policies hold one of them. The policies count the claimed window and pin the operation into it, so
 * validation reads no clock (ERC-7562 OP-011). Where the session has OperationDeadlinePolicy, the mode word also carries
 * the operation's deadline (claim + {@link WindowClaim#OPERATION_LIFETIME_SECONDS}, bytes 20..25). Other calls and other
 * callData are left byte for byte as they are.
 */
public final class WindowClaims {

    private WindowClaims() { }

    /** {@code callData} claiming {@code claim}; unchanged when the session has no windowed policy on it. */
    public static HexBytes stamp(PreparedSession session, Address smartSession, HexBytes callData, long claim) {
        byte[] cd = callData.unsafeBytes();
        if (cd.length < 4 || !Arrays.equals(Arrays.copyOf(cd, 4), Erc7579Execute.SELECTOR.unsafeBytes())) return callData;
        ExecuteCall ex = Erc7579Execute.decode(callData);
        int type = ex.mode().callType();
        if (ex.mode().execType() != ExecutionMode.EXEC_DEFAULT || (type != ExecutionMode.CALL_SINGLE && type != ExecutionMode.CALL_BATCH)) {
            return callData;
        }
        byte[] claimBytes = claimBytes(claim);
        boolean changed = false;
        ExecutionMode mode = ex.mode();
        if (session.userOpPolicies().stream().anyMatch(e -> windowed(e.policy()))) {
            byte[] w = mode.word().bytes();
            System.arraycopy(claimBytes, 0, w, 32 - WindowClaim.LENGTH, WindowClaim.LENGTH);
            mode = new ExecutionMode(HexBytes.of(w));
            changed = true;
        }
        if (hasDeadline(session)) {
            byte[] w = mode.word().bytes();
            System.arraycopy(claimBytes(claim + WindowClaim.OPERATION_LIFETIME_SECONDS), 0, w, WindowClaim.DEADLINE_OFFSET, WindowClaim.LENGTH);
            mode = new ExecutionMode(HexBytes.of(w));
            changed = true;
        }
        List<Execution> out = new ArrayList<>();
        for (Execution e : ex.executions()) {
            if (actionPolicies(session, smartSession, e).stream().anyMatch(p -> windowed(p.policy()))) {
                byte[] d = e.callData().unsafeBytes();
                byte[] withClaim = Arrays.copyOf(d, d.length + WindowClaim.LENGTH);
                System.arraycopy(claimBytes, 0, withClaim, d.length, WindowClaim.LENGTH);
                out.add(new Execution(e.target(), e.value(), HexBytes.of(withClaim)));
                changed = true;
            } else {
                out.add(e);
            }
        }
        return changed ? Erc7579Execute.encode(new ExecuteCall(mode, out)) : callData;
    }

    /**
     * The last second at which {@code callData} (as {@link #stamp} wrote it) can still land: its deadline or the end
     * of the shortest window it claims (the EntryPoint refuses it after that, AA22), or {@code sessionUntil} when it
     * claims none. What the signer needs to know when it may release a held sequence.
     */
    public static long validUntil(PreparedSession session, Address smartSession, HexBytes callData, long sessionUntil) {
        byte[] cd = callData.unsafeBytes();
        if (cd.length < 4 || !Arrays.equals(Arrays.copyOf(cd, 4), Erc7579Execute.SELECTOR.unsafeBytes())) return sessionUntil;
        ExecuteCall ex;
        try {
            ex = Erc7579Execute.decode(callData);
        } catch (RuntimeException notOurs) {
            return sessionUntil;
        }
        long until = sessionUntil;
        byte[] w = ex.mode().word().bytes();
        long modeClaim = WindowClaim.uint48(w, 32 - WindowClaim.LENGTH);
        long deadline = WindowClaim.deadline(w);
        if (hasDeadline(session) && deadline != 0) until = Math.min(until, deadline);
        for (PreparedSession.Entry e : session.userOpPolicies()) {
            if (e.policy() instanceof Policy.RateLimit r) until = Math.min(until, WindowClaim.of(modeClaim, r.interval()).validUntil());
        }
        for (Execution e : ex.executions()) {
            var claim = WindowClaim.suffix(e.callData().unsafeBytes());
            if (claim.isEmpty()) continue;
            for (PreparedSession.Entry p : actionPolicies(session, smartSession, e)) {
                long length = p.policy() instanceof Policy.PeriodicSpendingLimit ps ? ps.period()
                        : p.policy() instanceof Policy.RateLimit r ? r.interval() : 0;
                if (length > 0) until = Math.min(until, WindowClaim.of(claim.getAsLong(), length).validUntil());
            }
        }
        return until;
    }

    private static boolean hasDeadline(PreparedSession session) {
        return session.userOpPolicies().stream().anyMatch(e -> e.policy() instanceof Policy.OperationDeadline);
    }

    private static boolean windowed(Policy p) {
        return p instanceof Policy.PeriodicSpendingLimit || p instanceof Policy.RateLimit;
    }

    /** The action policies SmartSession runs for {@code e} (the engine's routing, without its refusals). */
    private static List<PreparedSession.Entry> actionPolicies(PreparedSession s, Address smartSession, Execution e) {
        if (e.target().equals(smartSession)) return s.policiesFor(ActionData.FALLBACK_TARGET, Selector.FALLBACK_SMART_SESSION);
        Selector sel = Selector.ofCallData(e.callData().unsafeBytes());
        List<PreparedSession.Entry> exact = s.policiesFor(e.target(), sel);
        return exact.isEmpty() ? s.policiesFor(ActionData.FALLBACK_TARGET, Selector.FALLBACK) : exact;
    }

    private static byte[] claimBytes(long claim) {
        byte[] b = new byte[WindowClaim.LENGTH];
        for (int i = WindowClaim.LENGTH - 1; i >= 0; i--, claim >>>= 8) b[i] = (byte) claim;
        return b;
    }
}
