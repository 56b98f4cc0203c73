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
 * independent sequences. A Kernel account routes on {@code mode ‖ type ‖ validator} with 2 free bytes
 * ({@code 0x00 ‖ 0x01 ‖ validator (20) ‖ lane (2)}); its sessions carry that key as their stored base (the wallet
 * sets it at creation, {@link #kernelBase}), and a base is accepted when it routes to the SmartSession under either
 * layout.
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
        if (!routed.equals(smartSession) && !routesOnKernel(key, smartSession)) {
            throw new IllegalStateException("nonce key routes to " + routed + ", not SmartSession " + smartSession);
        }
        return new NonceLane(key24, key);
    }

    /** The stored base of a session on a Kernel account: SmartSession's validator key with the permission id's first 2 bytes as lane. */
    public static byte[] kernelBase(byte[] permissionId, Address smartSession) {
        BigInteger k = NonceKeys.keyFor(AccountKind.KERNEL, smartSession).or(new BigInteger(1, Arrays.copyOfRange(permissionId, 0, 2)));
        return toBytes24(k);
    }

    private static boolean routesOnKernel(BigInteger key, Address smartSession) {
        BigInteger nonce = NonceKeys.nonce(key, BigInteger.ZERO);
        // mode 0x00 (default, not enable/install) and type 0x01 (validator): the top two bytes of the key are 0x0001
        return key.shiftRight(176).equals(BigInteger.ONE) && NonceKeys.validatorOf(AccountKind.KERNEL, nonce).equals(smartSession);
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
