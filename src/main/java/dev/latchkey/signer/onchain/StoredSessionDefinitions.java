package dev.latchkey.signer.onchain;

import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SessionAbiReader;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.signer.SessionDefinitions;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SessionDefinitions} from the stored {@code sessionStruct} ({@code abi.encode(Session)}, what the owner
 * approved). A struct that does not decode strictly, or whose permission id is not the row's, is unknown: the
 * signer then refuses to use the session. Decoded sessions are kept per permission id (the struct never changes).
 */
public final class StoredSessionDefinitions implements SessionDefinitions {

    private final Map<String, OnchainSession> decoded = new ConcurrentHashMap<>();

    @Override
    public Optional<OnchainSession> definitionOf(SessionRecord session) {
        String key = HexBytes.of(session.permissionId()).hex();
        OnchainSession known = decoded.get(key);
        if (known != null) return Optional.of(known);
        try {
            OnchainSession s = SessionAbiReader.decode(HexBytes.of(session.sessionStruct()));
            if (!Arrays.equals(Ids.permissionId(s).unsafeBytes(), session.permissionId())) return Optional.empty();
            decoded.put(key, s);
            return Optional.of(s);
        } catch (FieldException e) {
            return Optional.empty();
        }
    }
}
