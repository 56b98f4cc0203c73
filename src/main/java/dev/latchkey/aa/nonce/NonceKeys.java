package dev.latchkey.aa.nonce;

import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;

/**
 * EntryPoint nonce keys that route validation to a validator module (spec §7.2). Deliberately not module-sdk's
 * {@code encodeValidatorNonce}, which is wrong for Nexus and Kernel (spec §11.3).
 */
public final class NonceKeys {

    private NonceKeys() { }

    /** The uint192 key selecting {@code validator} on an account of {@code kind}. */
    public static BigInteger keyFor(AccountKind kind, Address validator) {
        BigInteger v = new BigInteger(1, validator.bytes());
        return switch (kind) {
            // validator (20) ‖ 4 free bytes: validator = nonce >> 96
            case LATCHKEY, SAFE7579, ERC7579_REFERENCE -> v.shiftLeft(32);
            // 3 free ‖ validationMode 0x00 ‖ validator (20)
            case NEXUS -> v;
            // mode 0x00 ‖ vType 0x01 (validator) ‖ validator (20) ‖ nonceKey 0x0000
            case KERNEL -> BigInteger.ONE.shiftLeft(176).or(v.shiftLeft(16));
        };
    }

    /** {@code key << 64 | sequence}. */
    public static BigInteger nonce(BigInteger key, BigInteger sequence) {
        UInt.check("nonceKey", key, 192);
        UInt.check("sequence", sequence, 64);
        return key.shiftLeft(64).or(sequence);
    }

    /** The validator a nonce selects on {@code kind} (inverse of {@link #keyFor}). */
    public static Address validatorOf(AccountKind kind, BigInteger nonce) {
        UInt.check("nonce", nonce, 256);
        BigInteger mask160 = BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE);
        BigInteger v = switch (kind) {
            case LATCHKEY, SAFE7579, ERC7579_REFERENCE -> nonce.shiftRight(96);
            case NEXUS -> nonce.shiftRight(64).and(mask160);
            case KERNEL -> nonce.shiftRight(80).and(mask160);
        };
        byte[] b = UInt.toBytes(v, 20);
        if (b.length != 20) throw new FieldException("nonce", "bad validator");
        return Address.of(b);
    }
}
