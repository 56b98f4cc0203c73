package dev.latchkey.agent;

import dev.latchkey.keystore.AutomationFiring;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.BudgetEntry;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.signer.SignerState;
import dev.latchkey.trade.catalog.Token;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Prometheus text exposition (format 0.0.4) of one agent: firings by outcome (from the store, so they survive a
 * restart), the signer's refusals, how long ago the agent saw a new block (lag), and what the session has left per
 * token in token units (the local ledger: cap − reserved − spent; the on-chain policies remain the real ceiling).
 */
final class AgentMetrics {

    private final Keystore store;
    private final byte[] permissionId;
    private final List<Token> tokens;
    private final AgentStatus status;
    private final Supplier<SignerState> signer;
    private final java.time.InstantSource clock;

    AgentMetrics(Keystore store, byte[] permissionId, List<Token> tokens, AgentStatus status, Supplier<SignerState> signer,
                 java.time.InstantSource clock) {
        this.store = store;
        this.permissionId = permissionId;
        this.tokens = tokens;
        this.status = status;
        this.signer = signer;
        this.clock = clock;
    }

    String render() throws KeystoreException {
        StringBuilder b = new StringBuilder();
        Map<AutomationFiring.State, Integer> firings = new EnumMap<>(AutomationFiring.State.class);
        for (AutomationFiring.State s : AutomationFiring.State.values()) firings.put(s, 0);
        for (AutomationRule r : store.automations().all()) {
            for (AutomationFiring f : store.automations().firings(r.ruleId())) firings.merge(f.state(), 1, Integer::sum);
        }
        help(b, "latchkey_agent_firings", "Automation firings handed to the signer, by outcome.", "gauge");
        firings.forEach((state, n) -> b.append("latchkey_agent_firings{outcome=\"").append(state.name().toLowerCase()).append("\"} ")
                .append(n).append('\n'));
        SignerState s = signer.get();
        help(b, "latchkey_agent_refusals_total", "Intents the signer refused before signing (since this start).", "counter");
        b.append("latchkey_agent_refusals_total ").append(s.refused()).append('\n');
        help(b, "latchkey_agent_included_total", "Operations the signer saw included (since this start).", "counter");
        b.append("latchkey_agent_included_total ").append(s.included()).append('\n');
        help(b, "latchkey_agent_head_block", "The newest block the agent has seen.", "gauge");
        b.append("latchkey_agent_head_block ").append(status.head()).append('\n');
        help(b, "latchkey_agent_lag_seconds", "Seconds since the agent last saw a new block.", "gauge");
        long seen = status.headSeenAtMillis();
        b.append("latchkey_agent_lag_seconds ").append(seen == 0 ? "NaN" : String.valueOf((clock.millis() - seen) / 1000.0)).append('\n');
        help(b, "latchkey_agent_budget_left", "What the session may still spend, per token, in token units (local ledger).", "gauge");
        long usesLeft = Long.MAX_VALUE;
        for (BudgetEntry e : store.sessions().budget(permissionId)) {
            Token t = tokens.stream().filter(x -> x.address().hex().equalsIgnoreCase(e.token())).findFirst().orElse(null);
            String symbol = t == null ? e.token() : t.symbol();
            BigDecimal left = t == null ? new BigDecimal(e.available()) : new BigDecimal(e.available()).movePointLeft(t.decimals());
            b.append("latchkey_agent_budget_left{token=\"").append(symbol).append("\"} ").append(left.stripTrailingZeros().toPlainString()).append('\n');
            usesLeft = Math.min(usesLeft, e.usesLeft());
        }
        help(b, "latchkey_agent_uses_left", "Operations the session may still make (local ledger).", "gauge");
        if (usesLeft != Long.MAX_VALUE) b.append("latchkey_agent_uses_left ").append(usesLeft).append('\n');
        help(b, "latchkey_agent_revoked", "1 once the owner revoked the shared session.", "gauge");
        b.append("latchkey_agent_revoked ").append(status.state() == AgentStatus.State.REVOKED ? 1 : 0).append('\n');
        return b.toString();
    }

    private static void help(StringBuilder b, String name, String help, String type) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
}
