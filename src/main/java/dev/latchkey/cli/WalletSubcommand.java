package dev.latchkey.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.WalletLocation;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Shared options and plumbing of the {@code latchkey wallet ...} commands: where the wallet is, how the password
 * arrives (file or terminal prompt, never an argument), text or JSON output, and errors mapped to exit codes.
 */
abstract class WalletSubcommand implements Callable<Integer> {

    static final int EXIT_ERROR = 1;
    static final int EXIT_WRONG_PASSWORD = 3;
    static final int EXIT_ALREADY_OPEN = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--wallet-dir", paramLabel = "DIR", description = "Wallet directory (default: the OS data directory).")
    Path walletDir;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the wallet password from the first line of FILE instead of prompting.")
    Path passwordFile;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    /** The command body; returns what to print (key order kept). */
    abstract Map<String, Object> execute() throws KeystoreException, IOException;

    @Override
    public final Integer call() {
        try {
            print(execute());
            return 0;
        } catch (KeystoreException e) {
            return fail(e.getClass().getSimpleName().replace("Exception", ""), e.getMessage(), exitCode(e));
        } catch (IOException e) {
            return fail("Io", e.getMessage(), EXIT_ERROR);
        }
    }

    private static int exitCode(KeystoreException e) {
        return switch (e) {
            case KeystoreException.WrongPasswordException w -> EXIT_WRONG_PASSWORD;
            case KeystoreException.AlreadyOpenException a -> EXIT_ALREADY_OPEN;
            default -> EXIT_ERROR;
        };
    }

    private int fail(String kind, String message, int code) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("latchkey wallet " + spec.name() + ": " + message);
        err.flush();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("error", kind);
            out.put("message", message);
            print(out);
        }
        return code;
    }

    void print(Map<String, Object> result) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(JSON.writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            result.forEach((key, value) -> out.println(key + ": " + value));
        }
        out.flush();
    }

    Path walletFile() {
        return WalletLocation.walletFile(walletDir);
    }

    Keystore open() throws KeystoreException {
        return Keystore.open(walletFile(), KdfPolicy.standard(), Clock.systemUTC());
    }

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

    char[] password() throws IOException, KeystoreException {
        return secret(passwordFile, "Wallet password: ");
    }

    /** Reads a secret from the first line of {@code file}, or prompts without echo. The caller wipes it. */
    static char[] secret(Path file, String prompt) throws IOException, KeystoreException {
        if (file != null) {
            byte[] bytes = Files.readAllBytes(file);
            try {
                int end = 0;
                while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                    end++;
                }
                CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, end));
                char[] out = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
                Arrays.fill(chars.array(), '\0');
                return out;
            } catch (CharacterCodingException e) {
                throw new KeystoreException.InvalidInputException(file + " is not UTF-8 text");
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new KeystoreException.InvalidInputException("no terminal to prompt on; pass the secret with a --...-file option");
        }
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null) {
            throw new KeystoreException.InvalidInputException("no input");
        }
        return typed;
    }

    /** For new passwords: a file, or a prompt typed twice. */
    static char[] newSecret(Path file, String prompt) throws IOException, KeystoreException {
        char[] first = secret(file, prompt);
        if (file != null) {
            return first;
        }
        char[] second = secret(null, "Repeat: ");
        try {
            if (!Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                throw new KeystoreException.InvalidInputException("the two entries differ");
            }
            return first;
        } finally {
            Arrays.fill(second, '\0');
        }
    }

    static Map<String, Object> result() {
        return new LinkedHashMap<>();
    }
}
