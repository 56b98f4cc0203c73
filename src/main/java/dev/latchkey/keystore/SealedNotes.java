package dev.latchkey.keystore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;

/**
 * The automation tables' words and call data, sealed under the DEK: an evaluation's reason ("price 2,480 crossed
 * 2,500"), a rule's status reason, a firing's detail and call data can each reveal a sealed rule parameter (a level,
 * an amount, a payee, a schedule). Kept in the existing columns: text as {@code sealed1:} + base64(DEK version ‖
 * nonce ‖ ciphertext), bytes as {@code LKS1} ‖ the same. The AAD binds the rule id and the column, so a value copied
 * to another rule or column does not open. Values written before sealing (no prefix) are returned as stored.
 */
final class SealedNotes {

    /** Where a sealed value lives; part of its AAD. */
    enum Column { EVALUATION_REASON, STATUS_REASON, FIRING_DETAIL, FIRING_CALLDATA }

    private static final String TEXT_PREFIX = "sealed1:";
    private static final byte[] MAGIC = {'L', 'K', 'S', '1'};

    private final Aead aead;
    private final byte[] dek;
    private final long dekVersion;

    /** A sealer for one {@code withDek} call: {@code dek} is not copied and must not outlive that call. */
    SealedNotes(Aead aead, byte[] dek, long dekVersion) {
        this.aead = aead;
        this.dek = dek;
        this.dekVersion = dekVersion;
    }

    String text(byte[] ruleId, Column column, String plain) {
        return TEXT_PREFIX + Base64.getEncoder().encodeToString(seal(ruleId, column, plain.getBytes(StandardCharsets.UTF_8)));
    }

    byte[] bytes(byte[] ruleId, Column column, byte[] plain) {
        byte[] body = seal(ruleId, column, plain);
        byte[] out = Arrays.copyOf(MAGIC, MAGIC.length + body.length);
        System.arraycopy(body, 0, out, MAGIC.length, body.length);
        return out;
    }

    String openText(byte[] ruleId, Column column, String stored) throws KeystoreException {
        if (stored == null || !stored.startsWith(TEXT_PREFIX)) return stored == null ? "" : stored;
        byte[] body;
        try {
            body = Base64.getDecoder().decode(stored.substring(TEXT_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw tampered(ruleId, column);
        }
        return new String(open(ruleId, column, body), StandardCharsets.UTF_8);
    }

    byte[] openBytes(byte[] ruleId, Column column, byte[] stored) throws KeystoreException {
        if (stored == null || stored.length < MAGIC.length || !Arrays.equals(MAGIC, 0, MAGIC.length, stored, 0, MAGIC.length)) {
            return stored == null ? new byte[0] : stored;
        }
        return open(ruleId, column, Arrays.copyOfRange(stored, MAGIC.length, stored.length));
    }

    private byte[] seal(byte[] ruleId, Column column, byte[] plain) {
        Aead.Sealed s = aead.seal(dek, plain, aad(dekVersion, ruleId, column));
        return ByteBuffer.allocate(Long.BYTES + s.nonce().length + s.ciphertext().length)
                .putLong(dekVersion).put(s.nonce()).put(s.ciphertext()).array();
    }

    private byte[] open(byte[] ruleId, Column column, byte[] body) throws KeystoreException {
        if (body.length < Long.BYTES + Aead.NONCE_BYTES) throw tampered(ruleId, column);
        ByteBuffer b = ByteBuffer.wrap(body);
        long version = b.getLong();
        byte[] nonce = new byte[Aead.NONCE_BYTES];
        b.get(nonce);
        byte[] ciphertext = new byte[b.remaining()];
        b.get(ciphertext);
        try {
            return Aead.open(dek, nonce, ciphertext, aad(version, ruleId, column));
        } catch (AEADBadTagException e) {
            throw tampered(ruleId, column);
        }
    }

    private static byte[] aad(long dekVersion, byte[] ruleId, Column column) {
        return SecretRows.aad(dekVersion, ruleId, SecretPurpose.AUTOMATION_RULE, SecretRows.hexRef(ruleId) + "/" + column.name());
    }

    private static KeystoreException tampered(byte[] ruleId, Column column) {
        return new KeystoreException.TamperedRecordException(SecretRows.hexRef(ruleId), SecretPurpose.AUTOMATION_RULE.name(),
                SecretRows.hexRef(ruleId) + "/" + column.name().toLowerCase(java.util.Locale.ROOT));
    }
}
