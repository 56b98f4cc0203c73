package dev.latchkey.agent.bundle;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Settings;
import dev.latchkey.session.model.HexBytes;
import java.time.Instant;
import java.util.Optional;

/** Which server a session of this wallet was shared with (a plain setting: server name, agent id, time). */
public final class SessionShares {

    /** One share: the server's name as the owner typed it, the agent id the bundle is bound to, and when. */
    public record Share(String server, String agentId, Instant at) {
        /** What the Sessions screen and {@code session show} say. */
        public String text() {
            return "shared with " + server;
        }
    }

    private SessionShares() { }

    static String key(HexBytes permissionId) {
        return "session." + permissionId.hex() + ".shared";
    }

    public static Optional<Share> of(Settings settings, HexBytes permissionId) throws KeystoreException {
        String v = settings.get(key(permissionId));
        if (v == null) return Optional.empty();
        String[] parts = v.split("\n", 3);
        if (parts.length != 3) return Optional.of(new Share(v, "", Instant.EPOCH));
        return Optional.of(new Share(parts[0], parts[1], Instant.parse(parts[2])));
    }

    static void record(Settings settings, HexBytes permissionId, Share share) throws KeystoreException {
        settings.put(key(permissionId), share.server() + "\n" + share.agentId() + "\n" + share.at());
    }
}
