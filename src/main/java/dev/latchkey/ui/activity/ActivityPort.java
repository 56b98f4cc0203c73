package dev.latchkey.ui.activity;

import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The activity screen's service: the keystore's append-only activity log with the signer's journal rows, and the
 * chain's receipt of an included operation. Blocks (SQLite, RPC); called off the FX thread.
 */
public interface ActivityPort {

    /** The newest {@code limit} log lines with what is needed to explain them. */
    Snapshot load(int limit) throws Exception;

    /** Block, gas and cost of an included operation. */
    Receipt receipt(String transactionHash, String userOpHash) throws Exception;

    /**
     * @param journal      the signer's journal row per intent id (hex, no 0x) that has one (approved intents)
     * @param descriptions a sentence per journaled intent, decoded from its callData ("Swap 100 USDC → WETH …")
     * @param labels       a short name per session (permission id, 0x-hex lower case)
     * @param automations  each automation rule (rule id, 0x-hex lower case): its label and session, for the
     *                     {@code automation.*} log lines, whose subject is the rule id
     */
    record Snapshot(List<ActivityLog.Entry> log, Map<String, JournalEntry> journal, Map<String, String> descriptions,
                    Map<String, String> labels, TradeNetwork network, Map<String, AutomationRef> automations) {
        public Snapshot {
            log = List.copyOf(log);
            journal = Map.copyOf(journal);
            descriptions = Map.copyOf(descriptions);
            labels = Map.copyOf(labels);
            automations = Map.copyOf(automations);
        }

        /** A wallet without automations. */
        public Snapshot(List<ActivityLog.Entry> log, Map<String, JournalEntry> journal, Map<String, String> descriptions,
                        Map<String, String> labels, TradeNetwork network) {
            this(log, journal, descriptions, labels, network, Map.of());
        }
    }

    /**
     * What the activity screen names an automation rule by.
     *
     * @param label   the owner's name for the rule
     * @param session its session's permission id, 0x-hex lower case
     */
    record AutomationRef(String label, String session) {

        /** The keystore's rules (removed ones too: their history stays in the log) by rule id. */
        public static Map<String, AutomationRef> of(List<AutomationRule> rules) {
            Map<String, AutomationRef> out = new HashMap<>();
            for (AutomationRule r : rules) {
                out.put("0x" + HexFormat.of().formatHex(r.ruleId()), new AutomationRef(r.label(), "0x" + HexFormat.of().formatHex(r.permissionId())));
            }
            return out;
        }
    }

    /**
     * @param gasUsed          of the whole bundle transaction
     * @param userOpGasUsed    the operation's own {@code actualGasUsed} (UserOperationEvent), if found
     * @param userOpGasCostWei what the account paid for it
     */
    record Receipt(long block, BigInteger gasUsed, BigInteger effectiveGasPrice, Optional<BigInteger> userOpGasUsed,
                   Optional<BigInteger> userOpGasCostWei, boolean success) {
    }
}
