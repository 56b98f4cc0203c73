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

    /** Empty when equal; otherwise the differing lines (first 20), numbered. */
    static Optional<String> diff(String expected, String actual) {
        if (expected.equals(actual)) return Optional.empty();
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(e.length, a.length) && out.size() < 40; i++) {
            String x = i < e.length ? e[i] : "<none>";
            String y = i < a.length ? a[i] : "<none>";
            if (!x.equals(y)) {
                out.add(String.format("%4d - %s", i + 1, x));
                out.add(String.format("%4d + %s", i + 1, y));
            }
        }
        return Optional.of(String.join("\n", out));
    }
}
