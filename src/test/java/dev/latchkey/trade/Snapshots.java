package dev.latchkey.trade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Text snapshots under src/test/resources/dev/latchkey/trade/. A mismatch fails with a line diff; run with
 * {@code -Dlatchkey.updateSnapshots=true} to (re)write them after an intended change, and review the git diff.
 */
final class Snapshots {

    static final Path DIR = Path.of("src/test/resources/dev/latchkey/trade");

    private Snapshots() { }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name + ".snap");
        if (Boolean.getBoolean("latchkey.updateSnapshots")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) throw new AssertionError("missing snapshot " + file + "; run with -Dlatchkey.updateSnapshots=true and review it");
        diff(Files.readString(file, StandardCharsets.UTF_8), actual).ifPresent(d -> {
            throw new AssertionError("snapshot " + file + " differs (- expected, + actual):\n" + d);
        });
    }

    /** Empty when equal; otherwise the differing middle (after the common first and last lines), numbered, at most 40 lines. */
    static Optional<String> diff(String expected, String actual) {
        if (expected.equals(actual)) return Optional.empty();
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int head = 0;
        while (head < e.length && head < a.length && e[head].equals(a[head])) head++;
        int tail = 0;
        while (tail < e.length - head && tail < a.length - head && e[e.length - 1 - tail].equals(a[a.length - 1 - tail])) tail++;
        List<String> out = new ArrayList<>();
        for (int i = head; i < e.length - tail && out.size() < 20; i++) out.add(String.format("%4d - %s", i + 1, e[i]));
        for (int i = head; i < a.length - tail && out.size() < 40; i++) out.add(String.format("%4d + %s", i + 1, a[i]));
        return Optional.of(String.join("\n", out));
    }
}
