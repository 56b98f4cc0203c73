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

    /** The longest name a person gives a session. */
    public static final int MAX_LENGTH = 60;

    /**
     * A person's name for a session, trimmed: 1..60 characters, no control characters (it is shown on one line in
     * every screen and table). Bad input is refused with the reason.
     */
    public static String checked(String label) {
        String t = label == null ? "" : label.strip();
        if (t.isEmpty()) throw new dev.latchkey.session.model.FieldException("label", "give the session a name");
        if (t.length() > MAX_LENGTH) {
            throw new dev.latchkey.session.model.FieldException("label", "at most " + MAX_LENGTH + " characters (" + t.length() + " given)");
        }
        if (t.chars().anyMatch(Character::isISOControl)) {
            throw new dev.latchkey.session.model.FieldException("label", "no line breaks or control characters");
        }
        return t;
    }

    /** Names the session {@code permissionId} ({@link #checked} first). */
    public static void set(Settings settings, HexBytes permissionId, String label) throws KeystoreException {
        settings.put(key(permissionId), checked(label));
    }

    public static String of(Settings settings, HexBytes permissionId) throws KeystoreException {
        String label = settings.get(key(permissionId));
        return label == null ? "session" : label;
    }
}
