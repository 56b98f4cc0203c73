package dev.latchkey.cli;

import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.PasswordStrength;
import dev.latchkey.keystore.PrivateFiles;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SecretInfo;
import dev.latchkey.keystore.V3Strength;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code wallet} commands that move owner keys in and out. Secrets come from files or hidden prompts only. */
final class WalletKeyCommands {

    private WalletKeyCommands() {
    }

    static Map<String, Object> imported(Keystore ks, SecretInfo info) {
        Map<String, Object> out = WalletSubcommand.result();
        out.put("wallet", ks.file().toString());
        out.put("address", info.publicRef());
        out.put("label", info.label());
        return out;
    }

    @Command(name = "import-key", mixinStandardHelpOptions = true, description = "Import a raw private key (64 hex digits).")
    static final class ImportKey extends WalletSubcommand {
        @Option(names = "--key-file", paramLabel = "FILE", description = "Read the hex key from FILE instead of prompting.")
        Path keyFile;

        @Option(names = "--label", description = "A name for the key.", defaultValue = "")
        String label;

        @Override
        Map<String, Object> execute() throws KeystoreException, IOException {
            try (Keystore ks = openUnlocked()) {
                return imported(ks, ks.keys().importPrivateKey(secret(keyFile, "Private key (hex): "), label));
            }
        }
    }

    @Command(name = "import-mnemonic", mixinStandardHelpOptions = true,
            description = "Import the key at a BIP-32 path of a BIP-39 mnemonic (the words are not stored).")
    static final class ImportMnemonic extends WalletSubcommand {
        @Option(names = "--mnemonic-file", paramLabel = "FILE", description = "Read the words from FILE instead of prompting.")
        Path mnemonicFile;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Optional BIP-39 passphrase.")
        Path passphraseFile;

        @Option(names = "--path", description = "Derivation path (default ${DEFAULT-VALUE}).", defaultValue = "m/44'/60'/0'/0/0")
        String path;

        @Option(names = "--label", description = "A name for the key.", defaultValue = "")
        String label;

        @Override
        Map<String, Object> execute() throws KeystoreException, IOException {
            try (Keystore ks = openUnlocked()) {
                char[] words = secret(mnemonicFile, "Mnemonic words: ");
                char[] passphrase = passphraseFile == null ? new char[0] : secret(passphraseFile, "");
                return imported(ks, ks.keys().importMnemonic(words, passphrase, path, label));
            }
        }
    }

    @Command(name = "import-keystore", mixinStandardHelpOptions = true,
            description = "Import an Ethereum keystore v3 JSON file (scrypt or pbkdf2).")
    static final class ImportKeystore extends WalletSubcommand {
        @Parameters(paramLabel = "FILE", description = "The keystore v3 JSON file.")
        Path file;

        @Option(names = "--keystore-password-file", paramLabel = "FILE", description = "Password of the JSON file.")
        Path keystorePasswordFile;

        @Option(names = "--label", description = "A name for the key.", defaultValue = "")
        String label;

        @Override
        Map<String, Object> execute() throws KeystoreException, IOException {
            if (Files.size(file) > 64 * 1024) {
                throw new KeystoreException.InvalidInputException(file + " is larger than 64 KiB; not a keystore v3 file");
            }
            String json = Files.readString(file, StandardCharsets.UTF_8);
            try (Keystore ks = openUnlocked()) {
                return imported(ks, ks.keys().importKeystoreV3(json, secret(keystorePasswordFile, "Keystore file password: "), label));
            }
        }
    }

    @Command(name = "export-keystore", mixinStandardHelpOptions = true,
            description = "Export an owner key to a keystore v3 JSON file; asks for the wallet password again.")
    static final class ExportKeystore extends WalletSubcommand {
        @Option(names = "--address", required = true, description = "Address of the owner key.")
        String address;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The JSON file to create (must not exist).")
        Path out;

        @Option(names = "--export-password-file", paramLabel = "FILE",
                description = "Password for the exported file (default: prompt, or the wallet password with --password-file).")
        Path exportPasswordFile;

        @Option(names = "--light", description = "scrypt n=4096 instead of the standard n=262144 (faster, weaker).")
        boolean light;

        @Override
        Map<String, Object> execute() throws KeystoreException, IOException {
            if (Files.exists(out)) {
                throw new KeystoreException.InvalidInputException(out + " already exists; refusing to overwrite");
            }
            try (Keystore ks = openUnlocked()) {
                char[] again = password();
                Path exportSource = exportPasswordFile != null ? exportPasswordFile : passwordFile();
                char[] exportPassword = exportSource != null ? secret(exportSource, "") : newSecret(null, "Export file password: ");
                try {
                    PasswordStrength.require("export password", exportPassword);
                } catch (KeystoreException e) {
                    java.util.Arrays.fill(again, '\0');
                    java.util.Arrays.fill(exportPassword, '\0');
                    throw e;
                }
                String json = ks.keys().exportKeystoreV3(address, again, exportPassword, light ? V3Strength.LIGHT : V3Strength.STANDARD);
                PrivateFiles.writeNew(out, json.getBytes(StandardCharsets.UTF_8));
                Map<String, Object> result = WalletSubcommand.result();
                result.put("address", address);
                result.put("keystore", out.toAbsolutePath().toString());
                return result;
            }
        }
    }
}
