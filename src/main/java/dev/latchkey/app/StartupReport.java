package dev.latchkey.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up numbers for the smoke line: time since the process started (includes the launcher and JVM start) and
 * resident memory (Linux {@code /proc/self/status}); whatever the platform cannot tell is left out.
 */
final class StartupReport {

    private StartupReport() {
    }

    /** " (1234 ms after process start, resident memory 180 MiB)", or "" when nothing is known. */
    static String describe() {
        List<String> parts = new ArrayList<>();
        ProcessHandle.current().info().startInstant().ifPresent(start ->
                parts.add(Duration.between(start, Instant.now()).toMillis() + " ms after process start"));
        residentKib().ifPresent(kib -> parts.add("resident memory " + kib / 1024 + " MiB"));
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static java.util.OptionalLong residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return java.util.OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: the line simply has no memory figure
        }
        return java.util.OptionalLong.empty();
    }
}
