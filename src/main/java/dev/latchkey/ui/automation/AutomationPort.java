package dev.latchkey.ui.automation;

import dev.latchkey.automation.AutomationService;
import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.util.List;

/**
 * Port: the wallet's automations on the active network, implemented by the app. Every call may touch SQLite or
 * RPC, so the screen calls it off the FX thread.
 */
public interface AutomationPort {

    /** The rule service of the unlocked wallet on the active network (creation refuses what a session cannot cover). */
    AutomationService service() throws Exception;

    /** The chain's latest block time: rules are checked against it, never the wall clock. */
    long chainTime() throws Exception;

    /** The network's tokens (amounts are entered in whole tokens and stored in raw units). */
    TradeNetwork network() throws Exception;

    /** A session a rule can be bound to, with its short name. */
    record SessionChoice(byte[] permissionId, String label) { }

    /** The sessions a new rule can be bound to (approved, not revoked or expired), with their labels. */
    List<SessionChoice> sessions() throws Exception;

    /** Each rule's newest evaluation by rule id (hex, lower case, no 0x), in one read (the list shows a thousand rules). */
    java.util.Map<String, AutomationEvaluation> latestEvaluations() throws Exception;

    /** A port for configurations without automations: every call says so. */
    static AutomationPort unavailable() {
        return new AutomationPort() {
            private Exception no() {
                return new IllegalStateException("automations are not available in this configuration");
            }

            @Override public AutomationService service() throws Exception { throw no(); }
            @Override public long chainTime() throws Exception { throw no(); }
            @Override public TradeNetwork network() throws Exception { throw no(); }
            @Override public List<SessionChoice> sessions() throws Exception { throw no(); }
            @Override public java.util.Map<String, AutomationEvaluation> latestEvaluations() throws Exception { throw no(); }
        };
    }
}
