package dev.latchkey.keystore.bench;

import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeyVault;
import dev.latchkey.keystore.SessionSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * One-off timing of the keystore (not a unit test): unlock with the production default KDF, and seal/open per row.
 * Run: see docs/benchmarks.md, section "Keystore".
 */
public final class KeystoreBenchmark {

    private KeystoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int unlocks = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory("latchkey-bench");
        Path file = dir.resolve("wallet.db");
        KdfPolicy policy = KdfPolicy.standard();
        Keystore.create(file, "bench password".toCharArray(), KdfParams.DEFAULT, policy, Clock.systemUTC()).close();
        try (Keystore ks = Keystore.open(file, policy, Clock.systemUTC())) {
            ks.unlock("bench password".toCharArray()); // warm-up
            long[] unlockMs = new long[unlocks];
            for (int i = 0; i < unlocks; i++) {
                ks.lock();
                long start = System.nanoTime();
                ks.unlock("bench password".toCharArray());
                unlockMs[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(unlockMs);
            System.out.printf("unlock %s: median %d ms, min %d ms, max %d ms (%d runs)%n", KdfParams.DEFAULT,
                    unlockMs[unlocks / 2], unlockMs[0], unlockMs[unlocks - 1], unlocks);

            KeyVault vault = ks.keys();
            SessionSigner[] signers = new SessionSigner[rows];
            long start = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                signers[i] = vault.createSessionKey("bench " + i);
            }
            double sealMs = (System.nanoTime() - start) / 1e6 / rows;
            dev.latchkey.aa.userop.UserOperation op = dev.latchkey.aa.userop.UserOperation.of(
                    new dev.latchkey.session.model.Address("0x" + "11".repeat(20)), java.math.BigInteger.ZERO, dev.latchkey.session.model.HexBytes.EMPTY);
            for (int i = 0; i < rows; i++) {
                signers[i].signUserOp(op, dev.latchkey.aa.userop.UserOpHash.ENTRY_POINT_V07, java.math.BigInteger.ONE); // warm-up
            }
            start = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                signers[i].signUserOp(op, dev.latchkey.aa.userop.UserOpHash.ENTRY_POINT_V07, java.math.BigInteger.ONE);
            }
            double signMs = (System.nanoTime() - start) / 1e6 / rows;
            System.out.printf("seal + insert (one transaction, synchronous=FULL) per row: %.2f ms%n", sealMs);
            System.out.printf("userOpHash + open + address check + ECDSA sign per row: %.2f ms%n", signMs);
        }
    }
}
