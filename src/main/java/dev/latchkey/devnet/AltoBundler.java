package dev.latchkey.devnet;

import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.chain.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A running Alto ERC-4337 bundler (npm {@code @pimlico/alto}) bound to 127.0.0.1. */
final class AltoBundler implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final String url;

    private AltoBundler(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Why Node cannot run, or empty when {@code node --version} works. */
    static Optional<String> nodeProblem(String node) {
        try {
            Process probe = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (!probe.waitFor(10, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                probe.destroyForcibly();
                return Optional.of("'" + node + " --version' failed");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("Node is not available ('" + node + "': " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking Node");
        }
    }

    /** Starts Alto; returns empty (with the reason reported) when it cannot run or does not answer. */
    static Optional<AltoBundler> start(DevnetConfig config, String rpcUrl, String entryPoint, DevnetKeys keys,
                                       Path log, DevnetProgress progress) {
        Path script = config.nodeModules().resolve("@pimlico/alto/esm/cli/alto.js");
        if (!Files.isRegularFile(script)) {
            progress.step("no bundler: Alto is not installed at " + script + " (run 'npm ci' in "
                    + config.projectDir() + "); the wallet will use direct submission");
            return Optional.empty();
        }
        int port = AnvilNode.freePort();
        Process process;
        try {
            Path shim = config.dir().resolve("alto-loopback.mjs");
            try (InputStream in = AltoBundler.class.getResourceAsStream("alto-loopback.mjs")) {
                Files.copy(in, shim, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> command = List.of(config.node(), "--import", shim.toUri().toString(), script.toString(),
                    "--entrypoints", entryPoint, "--rpc-url", rpcUrl, "--port", Integer.toString(port),
                    "--executor-private-keys", keys.bundlerExecutorKey(),
                    "--utility-private-key", keys.bundlerUtilityKey(),
                    "--safe-mode", "false", "--min-entity-stake", "1", "--min-entity-unstake-delay", "1",
                    "--deploy-simulations-contract", "true", "--utility-wallet-monitor", "false",
                    // loopback only: lets tests hold a bundle (debug_bundler_setBundlingMode) to reach exact crash states
                    "--enable-debug-endpoints", "true",
                    "--log-level", "warn");
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            progress.step("no bundler: cannot start Alto with '" + config.node() + "': " + e.getMessage()
                    + "; the wallet will use direct submission");
            return Optional.empty();
        }
        AltoBundler alto = new AltoBundler(process, "http://127.0.0.1:" + port);
        if (!alto.awaitReady(entryPoint)) {
            boolean exited = !process.isAlive();
            alto.close();
            progress.step("no bundler: Alto " + (exited ? "exited before answering" : "did not answer within "
                    + STARTUP.toSeconds() + " s") + " (see " + log + "); the wallet will use direct submission");
            return Optional.empty();
        }
        return Optional.of(alto);
    }

    private boolean awaitReady(String entryPoint) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        try (JsonRpcClient rpc = new JsonRpcClient(URI.create(url), Duration.ofSeconds(2))) {
            while (process.isAlive() && System.nanoTime() < deadline) {
                try {
                    for (var ep : rpc.call("eth_supportedEntryPoints")) {
                        if (ep.asText().equalsIgnoreCase(entryPoint)) {
                            return true;
                        }
                    }
                } catch (RpcException notYet) {
                    // still starting
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(5));
    }
}
