package dev.latchkey.app;

import dev.latchkey.keystore.ActivityKind;
import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.ui.activity.ActivityPort;
import dev.latchkey.ui.activity.ActivityRows;
import dev.latchkey.wallet.SessionLabels;
import dev.latchkey.wallet.WalletException;
import dev.latchkey.aa.submit.UserOperationEvent;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.web3j.crypto.Hash;

/** {@link ActivityPort} over the keystore's activity log and signer journal, and the node's receipts. */
final class LiveActivity implements ActivityPort {

    private final LiveWorkspace workspace;

    LiveActivity(LiveWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Snapshot load(int limit) throws Exception {
        WalletWorkspace w = workspace.current();
        List<ActivityLog.Entry> log = w.keystore().activity().recent(limit);
        java.util.Set<String> intents = new java.util.LinkedHashSet<>();
        for (ActivityLog.Entry e : log) {
            if (e.kind().family() != ActivityKind.Family.SIGNER || e.fields().aboutSession().isPresent()) {
                continue;
            }
            String intent = e.subject().toLowerCase(Locale.ROOT);
            if (intent.matches("[0-9a-f]{32}")) {
                intents.add(intent);
            }
        }
        // one read for every journaled intent of the page (refused ones have no row)
        Map<String, JournalEntry> journal = new HashMap<>();
        for (JournalEntry row : w.keystore().journal().get(intents.stream().map(HexFormat.of()::parseHex).toList())) {
            journal.put(HexFormat.of().formatHex(row.intentId()), row);
        }
        Address account = Address.parse("account", w.account().address());
        OperationDescriptions describe = new OperationDescriptions(w.profile().tradeNetwork());
        Map<String, String> descriptions = new HashMap<>();
        journal.forEach((intent, row) -> descriptions.put(intent, describe.describe(row.callData(), account)));
        Map<String, String> labels = new HashMap<>();
        for (SessionRecord r : w.keystore().sessions().all()) {
            HexBytes pid = HexBytes.of(r.permissionId());
            labels.put(pid.hex().toLowerCase(Locale.ROOT), SessionLabels.of(w.keystore().settings(), pid));
        }
        return new Snapshot(log, journal, descriptions, labels, w.profile().tradeNetwork(), AutomationRef.of(w.keystore().automations().all()));
    }

    @Override
    public Receipt receipt(String transactionHash, String userOpHash) throws Exception {
        EvmClient node = workspace.current().chain().node();
        JsonNode r = node.rpc().call("eth_getTransactionReceipt", transactionHash);
        if (r == null || r.isNull() || r.isMissingNode()) {
            throw new WalletException(WalletException.Kind.NOT_FOUND, "the node has no receipt for " + transactionHash);
        }
        Optional<BigInteger> opGas = Optional.empty();
        Optional<BigInteger> opCost = Optional.empty();
        boolean success = EvmClient.quantity(r.path("status")).signum() == 1;
        for (JsonNode log : r.path("logs")) {
            Optional<UserOperationEvent> event = UserOperationEvent.of(log).filter(e -> e.userOpHash().hex().equalsIgnoreCase(userOpHash));
            if (event.isPresent()) {
                success = event.get().success();
                opCost = Optional.of(event.get().actualGasCost());
                opGas = Optional.of(event.get().actualGasUsed());
            }
        }
        return new Receipt(EvmClient.quantity(r.path("blockNumber")).longValueExact(), EvmClient.quantity(r.path("gasUsed")),
                EvmClient.quantity(r.path("effectiveGasPrice")), opGas, opCost, success);
    }
}
