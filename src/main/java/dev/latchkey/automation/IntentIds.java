package dev.latchkey.automation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.web3j.crypto.Hash;

/**
 * The signer's idempotency key of a trigger: the first 16 bytes of
 * {@code keccak256("latchkey/automation/v1" ‖ ruleId ‖ uint64 seq ‖ uint32 attempt)}. The same trigger always maps
 * to the same id (so a restart re-submits, and the signer dedups, instead of signing again); another attempt of a
 * trigger whose earlier attempt provably had no effect gets a new id.
 */
public final class IntentIds {

    private static final byte[] DOMAIN = "latchkey/automation/v1".getBytes(StandardCharsets.US_ASCII);

    private IntentIds() { }

    public static byte[] of(byte[] ruleId, long seq, int attempt) {
        if (ruleId.length != 16) throw new IllegalArgumentException("a rule id is 16 bytes");
        ByteBuffer b = ByteBuffer.allocate(DOMAIN.length + 16 + 8 + 4);
        b.put(DOMAIN).put(ruleId).putLong(seq).putInt(attempt);
        return Arrays.copyOf(Hash.sha3(b.array()), 16);
    }
}
