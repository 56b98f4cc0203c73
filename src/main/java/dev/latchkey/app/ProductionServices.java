package dev.latchkey.app;

import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.session.model.Address;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.approve.ApprovalService;
import dev.latchkey.ui.builder.SessionEnvironment;
import dev.latchkey.ui.common.WalletSession;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The UI's ports as the installed app wires them today: the real devnet and session keys made in the real vault.
 * The builder's environment (smart account, network profile) and the approval (storing the session) belong to the
 * wallet services, which are not wired yet: those two ports say so instead of pretending.
 */
final class ProductionServices implements AutoCloseable {

    static final String NOT_YET = "This needs the wallet services (network profile and smart account), which are not part of"
            + " this build yet; they arrive with the next wallet update.";

    private Devnet devnet;

    UiServices services(WalletSession wallet) {
        SessionEnvironment environment = () -> {
            throw new IllegalStateException(NOT_YET);
        };
        ApprovalService approvals = (request, plan, password) -> {
            java.util.Arrays.fill(password, '\0');
            throw new IllegalStateException(NOT_YET);
        };
        return new UiServices(this::startDevnet, environment,
                () -> new Address(wallet.keystore().keys().createSessionKey("session").address()),
                approvals, UiServices.randomSalts(), ZoneId.systemDefault());
    }

    private synchronized void startDevnet(java.util.function.Consumer<String> step) {
        if (devnet == null) {
            devnet = Devnet.start(DevnetConfig.defaults(Path.of(System.getProperty("user.home"), ".latchkey", "devnet")), step::accept);
        }
    }

    @Override
    public synchronized void close() {
        if (devnet != null) {
            devnet.close();
            devnet = null;
        }
    }
}
