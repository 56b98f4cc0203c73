package dev.latchkey.ui.sessions;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the Sessions screen's "Share with a server…" asks of {@link SessionsPort}: the plan (what goes along, or why the
 * session cannot be shared), the request (who the bundle is for, how it is sealed, where it goes) and what was written.
 */
public final class SessionSharing {

    private SessionSharing() { }

    /**
     * Before the form: the automation rules that move to the server with the session ("dca — recurring payment"), why it
     * cannot be shared now if so (already shared, not approved, a rule already fired here), and a file to suggest.
     */
    public record Plan(List<String> automations, Optional<String> refusal, Path suggestedFile) {
        public Plan {
            automations = List.copyOf(automations);
        }
    }

    /** How the bundle is sealed: to a passphrase given to the server separately, or to the server's public key. */
    public sealed interface Sealing {
        /** The caller wipes the passphrase after {@link SessionsPort#share}. */
        record ToPassphrase(char[] passphrase) implements Sealing {
            @Override
            public String toString() {
                return "ToPassphrase[<redacted>]";
            }
        }

        /** {@code x25519:<hex>}, as {@code latchkey agent keygen} prints it on the server. */
        record ToServerKey(String key) implements Sealing { }
    }

    /** One share: the server's name (shown as "Shared with <name>"), the sealing, the new file, the wallet password. */
    public record Request(String server, Sealing sealing, Path file, char[] walletPassword) {
        @Override
        public String toString() {
            return "Request[" + server + ", " + sealing + ", " + file + ", <password redacted>]";
        }
    }

    /** What was written: the agent id the bundle is bound to, the rules now running there, and what to do next. */
    public record Shared(String server, String agentId, Path file, List<String> automations, String nextStep) {
        public Shared {
            automations = List.copyOf(automations);
        }
    }
}
