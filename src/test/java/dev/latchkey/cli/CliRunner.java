package dev.latchkey.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code latchkey} in-process with a wallet, password file and devnet manifest, and parses {@code --json} output. */
final class CliRunner {

    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON (exit " + exit + "): " + out + "\nstderr: " + err, e);
            }
        }
    }

    private final Path walletDir;
    private final Path passwordFile;
    private final Path manifest;

    CliRunner(Path tmp, Path manifest) throws Exception {
        this.walletDir = tmp.resolve("wallet");
        this.passwordFile = tmp.resolve("password");
        this.manifest = manifest;
        Files.writeString(passwordFile, "cli-Test-Harbor-42 phrase\n");
    }

    /** The wallet's settings as the desktop Settings screen writes them (the CLI reads them when it starts the signer). */
    void putSetting(String key, String value) throws Exception {
        try (dev.latchkey.keystore.Keystore ks = dev.latchkey.keystore.Keystore.open(walletDir.resolve(dev.latchkey.keystore.WalletLocation.WALLET_FILE),
                dev.latchkey.keystore.KdfPolicy.standard(), java.time.Clock.systemUTC())) {
            ks.settings().put(key, value);
        }
    }

    /** {@code wallet init} at the accepted KDF floor (the CLI always uses the production policy). */
    Run init() {
        return raw("wallet", "init", "--wallet-dir", walletDir.toString(), "--password-file", passwordFile.toString(),
                "--kdf", "65536,3,1", "--json");
    }

    /** A chain-facing command with the wallet, password, manifest and {@code --json} options appended. */
    Run chain(String... args) {
        return raw(chainArgs(args));
    }

    String[] chainArgs(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--wallet-dir", walletDir.toString(), "--password-file", passwordFile.toString(),
                "--manifest", manifest.toString(), "--json"));
        return all.toArray(String[]::new);
    }

    /** Like {@link #chain} but without {@code --manifest} (public networks). */
    Run walletOnly(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--wallet-dir", walletDir.toString(), "--password-file", passwordFile.toString(), "--json"));
        return raw(all.toArray(String[]::new));
    }

    /** A long-running command ({@code signer run}) on its own thread; its stdout is readable while it runs. */
    static final class Background {
        private final StringWriter out = new StringWriter();
        private final java.util.concurrent.atomic.AtomicInteger exit = new java.util.concurrent.atomic.AtomicInteger(-1);
        private final Thread thread;

        Background(String name, String... args) {
            thread = new Thread(() -> {
                CommandLine line = LatchkeyCommand.commandLine();
                line.setOut(new PrintWriter(out, true));
                line.setErr(new PrintWriter(new StringWriter(), true));
                exit.set(line.execute(args));
            }, name);
            thread.start();
        }

        String out() {
            return out.toString();
        }

        boolean running() {
            return thread.isAlive();
        }

        /** Interrupts it (as Ctrl-C would) and returns its exit code. */
        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(30_000);
            return exit.get();
        }
    }

    Background background(String name, String... args) {
        return new Background(name, chainArgs(args));
    }

    Run raw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LatchkeyCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
