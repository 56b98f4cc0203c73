package dev.latchkey.devnet;

import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.JsonRpcClient;
import dev.latchkey.chain.RpcException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A running anvil on 127.0.0.1, persisting its state to a file in the devnet directory. */
final class AnvilNode implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final String rpcUrl;
    private final int port;
    private final Path log;
    private final Path stateFile;

    /** The devnet's contract code size limit in bytes (docs/devnet.md). */
    static final int CODE_SIZE_LIMIT = 32_768;

    private AnvilNode(Process process, String rpcUrl, int port, Path log, Path stateFile) {
        this.stateFile = stateFile;
        this.process = process;
        this.rpcUrl = rpcUrl;
        this.port = port;
        this.log = log;
    }

    /** Spawns anvil; call {@link #awaitReady()} before using it. */
    static AnvilNode spawn(DevnetConfig config, Path stateFile, Path log) {
        Path binary = config.anvilBinary();
        if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
            throw new DevnetException("anvil not found at " + binary + ". Run 'npm ci' in " + config.projectDir()
                    + " (it installs the @foundry-rs/anvil package), or set LATCHKEY_ANVIL (CLI: --anvil) to an"
                    + " anvil 1.7.1 binary from Foundry.");
        }
        int port = config.port() == 0 ? freePort() : requireFree(config.port());
        // EIP-170's 24,576 bytes would refuse modulekit 0.5.9's Kernel v3.1 build (28,581 bytes of runtime): the
        // devnet allows 32 KiB, a limit still; our own SmartSession is held to EIP-170 by SelectorsTest.
        List<String> command = List.of(binary.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--chain-id", Long.toString(config.chainId()), "--state", stateFile.toString(),
                "--code-size-limit", Integer.toString(CODE_SIZE_LIMIT));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new DevnetException("cannot run anvil at " + binary + ": " + e.getMessage()
                    + ". Check that it is an anvil binary for this platform, or set LATCHKEY_ANVIL.", e);
        }
        return new AnvilNode(process, "http://127.0.0.1:" + port, port, log, stateFile);
    }

    /** Waits until anvil answers JSON-RPC (it may first load a saved state); stops it and throws when it fails. */
    void awaitReady() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        try (EvmClient client = new EvmClient(new JsonRpcClient(URI.create(rpcUrl), Duration.ofSeconds(2)))) {
            while (true) {
                if (!process.isAlive()) {
                    String tail = tail(log);
                    if (tail.contains("Address already in use") || tail.contains("address in use")) {
                        throw new DevnetException(portTaken(port));
                    }
                    throw new DevnetException("anvil exited with code " + process.exitValue()
                            + " before answering; its log (" + log + ") ends with:\n" + tail
                            + "\nIf the saved state is damaged, delete " + stateFile + " to start afresh.");
                }
                try {
                    client.chainId();
                    return;
                } catch (RpcException notYet) {
                    if (System.nanoTime() > deadline) {
                        close();
                        throw new DevnetException("anvil did not answer on " + rpcUrl + " within "
                                + STARTUP.toSeconds() + " s; see " + log);
                    }
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new DevnetException("interrupted while starting anvil", e);
        }
    }

    String rpcUrl() {
        return rpcUrl;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM: anvil writes its state file, then exits. */
    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(20));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevnetException("no free TCP port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return port;
        } catch (IOException e) {
            throw new DevnetException(portTaken(port), e);
        }
    }

    private static String portTaken(int port) {
        return "port " + port + " on 127.0.0.1 is already in use (another devnet or program?). Stop that program,"
                + " choose a free port with --port, or leave --port out to pick a free one automatically.";
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
