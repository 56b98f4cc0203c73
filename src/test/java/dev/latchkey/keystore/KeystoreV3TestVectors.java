package dev.latchkey.keystore;

/** Public access to the published v3 vectors for tests in other packages. */
public final class KeystoreV3TestVectors {

    public static final String PBKDF2 = V3Vectors.PBKDF2;

    private KeystoreV3TestVectors() {
    }
}
