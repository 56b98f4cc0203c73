package dev.latchkey.app;

import dev.latchkey.keystore.ActivityKind;
import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.keystore.JournalEntry;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.ui.activity.ActivityPort;
import dev.latchkey.ui.activity.ActivityRows;
import dev.latchkey.wallet.SessionLabels;
import dev.latchkey.wallet.WalletException;
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

    /** EntryPoint v0.7 {@code UserOperationEvent(bytes32 indexed userOpHash, address indexed sender, address indexed paymaster,
     * uint256 nonce, bool success, uint256 actualGasCost, uint256 actualGasUsed)}. */
    static final String USER_OPERATION_EVENT = Hash.sha3String("UserOperationEvent(bytes32,address,address,uint256,bool,uint256,uint256)");

    private final LiveWorkspace workspace;

    LiveActivity(LiveWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Snapshot load(int limit) throws Exception {
        WalletWorkspace w = workspace.current();
        List<ActivityLog.Entry> log = w.keystore().activity().recent(limit);
        Map<String, JournalEntry> journal = new HashMap<>();
        for (ActivityLog.Entry e : log) {
            if (e.kind().family() != ActivityKind.Family.SIGNER || e.fields().aboutSession().isPresent()) {
                continue;
            }
            String intent = e.subject().toLowerCase(Locale.ROOT);
            if (!journal.containsKey(intent) && intent.matches("[0-9a-f]{32}")) {
                try {
                    journal.put(intent, w.keystore().journal().get(HexFormat.of().parseHex(intent)));
                } catch (KeystoreException.NotFoundException refusedBeforeReservation) {
                    // refused intents never reach the journal
                }
            }
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
            JsonNode topics = log.path("topics");
            if (topics.size() >= 2 && topics.get(0).asText().equalsIgnoreCase(USER_OPERATION_EVENT)
                    && topics.get(1).asText().equalsIgnoreCase(userOpHash)) {
                String data = log.path("data").asText().substring(2);
                success = !new BigInteger(data.substring(64, 128), 16).equals(BigInteger.ZERO);
                opCost = Optional.of(new BigInteger(data.substring(128, 192), 16));
                opGas = Optional.of(new BigInteger(data.substring(192, 256), 16));
            }
        }
        return new Receipt(EvmClient.quantity(r.path("blockNumber")).longValueExact(), EvmClient.quantity(r.path("gasUsed")),
                EvmClient.quantity(r.path("effectiveGasPrice")), opGas, opCost, success);
    }
}
