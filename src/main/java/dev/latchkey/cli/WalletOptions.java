package dev.latchkey.cli;

import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.WalletLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * Picocli mixin: where the wallet is and how its password arrives (a file, or a hidden prompt on the terminal, never
 * an argument). Shared by the {@code wallet} commands and every command that needs the wallet.
 */
final class WalletOptions {

    @Option(names = "--wallet-dir", paramLabel = "DIR", description = "Wallet directory (default: the OS data directory).")
    Path walletDir;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the wallet password from the first line of FILE instead of prompting.")
    Path passwordFile;

    Path walletFile() {
        return WalletLocation.walletFile(walletDir);
    }

    /** The wallet, locked (metadata is readable without the password). */
    Keystore open() throws KeystoreException {
        return Keystore.open(walletFile(), KdfPolicy.standard(), Clock.systemUTC());
    }

    /** The wallet, unlocked with the password from the file or the terminal. */
    Keystore openUnlocked() throws KeystoreException, IOException {
        Keystore keystore = open();
        try {
            keystore.unlock(password());
            return keystore;
        } catch (KeystoreException | IOException | RuntimeException e) {
            keystore.close();
            throw e;
        }
    }

    /** The wallet password; the caller wipes it. */
    char[] password() throws IOException, KeystoreException {
        return Secrets.read(passwordFile, "Wallet password: ");
    }
}
