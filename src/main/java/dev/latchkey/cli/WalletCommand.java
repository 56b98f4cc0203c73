package dev.latchkey.cli;

import dev.latchkey.session.model.NumberText;

import dev.latchkey.keystore.AutoLock;
import dev.latchkey.keystore.KdfCalibrator;
import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.PasswordStrength;
import dev.latchkey.keystore.PrivateFiles;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SecretInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code latchkey wallet ...}: create and maintain the encrypted wallet file from scripts or a terminal. */
@Command(name = "wallet", mixinStandardHelpOptions = true,
        description = "Create, import into, export from, back up and inspect the encrypted wallet.",
        subcommands = {WalletCommand.Init.class, WalletKeyCommands.ImportKey.class, WalletKeyCommands.ImportMnemonic.class,
                WalletKeyCommands.ImportKeystore.class, WalletKeyCommands.ExportKeystore.class,
                WalletCommand.ChangePassword.class, WalletCommand.Backup.class, WalletCommand.Info.class})
public final class WalletCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create a new wallet; the KDF cost is calibrated to 0.5-1.5 s on this machine unless --kdf is given.")
    static final class Init extends WalletSubcommand {
        @Option(names = "--kdf", paramLabel = "M,T,P",
                description = "Argon2id memory (KiB), iterations and lanes, e.g. 262144,3,4; bounded by 65536,3,1 .. 1048576,16,8.")
        String kdf;

        @Override
        Map<String, Object> execute() throws KeystoreException, IOException {
            KdfPolicy policy = KdfPolicy.standard();
            KdfParams params = kdf == null ? KdfCalibrator.timingArgon2(policy).calibrate() : parseKdf(kdf);
            char[] password = newSecret(passwordFile(), "New wallet password: ");
            try {
                PasswordStrength.require("wallet password", password);
            } catch (KeystoreException e) {
                Arrays.fill(password, '\0');
                throw e;
            }
            try (Keystore ks = Keystore.create(walletFile(), password, params, policy, Clock.systemUTC())) {
                Map<String, Object> out = result();
                out.put("wallet", ks.file().toString());
                out.put("kdf", params.toString());
                return out;
            }
        }

        static KdfParams parseKdf(String text) throws KeystoreException {
            String[] parts = text.split(",");
            try {
                if (parts.length == 3) {
                    return new KdfParams((int) NumberText.whole("--kdf memory", parts[0], 1, Integer.MAX_VALUE),
                            (int) NumberText.whole("--kdf iterations", parts[1], 1, Integer.MAX_VALUE),
                            (int) NumberText.whole("--kdf lanes", parts[2], 1, Integer.MAX_VALUE));
                }
            } catch (IllegalArgumentException e) {
                throw new KeystoreException.InvalidInputException("--kdf " + text + ": " + e.getMessage());
            }
            throw new KeystoreException.InvalidInputException("--kdf wants M,T,P (memory KiB, iterations, lanes), got " + text);
        }
    }

    @Command(name = "change-password", mixinStandardHelpOptions = true,
            description = "Re-wrap the wallet key under a new password (one transaction; the old password stops working).")
    static final class ChangePassword extends WalletSubcommand {
        @Option(names = "--new-password-file", paramLabel = "FILE", description = "Read the new password from FILE.")
        Path newPasswordFile;

        @Override
        Map<String, Object> execute() throws KeystoreException, IOException {
            try (Keystore ks = open()) {
                char[] old = password();
                char[] fresh;
                try {
                    fresh = newSecret(newPasswordFile, "New wallet password: ");
                    try {
                        PasswordStrength.require("new wallet password", fresh);
                    } catch (KeystoreException e) {
                        Arrays.fill(fresh, '\0');
                        throw e;
                    }
                } catch (KeystoreException | IOException e) {
                    Arrays.fill(old, '\0');
                    throw e;
                }
                ks.changePassword(old, fresh);
                Map<String, Object> out = result();
                out.put("wallet", ks.file().toString());
                out.put("passwordChanged", true);
                out.put("kdf", ks.kdfParams().toString());
                return out;
            }
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Copy the wallet to a new file with SQLite's online backup (secrets stay encrypted).")
    static final class Backup extends WalletSubcommand {
        @Parameters(paramLabel = "TARGET", description = "The backup file to create (must not exist).")
        Path target;

        @Override
        Map<String, Object> execute() throws KeystoreException {
            try (Keystore ks = open()) {
                ks.backupTo(target);
                Map<String, Object> out = result();
                out.put("wallet", ks.file().toString());
                out.put("backup", target.toAbsolutePath().toString());
                return out;
            }
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Show the wallet's file, KDF, keys (addresses only), accounts and sessions; needs no password.")
    static final class Info extends WalletSubcommand {
        @Override
        Map<String, Object> execute() throws KeystoreException, IOException {
            try (Keystore ks = open()) {
                Map<String, Object> out = result();
                out.put("wallet", ks.file().toString());
                out.put("integrity", ks.integrityCheck());
                List<String> exposed = PrivateFiles.problems(ks.file());
                out.put("permissions", exposed.isEmpty() ? "private (files rw-------, folder rwx------)"
                        : "READABLE BY OTHERS: " + String.join("; ", exposed) + " (run: chmod 700 <folder> && chmod 600 <folder>/wallet.db*)");
                out.put("kdf", ks.kdfParams().toString());
                out.put("autoLock", AutoLock.configuredTimeout(ks).toMinutes() + " min");
                out.put("ownerKeys", describe(ks.keys().ownerKeys()));
                out.put("sessionKeys", ks.keys().sessionKeys().size());
                out.put("accounts", ks.sessions().accounts().size());
                out.put("sessions", ks.sessions().all().size());
                return out;
            }
        }

        private static List<String> describe(List<SecretInfo> keys) {
            return keys.stream().map(k -> k.publicRef() + (k.label().isEmpty() ? "" : " (" + k.label() + ")")
                    + (k.quarantined() ? " QUARANTINED" : "")).toList();
        }
    }
}
