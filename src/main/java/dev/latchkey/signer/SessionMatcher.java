package dev.latchkey.signer;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.ExecuteCall;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.userop.OperationContexts;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.PolicyEngine;
import dev.latchkey.session.engine.PreparedSession;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.Selector;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the session that covers an intent: same account and chain, and an action for every (target, selector).
 * A usable session (ENABLED, or approved and PENDING_ENABLE) inside its time frame wins; otherwise a covering
 * session in another state is returned so the timebox rule can name why it cannot be used.
 */
final class SessionMatcher {

    /** The chosen session with its decoded definition. */
    record Match(SessionRecord record, PreparedSession prepared) { }

    private final Sessions sessions;
    private final SessionDefinitions definitions;
    private final PolicyEngine engine;

    SessionMatcher(Sessions sessions, SessionDefinitions definitions, PolicyEngine engine) {
        this.sessions = sessions;
        this.definitions = definitions;
        this.engine = engine;
    }

    /** The match, or a refusal reason ({@code no-session}). */
    Optional<Match> find(SignerIntent intent, long chainTime) throws KeystoreException {
        List<Execution> calls;
        try {
            ExecuteCall ex = Erc7579Execute.decode(intent.callData());
            calls = ex.executions();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        List<Match> covering = new ArrayList<>();
        for (SessionRecord s : sessions.all()) {
            if (!new Address(s.account().toLowerCase()).equals(intent.account())
                    || s.chains().stream().noneMatch(c -> c.chainId() == intent.chainId())) {
                continue;
            }
            Optional<OnchainSession> def = definitions.definitionOf(s);
            if (def.isEmpty()) continue;
            PreparedSession p = engine.prepare(def.get());
            if (calls.stream().allMatch(c -> covers(p, c))) covering.add(new Match(s, p));
        }
        List<Match> usable = covering.stream()
                .filter(m -> usable(m.record()) && chainTime >= m.record().validAfter() && chainTime < m.record().validUntil())
                .toList();
        // Several sessions may cover the same functions with different rules (e.g. one per recipient): prefer one whose
        // rules allow this call at all, judged without state (no round trip); the lane then checks with the chain's.
        return usable.stream().filter(m -> allowsStatelessly(m, intent, chainTime)).findFirst()
                .or(() -> usable.stream().findFirst())
                .or(() -> covering.stream().findFirst());
    }

    private boolean allowsStatelessly(Match m, SignerIntent intent, long chainTime) {
        try {
            var chain = m.record().chain(intent.chainId());
            if (chain.isEmpty()) return false;
            UserOperation draft = UserOperation.of(intent.account(), BigInteger.ZERO, intent.callData());
            var ctx = OperationContexts.of(draft, new Address(chain.get().smartSession().toLowerCase()), chainTime, BigInteger.ZERO);
            return engine.check(m.prepared(), ctx, new InMemoryPolicyState()).allowed();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** ENABLED, or approved by the owner and waiting for its first operation to enable it. */
    private static boolean usable(SessionRecord s) {
        return s.status() == SessionStatus.ENABLED || (s.status() == SessionStatus.PENDING_ENABLE && s.approved());
    }

    private static boolean covers(PreparedSession p, Execution call) {
        HexBytes data = call.callData();
        Selector sel = Selector.ofCallData(data.unsafeBytes());
        return !p.policiesFor(call.target(), sel).isEmpty();
    }
}
