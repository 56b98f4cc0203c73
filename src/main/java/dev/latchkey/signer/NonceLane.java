package dev.latchkey.signer;

import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The 2D nonce lane of a session. On LatchkeyAccount the EntryPoint key (24 bytes) is {@code validator (20) ‖ 4 free
 * bytes} and the account routes validation on {@code nonce >> 96}; the 4 free bytes are the lane: the first 4 bytes
 * of the permission id (or the stored {@code nonce_key_base} when it is set). Different sessions → different keys →
 * independent sequences.
 */
public record NonceLane(byte[] key24, BigInteger key) {

    /** The lane of {@code s} under the SmartSession it is pinned to on a chain. */
    public static NonceLane of(SessionRecord s, Address smartSession) {
        byte[] base = s.nonceKeyBase();
        byte[] key24;
        if (base != null && base.length == 24 && !allZero(base)) {
            key24 = base.clone();
        } else {
            BigInteger k = NonceKeys.keyFor(AccountKind.LATCHKEY, smartSession)
                    .or(new BigInteger(1, Arrays.copyOfRange(s.permissionId(), 0, 4)));
            key24 = toBytes24(k);
        }
        BigInteger key = new BigInteger(1, key24);
        Address routed = NonceKeys.validatorOf(AccountKind.LATCHKEY, NonceKeys.nonce(key, BigInteger.ZERO));
        if (!routed.equals(smartSession)) {
            throw new IllegalStateException("nonce key routes to " + routed + ", not SmartSession " + smartSession);
        }
        return new NonceLane(key24, key);
    }

    /** The full 256-bit nonce of sequence {@code seq} on this lane. */
    public BigInteger nonce(long seq) {
        return NonceKeys.nonce(key, BigInteger.valueOf(seq));
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static byte[] toBytes24(BigInteger k) {
        byte[] raw = k.toByteArray();
        byte[] out = new byte[24];
        int n = Math.min(raw.length, 24);
        System.arraycopy(raw, raw.length - n, out, 24 - n, n);
        return out;
    }
}
