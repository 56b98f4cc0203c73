package dev.latchkey.cli;

import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.Revocation;
import dev.latchkey.wallet.SessionApproval;
import dev.latchkey.wallet.SessionService;
import dev.latchkey.wallet.SessionView;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code latchkey session enable|list|show|revoke}. */
final class SessionCommands {

    private SessionCommands() {
    }

    static SessionService service(Keystore keystore, ChainConnection chain) {
        return new SessionService(keystore, chain, Clock.systemUTC());
    }

    /** "shared with <server>" and the agent id when the session was shared with a server (issue 16). */
    static Map<String, Object> withShare(Keystore keystore, Map<String, Object> view, SessionView v) throws KeystoreException {
        var share = dev.latchkey.agent.bundle.SessionShares.of(keystore.settings(), v.permissionId());
        share.ifPresent(s -> {
            view.put("sharedWith", s.server());
            view.put("agentId", s.agentId());
        });
        return view;
    }

    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = "The one owner approval: shows what the session allows, asks for the wallet password, and signs the enable"
                    + " digest once. The session is then ready; its first trade enables it on chain.")
    static final class Enable extends ChainCommand {
        @Option(names = "--session", required = true, paramLabel = "ID", description = "Session id (or a unique prefix).")
        String session;

        @Override
        boolean needsPassword() {
            return false; // asked after the review is shown
        }

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException, IOException {
            SessionService service = service(keystore, chain);
            SessionRecord record = service.find(session);
            SessionApproval.Preview preview = service.preview(record);
            if (!output.json || wallet.passwordFile == null) { // a person about to type the password sees what it approves
                PrintWriter err = spec.commandLine().getErr();
                err.println("You are approving session " + preview.permissionId().hex() + " (" + preview.label() + ") for "
                        + preview.account().checksummed() + " on " + chain.profile().name() + ", until "
                        + Instant.ofEpochSecond(preview.validUntil()) + ":");
                preview.review().forEach(line -> err.println("  " + line));
                err.flush();
            }
            service.approve(record, wallet.password());
            Map<String, Object> out = Output.result();
            out.put("session", preview.permissionId().hex());
            out.put("status", SessionView.State.READY.text());
            out.put("approvedDigest", preview.digest().hex());
            out.put("review", preview.review());
            out.put("next", "trade under it (e.g. 'latchkey trade swap ...'): its first operation enables it on chain");
            return out;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The wallet's sessions on this network with live usage.")
    static final class ListSessions extends ChainCommand {
        @Override
        boolean needsPassword() {
            return false;
        }

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
            List<Map<String, Object>> sessions = new ArrayList<>();
            for (SessionView v : service(keystore, chain).list()) sessions.add(withShare(keystore, Views.session(v, false), v));
            Map<String, Object> out = Output.result();
            out.put("network", chain.profile().name());
            out.put("sessions", sessions);
            return out;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One session: status, expiry, uses left, spent and left per token (live), and what it allows.")
    static final class Show extends ChainCommand {
        @Option(names = "--session", required = true, paramLabel = "ID", description = "Session id (or a unique prefix).")
        String session;

        @Override
        boolean needsPassword() {
            return false;
        }

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
            SessionService service = service(keystore, chain);
            SessionView v = service.show(service.find(session));
            return withShare(keystore, Views.session(v, true), v);
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke one session or all of them (owner-signed where they exist on chain) and wipe their keys.")
    static final class Revoke extends ChainCommand {
        static final class Which {
            @Option(names = "--session", required = true, paramLabel = "ID", description = "Session id (or a unique prefix).")
            String session;

            @Option(names = "--all", required = true, description = "Every session of the wallet on this network (panic button).")
            boolean all;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Override
        boolean needsPassword() {
            return true;
        }

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
            SessionService service = service(keystore, chain);
            List<Revocation> done = which.all ? service.revokeAll() : List.of(service.revoke(service.find(which.session)));
            Map<String, Object> out = Output.result();
            out.put("network", chain.profile().name());
            out.put("revoked", done.stream().map(Views::revocation).toList());
            return out;
        }
    }
}
