package dev.latchkey.agent.bundle;

import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.wallet.NetworkProfile;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a shared session hands to one server (issue 16): the session as the owner approved it, its ledger lines and
 * automation rules, the network profile, and the session key — never an owner key. {@code approval} is the owner's
 * enable signature while the session is not enabled on chain yet (it can enable only this session). {@code agentId}
 * binds the bundle to one agent data directory. {@link #close} zeroes the key; {@code toString} never shows it.
 */
public record AgentBundle(String agentId, String server, Instant sharedAt, NetworkProfile network, Sessions.Account account,
                          SessionRecord session, String sessionLabel, Optional<byte[]> approval, List<Budget> budget,
                          List<Rule> rules, byte[] sessionKey) implements AutoCloseable {

    public static final String FORMAT = "latchkey-session-bundle/1";

    /** One ledger line: the local cap of {@code token} and the uses cap (the chain's policies stay the real ceiling). */
    public record Budget(String token, BigInteger cap, long uses) { }

    /** An automation rule of the session, under its own id (intent ids derive from it: the same trigger, the same id). */
    public record Rule(byte[] ruleId, String kind, String label, byte[] spec) {
        @Override
        public String toString() {
            return "Rule[" + kind + " " + label + "]";
        }
    }

    public AgentBundle {
        budget = List.copyOf(budget);
        rules = List.copyOf(rules);
    }

    @Override
    public void close() {
        Arrays.fill(sessionKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "AgentBundle[agent " + agentId + ", server " + server + ", session key <redacted>]";
    }
}
