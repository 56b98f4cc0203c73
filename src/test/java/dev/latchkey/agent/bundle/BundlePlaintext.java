package dev.latchkey.agent.bundle;

import java.nio.file.Path;

/** Test-side: a passphrase bundle's decrypted bytes and a byte scan, for tests outside this package that look for keys in it. */
public final class BundlePlaintext {

    private BundlePlaintext() { }

    public static byte[] of(Path file, char[] passphrase) throws Exception {
        return BundleEnvelope.decrypt(file, passphrase);
    }

    /** Whether {@code key} is in {@code plain} raw, as hex (either case), Base64 or UTF-16 hex. */
    public static boolean holds(byte[] plain, byte[] key) {
        return SessionShareTest.forms(key).stream().anyMatch(f -> SessionShareTest.contains(plain, f));
    }
}
