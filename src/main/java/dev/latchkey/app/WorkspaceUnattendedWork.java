package dev.latchkey.app;

import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.ui.common.UnattendedWork;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.Optional;

/**
 * What the open workspace keeps doing while the person is away: its engine's ACTIVE rules on the workspace's network,
 * and whether its signer and engine run. Nothing when the workspace is closed or its signer is paused.
 */
final class WorkspaceUnattendedWork implements UnattendedWork {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkspaceUnattendedWork.class);

    private final LiveWorkspace workspace;

    WorkspaceUnattendedWork(LiveWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Report now() {
        Optional<WalletWorkspace> open = workspace.ifOpen();
        if (open.isEmpty()) {
            return Report.NOTHING;
        }
        WalletWorkspace ws = open.get();
        boolean running = ws.automationsRunning() && ws.signer().state().running();
        try {
            return new Report(activeRules(ws.keystore(), ws.profile().chainId()), running);
        } catch (Exception e) {
            // unreadable rules: nothing we can vouch for keeps running, so the wallet locks fully
            LOG.warn("could not count the active rules: {}", e.getMessage());
            return Report.NOTHING;
        }
    }

    private static int activeRules(Keystore ks, long chainId) throws Exception {
        Set<String> here = new HashSet<>();
        for (SessionRecord s : ks.sessions().all()) {
            if (s.chain(chainId).isPresent()) here.add(HexFormat.of().formatHex(s.permissionId()));
        }
        int count = 0;
        for (AutomationRule r : ks.automations().all()) {
            if (r.status() == AutomationRule.Status.ACTIVE && here.contains(HexFormat.of().formatHex(r.permissionId()))) count++;
        }
        return count;
    }
}
