package dev.latchkey.keystore;

/** scrypt cost of an exported keystore v3 file. */
public enum V3Strength {
    /** n=2^18, r=8, p=1: the v3 standard. */
    STANDARD(1 << 18, 1),
    /** n=2^12, r=8, p=6: web3j's "light" files, for tests and slow devices. */
    LIGHT(1 << 12, 6);

    private final int n;
    private final int p;

    V3Strength(int n, int p) {
        this.n = n;
        this.p = p;
    }

    int n() {
        return n;
    }

    int p() {
        return p;
    }
}
