package dev.latchkey.cli;

import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the {@code latchkey wallet ...} commands: the shared wallet and output options (mixins), and errors mapped
 * to exit codes.
 */
abstract class WalletSubcommand implements Callable<Integer> {

    static final int EXIT_ERROR = 1;
    static final int EXIT_WRONG_PASSWORD = 3;
    static final int EXIT_ALREADY_OPEN = 4;

    @Spec
    CommandSpec spec;

    @Mixin
    WalletOptions wallet;

    @Mixin
    Output output;

    /** The command body; returns what to print (key order kept). */
    abstract Map<String, Object> execute() throws KeystoreException, IOException;

    @Override
    public final Integer call() {
        try {
            output.print(spec, execute());
            return 0;
        } catch (KeystoreException e) {
            return output.fail(spec, "latchkey wallet " + spec.name(), kind(e), e.getMessage(), exitCode(e));
        } catch (IOException e) {
            return output.fail(spec, "latchkey wallet " + spec.name(), "Io", e.getMessage(), EXIT_ERROR);
        }
    }

    static String kind(KeystoreException e) {
        return e.getClass().getSimpleName().replace("Exception", "");
    }

    static int exitCode(KeystoreException e) {
        return switch (e) {
            case KeystoreException.WrongPasswordException w -> EXIT_WRONG_PASSWORD;
            case KeystoreException.AlreadyOpenException a -> EXIT_ALREADY_OPEN;
            default -> EXIT_ERROR;
        };
    }

    Path walletFile() {
        return wallet.walletFile();
    }

    Keystore open() throws KeystoreException {
        return wallet.open();
    }

    Keystore openUnlocked() throws KeystoreException, IOException {
        return wallet.openUnlocked();
    }

    char[] password() throws IOException, KeystoreException {
        return wallet.password();
    }

    Path passwordFile() {
        return wallet.passwordFile;
    }

    static char[] secret(Path file, String prompt) throws IOException, KeystoreException {
        return Secrets.read(file, prompt);
    }

    static char[] newSecret(Path file, String prompt) throws IOException, KeystoreException {
        return Secrets.readNew(file, prompt);
    }

    static Map<String, Object> result() {
        return Output.result();
    }
}
