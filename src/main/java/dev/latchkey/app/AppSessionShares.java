package dev.latchkey.app;

import dev.latchkey.agent.bundle.BundleException;
import dev.latchkey.agent.bundle.Recipient;
import dev.latchkey.agent.bundle.ServerKey;
import dev.latchkey.agent.bundle.SessionShare;
import dev.latchkey.keystore.AutomationRule;
import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.PasswordStrength;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.ui.sessions.SessionSharing;
import dev.latchkey.wallet.SessionLabels;
import dev.latchkey.wallet.WalletException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The Sessions screen's "Share with a server…" over {@link SessionShare}, the same writer as {@code latchkey session share}. */
final class AppSessionShares {

    private AppSessionShares() { }

    static SessionSharing.Plan plan(WalletWorkspace w, SessionRecord r) throws Exception {
        Path suggested = suggestedFile(w, r);
        try {
            List<String> rules = new SessionShare(w.keystore(), w.profile(), Clock.systemUTC()).handedOver(r).stream()
                    .map(AppSessionShares::rule).toList();
            return new SessionSharing.Plan(rules, Optional.empty(), suggested);
        } catch (WalletException refused) {
            return new SessionSharing.Plan(List.of(), Optional.of(refused.getMessage()), suggested);
        }
    }

    static SessionSharing.Shared share(WalletWorkspace w, SessionRecord r, SessionSharing.Request request) throws Exception {
        Keystore ks = w.keystore();
        ks.verifyPassword(request.walletPassword()); // sharing hands a key out: the owner confirms at the keyboard
        if (Files.exists(request.file())) {
            throw new WalletException(WalletException.Kind.INVALID, request.file() + " exists already; choose a new file name (a bundle never replaces a file)");
        }
        Recipient to = switch (request.sealing()) {
            case SessionSharing.Sealing.ToPassphrase p -> {
                PasswordStrength.require("bundle passphrase", p.passphrase());
                KdfParams own = ks.kdfParams();
                yield new Recipient.Passphrase(p.passphrase(), own.atLeast(KdfParams.FLOOR) ? own : KdfParams.FLOOR);
            }
            case SessionSharing.Sealing.ToServerKey k -> {
                try {
                    yield ServerKey.parse(k.key());
                } catch (BundleException e) {
                    throw new WalletException(WalletException.Kind.INVALID, "the server key: " + e.getMessage());
                }
            }
        };
        SessionShare share = new SessionShare(ks, w.profile(), Clock.systemUTC());
        List<String> rules = share.handedOver(r).stream().map(AppSessionShares::rule).toList();
        SessionShare.Result done = share.share(r, request.server(), to, request.file());
        String next = "latchkey agent run --bundle " + done.file().getFileName() + " --data DIR"
                + (to instanceof Recipient.Passphrase ? " --passphrase-file FILE" : "");
        return new SessionSharing.Shared(done.server(), done.agentId(), done.file(), rules, next);
    }

    private static String rule(AutomationRule r) {
        return r.label() + " (" + r.kind().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }

    private static Path suggestedFile(WalletWorkspace w, SessionRecord r) throws Exception {
        String label = SessionLabels.of(w.keystore().settings(), HexBytes.of(r.permissionId()));
        String slug = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        Path home = Path.of(System.getProperty("user.home"));
        Path f = home.resolve("latchkey-" + (slug.isEmpty() ? "session" : slug) + ".bundle");
        for (int i = 2; Files.exists(f) && i < 100; i++) {
            f = home.resolve("latchkey-" + (slug.isEmpty() ? "session" : slug) + "-" + i + ".bundle");
        }
        return f;
    }
}
