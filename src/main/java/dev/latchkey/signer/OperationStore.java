package dev.latchkey.signer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.aa.userop.UserOpJson;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Settings;
import dev.latchkey.keystore.SignerJournal;
import dev.latchkey.session.model.HexBytes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The unsigned operation of each journal row, so that after a crash the row can be re-signed to the identical bytes
 * (RFC 6979: same key, same hash → same signature) and resent (FT-08 a–c), with its signing mode (ENABLE or USE).
 * Written with the reservation in one transaction ({@link #encode} → {@code SignerJournal.reserve}); rows of an
 * older wallet may have it in {@code settings} instead. A user operation without its signature is not secret.
 */
final class OperationStore {

    private static final String PREFIX = "signer.unsigned-op.";
    private static final String ENABLING = "signer.enabling.";

    /**
     * A stored operation, whether it is signed in ENABLE mode, and the userOpHashes it replaced by fee bumps (oldest
     * first): each of those may still land instead of it, so tracking looks for all of them.
     */
    record Stored(UserOperation op, boolean enabling, List<HexBytes> replaced) {
        Stored {
            replaced = List.copyOf(replaced);
        }

        Stored(UserOperation op, boolean enabling) {
            this(op, enabling, List.of());
        }
    }

    private final Settings settings;
    private final SignerJournal journal;
    private final ObjectMapper mapper = new ObjectMapper();

    OperationStore(Settings settings, SignerJournal journal) {
        this.settings = settings;
        this.journal = journal;
    }

    /** Test fixtures: the pre-V4 layout (only {@code settings}). */
    OperationStore(Settings settings) {
        this(settings, null);
    }

    /** {@code {"enabling": bool, "op": {...}}} for {@code SignerJournal.reserve}. */
    String encode(UserOperation unsigned, boolean enabling) {
        return encode(unsigned, enabling, List.of());
    }

    /** With the hashes a fee-bumped operation replaced ({@code "replaced": ["0x…", …]}). */
    String encode(UserOperation unsigned, boolean enabling, List<HexBytes> replaced) {
        ObjectNode n = mapper.createObjectNode();
        n.put("enabling", enabling);
        n.set("op", UserOpJson.write(unsigned, mapper));
        if (!replaced.isEmpty()) {
            ArrayNode hashes = n.putArray("replaced");
            replaced.forEach(h -> hashes.add(h.hex()));
        }
        return n.toString();
    }

    /** Pre-V4 layout: the mode mark first, then the op (an op stored without its mode would resume as USE). */
    void put(String intentHex, UserOperation unsigned, boolean enabling) throws KeystoreException {
        if (enabling) settings.put(ENABLING + intentHex, "1");
        settings.put(PREFIX + intentHex, UserOpJson.write(unsigned, mapper).toString());
    }

    Optional<Stored> get(String intentHex) throws KeystoreException {
        Optional<String> row = journal == null ? Optional.empty() : journal.unsignedOperation(HexFormat.of().parseHex(intentHex));
        try {
            if (row.isPresent()) {
                JsonNode n = mapper.readTree(row.get());
                List<HexBytes> replaced = new ArrayList<>();
                n.path("replaced").forEach(h -> replaced.add(HexBytes.parse("replaced", h.asText())));
                return Optional.of(new Stored(UserOpJson.read(n.path("op")), n.path("enabling").asBoolean(), replaced));
            }
            String json = settings.get(PREFIX + intentHex);
            if (json == null) return Optional.empty();
            return Optional.of(new Stored(UserOpJson.read(mapper.readTree(json)), settings.get(ENABLING + intentHex) != null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored operation of " + intentHex + " is unreadable", e);
        }
    }
}
