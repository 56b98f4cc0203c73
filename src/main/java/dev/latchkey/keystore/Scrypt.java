package dev.latchkey.keystore;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * scrypt (RFC 7914) for keystore v3 import. BouncyCastle's {@code SCrypt} enforces N < 2^(16r), which refuses the
 * published Web3 Secret Storage vector (n=2^18, r=1); geth and the spec accept it, so we carry this small
 * implementation, checked against RFC 7914 §12 and the v3 vectors. Callers bound n, r and p first.
 */
final class Scrypt {

    private Scrypt() {
    }

    static byte[] derive(byte[] password, byte[] salt, int n, int r, int p, int length) {
        byte[] b = pbkdf2(password, salt, p * 128 * r);
        int[] x = new int[32 * r];
        int[] v = new int[32 * r * n];
        int[] scratch = new int[32 * r];
        try {
            for (int i = 0; i < p; i++) {
                int offset = i * 128 * r;
                for (int k = 0; k < 32 * r; k++) {
                    x[k] = le(b, offset + 4 * k);
                }
                for (int j = 0; j < n; j++) {
                    System.arraycopy(x, 0, v, j * 32 * r, 32 * r);
                    blockMix(x, scratch, r);
                }
                for (int j = 0; j < n; j++) {
                    int index = x[(2 * r - 1) * 16] & (n - 1);
                    for (int k = 0; k < 32 * r; k++) {
                        x[k] ^= v[index * 32 * r + k];
                    }
                    blockMix(x, scratch, r);
                }
                for (int k = 0; k < 32 * r; k++) {
                    putLe(b, offset + 4 * k, x[k]);
                }
            }
            return pbkdf2(password, b, length);
        } finally {
            Arrays.fill(b, (byte) 0);
            Arrays.fill(v, 0);
            Arrays.fill(x, 0);
            Arrays.fill(scratch, 0);
        }
    }

    private static byte[] pbkdf2(byte[] password, byte[] salt, int length) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password, salt, 1);
        return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
    }

    private static void blockMix(int[] b, int[] y, int r) {
        int[] x = Arrays.copyOfRange(b, (2 * r - 1) * 16, 2 * r * 16);
        for (int i = 0; i < 2 * r; i++) {
            for (int k = 0; k < 16; k++) {
                x[k] ^= b[i * 16 + k];
            }
            salsa208(x);
            // even blocks go to the first half, odd blocks to the second
            System.arraycopy(x, 0, y, ((i & 1) * r + (i >> 1)) * 16, 16);
        }
        System.arraycopy(y, 0, b, 0, 32 * r);
        Arrays.fill(x, 0);
    }

    private static void salsa208(int[] b) {
        int[] x = b.clone();
        for (int i = 0; i < 8; i += 2) {
            x[4] ^= Integer.rotateLeft(x[0] + x[12], 7);
            x[8] ^= Integer.rotateLeft(x[4] + x[0], 9);
            x[12] ^= Integer.rotateLeft(x[8] + x[4], 13);
            x[0] ^= Integer.rotateLeft(x[12] + x[8], 18);
            x[9] ^= Integer.rotateLeft(x[5] + x[1], 7);
            x[13] ^= Integer.rotateLeft(x[9] + x[5], 9);
            x[1] ^= Integer.rotateLeft(x[13] + x[9], 13);
            x[5] ^= Integer.rotateLeft(x[1] + x[13], 18);
            x[14] ^= Integer.rotateLeft(x[10] + x[6], 7);
            x[2] ^= Integer.rotateLeft(x[14] + x[10], 9);
            x[6] ^= Integer.rotateLeft(x[2] + x[14], 13);
            x[10] ^= Integer.rotateLeft(x[6] + x[2], 18);
            x[3] ^= Integer.rotateLeft(x[15] + x[11], 7);
            x[7] ^= Integer.rotateLeft(x[3] + x[15], 9);
            x[11] ^= Integer.rotateLeft(x[7] + x[3], 13);
            x[15] ^= Integer.rotateLeft(x[11] + x[7], 18);
            x[1] ^= Integer.rotateLeft(x[0] + x[3], 7);
            x[2] ^= Integer.rotateLeft(x[1] + x[0], 9);
            x[3] ^= Integer.rotateLeft(x[2] + x[1], 13);
            x[0] ^= Integer.rotateLeft(x[3] + x[2], 18);
            x[6] ^= Integer.rotateLeft(x[5] + x[4], 7);
            x[7] ^= Integer.rotateLeft(x[6] + x[5], 9);
            x[4] ^= Integer.rotateLeft(x[7] + x[6], 13);
            x[5] ^= Integer.rotateLeft(x[4] + x[7], 18);
            x[11] ^= Integer.rotateLeft(x[10] + x[9], 7);
            x[8] ^= Integer.rotateLeft(x[11] + x[10], 9);
            x[9] ^= Integer.rotateLeft(x[8] + x[11], 13);
            x[10] ^= Integer.rotateLeft(x[9] + x[8], 18);
            x[12] ^= Integer.rotateLeft(x[15] + x[14], 7);
            x[13] ^= Integer.rotateLeft(x[12] + x[15], 9);
            x[14] ^= Integer.rotateLeft(x[13] + x[12], 13);
            x[15] ^= Integer.rotateLeft(x[14] + x[13], 18);
        }
        for (int i = 0; i < 16; i++) {
            b[i] += x[i];
        }
    }

    private static int le(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    private static void putLe(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }
}
