package dev.latchkey.aa.signature;

import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * Deterministic (RFC 6979, HMAC-SHA256) secp256k1 signing that returns exactly what web3j
 * {@code Sign.signMessage(hash, key, false)} returns, but takes the recovery id from R's y parity instead of
 * trying public-key recovery up to four times (one point multiplication instead of about three). Low-s form.
 * Holds no key material.
 */
final class Secp256k1Signer {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

    private Secp256k1Signer() { }

    /** {@code r ‖ s ‖ v} with v = 27 + recId, over the 32-byte {@code hash} (not hashed again). */
    static byte[] sign(BigInteger privateKey, byte[] hash) {
        BigInteger e = new BigInteger(1, hash);
        HMacDSAKCalculator k = new HMacDSAKCalculator(new SHA256Digest());
        k.init(N, privateKey, hash);
        while (true) {
            BigInteger kv = k.nextK();
            ECPoint p = MULTIPLIER.multiply(CURVE.getG(), kv).normalize();
            BigInteger x = p.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(N);
            if (r.signum() == 0) continue;
            BigInteger s = BigIntegers.modOddInverse(N, kv).multiply(e.add(privateKey.multiply(r))).mod(N);
            if (s.signum() == 0) continue;
            int recId = (p.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
            if (s.compareTo(HALF_N) > 0) {
                s = N.subtract(s);
                recId ^= 1;
            }
            byte[] out = new byte[65];
            System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, out, 0, 32);
            System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, out, 32, 32);
            out[64] = (byte) (27 + recId);
            return out;
        }
    }
}
