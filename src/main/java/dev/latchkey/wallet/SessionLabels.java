package dev.latchkey.wallet;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Settings;
import dev.latchkey.session.model.HexBytes;

/** A short name per session (template id or source file), kept in the wallet's settings. */
public final class SessionLabels {

    private SessionLabels() { }

    static String key(HexBytes permissionId) {
        return "session." + permissionId.hex() + ".label";
    }

    public static String of(Settings settings, HexBytes permissionId) throws KeystoreException {
        String label = settings.get(key(permissionId));
        return label == null ? "session" : label;
    }
}
