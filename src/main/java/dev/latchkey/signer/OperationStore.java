package dev.latchkey.signer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.aa.userop.UserOpJson;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Settings;
import java.util.Optional;

/**
 * The unsigned operation of each journal row, written before it is signed, so that after a crash the row can be
 * re-signed to the identical bytes (RFC 6979: same key, same hash → same signature) and resent (FT-08 a–c). A user
 * operation without its signature is not secret.
 */
final class OperationStore {

    private static final String PREFIX = "signer.unsigned-op.";
    private static final String ENABLING = "signer.enabling.";

    private final Settings settings;
    private final ObjectMapper mapper = new ObjectMapper();

    OperationStore(Settings settings) {
        this.settings = settings;
    }

    /** {@code enabling}: the op is signed in ENABLE mode (written first: an op stored without its mode would resume as USE). */
    void put(String intentHex, UserOperation unsigned, boolean enabling) throws KeystoreException {
        if (enabling) settings.put(ENABLING + intentHex, "1");
        settings.put(PREFIX + intentHex, UserOpJson.write(unsigned, mapper).toString());
    }

    boolean enabling(String intentHex) throws KeystoreException {
        return settings.get(ENABLING + intentHex) != null;
    }

    Optional<UserOperation> get(String intentHex) throws KeystoreException {
        String json = settings.get(PREFIX + intentHex);
        if (json == null) return Optional.empty();
        try {
            return Optional.of(UserOpJson.read(mapper.readTree(json)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored operation of " + intentHex + " is unreadable", e);
        }
    }
}
