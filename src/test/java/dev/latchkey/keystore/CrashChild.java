package dev.latchkey.keystore;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Child-JVM body for {@link CrashSafetyTest}: rewrites the keystore header in a tight loop until the parent kills it.
 * Modes: {@code change-password} (A -> B -> A ...), {@code kdf-upgrade} (upgrade on unlock, then back down),
 * {@code hold} (just keep the wallet open).
 */
public final class CrashChild {

    static final String A = "password-A";
    static final String B = "password-B";

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        switch (mode) {
            case "change-password" -> changePasswords(dir);
            case "kdf-upgrade" -> upgradeKdf(dir);
            case "hold" -> hold(dir);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private static void changePasswords(Path dir) throws Exception {
        try (Keystore ks = Keystore.open(dir.resolve("wallet.db"), TestWallets.POLICY, Clock.systemUTC())) {
            String current = A;
            try {
                ks.unlock(A.toCharArray());
            } catch (KeystoreException.WrongPasswordException e) {
                ks.unlock(B.toCharArray());
                current = B;
            }
            ready();
            while (true) {
                String next = current.equals(A) ? B : A;
                ks.changePassword(current.toCharArray(), next.toCharArray());
                current = next;
                // lets the parent aim some kills after a committed change, however slow the machine is
                System.out.println("CHANGED");
                System.out.flush();
            }
        }
    }

    private static void upgradeKdf(Path dir) throws Exception {
        KdfPolicy stronger = new KdfPolicy(TestWallets.SMALL_UPGRADED, TestWallets.SMALL, KdfParams.CEILING);
        try (Keystore ks = Keystore.open(dir.resolve("wallet.db"), stronger, Clock.systemUTC())) {
            ready();
            while (true) {
                ks.unlock(A.toCharArray()); // upgrades SMALL -> SMALL_UPGRADED
                ks.withDek((dek, v) -> {
                    Header h = ks.database().read(Header::read);
                    ks.writeWrapped(dek, A.toCharArray(), TestWallets.SMALL, h.kekVersion() + 1, h.dekVersion(), ActivityKind.KDF_UPGRADED);
                    return null;
                });
                ks.lock();
            }
        }
    }

    private static void hold(Path dir) throws Exception {
        try (Keystore ks = Keystore.open(dir.resolve("wallet.db"), TestWallets.POLICY, Clock.systemUTC())) {
            ready();
            Thread.sleep(60_000);
        }
    }

    private static void ready() {
        System.out.println("READY");
        System.out.flush();
    }
}
