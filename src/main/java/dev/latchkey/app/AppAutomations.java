package dev.latchkey.app;

import dev.latchkey.automation.AutomationService;
import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.onchain.StoredSessionDefinitions;
import dev.latchkey.trade.build.RefusalText;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.ui.automation.AutomationPort;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.SessionLabels;
import java.util.ArrayList;
import java.util.List;

/**
 * The Automations screen's port on the unlocked wallet and its network: the same {@link AutomationService} the CLI
 * uses (sessions' definitions from their stored bytes), chain time from the network's RPC.
 */
final class AppAutomations implements AutomationPort {

    private final WalletSession wallet;
    private final WalletNetwork network;

    AppAutomations(WalletSession wallet, WalletNetwork network) {
        this.wallet = wallet;
        this.network = network;
    }

    @Override
    public AutomationService service() throws Exception {
        NetworkProfile p = network.profile();
        RefusalText words = new RefusalText(p.tradeNetwork());
        return new AutomationService(wallet.keystore(), p.tradeNetwork(), new StoredSessionDefinitions(), p.policies(), words::explain);
    }

    @Override
    public long chainTime() throws Exception {
        try (ChainConnection chain = network.open()) {
            return chain.chainTime();
        }
    }

    @Override
    public TradeNetwork network() throws Exception {
        return network.profile().tradeNetwork();
    }

    @Override
    public List<SessionChoice> sessions() throws Exception {
        long chainId = network.profile().chainId();
        long now = java.time.Instant.now().getEpochSecond();
        Keystore ks = wallet.keystore();
        List<SessionChoice> out = new ArrayList<>();
        for (SessionRecord r : ks.sessions().all()) {
            boolean usable = r.approved() && (r.status() == SessionStatus.PENDING_ENABLE || r.status() == SessionStatus.ENABLED) && r.validUntil() > now && r.chain(chainId).isPresent();
            if (usable) out.add(new SessionChoice(r.permissionId(), SessionLabels.of(ks.settings(), HexBytes.of(r.permissionId()))));
        }
        return out;
    }

    @Override
    public java.util.Map<String, AutomationEvaluation> latestEvaluations() throws Exception {
        return wallet.keystore().automations().latestEvaluations();
    }
}
