package dev.latchkey.cli;

import dev.latchkey.keystore.KeystoreException;
import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Secrets from files or hidden terminal prompts; never from arguments. Buffers are wiped; callers wipe the result. */
final class Secrets {

    private Secrets() {
    }

    /** The first line of {@code file}, or a prompt without echo when {@code file} is null. */
    static char[] read(Path file, String prompt) throws IOException, KeystoreException {
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
    static char[] readNew(Path file, String prompt) throws IOException, KeystoreException {
        char[] first = read(file, prompt);
        if (file != null) {
            return first;
        }
        char[] second = read(null, "Repeat: ");
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
}
