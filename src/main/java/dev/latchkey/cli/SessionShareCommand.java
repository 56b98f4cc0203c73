package dev.latchkey.cli;

import dev.latchkey.agent.bundle.BundleException;
import dev.latchkey.agent.bundle.Recipient;
import dev.latchkey.agent.bundle.ServerKey;
import dev.latchkey.agent.bundle.SessionShare;
import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.PasswordStrength;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.WalletException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code latchkey session share}: one session, sealed for one server's agent (docs/security.md "Sharing a session"). */
@Command(name = "share", mixinStandardHelpOptions = true,
        description = "Write an encrypted bundle with one session (its key, approved definition, rules and network) for a server's"
                + " 'latchkey agent run'. Never contains an owner key.")
final class SessionShareCommand extends ChainCommand {

    @Option(names = "--session", required = true, paramLabel = "ID", description = "Session id (or a unique prefix).")
    String session;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The bundle file to create (0600; must not exist).")
    Path to;

    @Option(names = "--server", required = true, paramLabel = "NAME", description = "The server's name, shown as \"shared with NAME\".")
    String server;

    static final class Sealing {
        @Option(names = "--passphrase-file", required = true, paramLabel = "FILE",
                description = "Seal to the passphrase on the first line of FILE (give it to the server separately).")
        Path passphraseFile;

        @Option(names = "--recipient", required = true, paramLabel = "KEY",
                description = "Seal to the server's key, x25519:<hex>, as 'latchkey agent keygen' printed it.")
        String recipient;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Sealing sealing;

    @Override
    boolean needsPassword() {
        return true; // the session key is opened from the vault
    }

    @Override
    Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException, IOException {
        Recipient recipient;
        char[] passphrase = null;
        try {
            if (sealing.recipient != null) {
                try {
                    recipient = ServerKey.parse(sealing.recipient);
                } catch (BundleException e) {
                    throw new WalletException(WalletException.Kind.INVALID, "--recipient: " + e.getMessage());
                }
            } else {
                passphrase = Secrets.read(sealing.passphraseFile, "Bundle passphrase: ");
                PasswordStrength.require("bundle passphrase", passphrase);
                KdfParams own = keystore.kdfParams();
                recipient = new Recipient.Passphrase(passphrase, own.atLeast(KdfParams.FLOOR) ? own : KdfParams.FLOOR);
            }
            SessionShare.Result r = new SessionShare(keystore, chain.profile(), Clock.systemUTC())
                    .share(SessionCommands.service(keystore, chain).find(session), server, recipient, to);
            Map<String, Object> out = Output.result();
            out.put("session", r.permissionId().hex());
            out.put("sharedWith", r.server());
            out.put("agentId", r.agentId());
            out.put("bundle", r.file().toString());
            out.put("sealedTo", sealing.recipient != null ? sealing.recipient.trim() : "passphrase");
            out.put("rules", r.rules());
            out.put("next", "on the server: latchkey agent run --bundle " + r.file().getFileName() + " --data DIR");
            return out;
        } finally {
            if (passphrase != null) Arrays.fill(passphrase, '\0');
        }
    }
}
