package dev.latchkey.cli;

import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetConfig;
import dev.latchkey.devnet.SmartSessionBuild;
import dev.latchkey.devnet.DevnetException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the devnet, prints its manifest and keeps it running until Ctrl-C or SIGTERM. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the devnet (or restart it from its saved state), print the manifest JSON on stdout and"
                + " run until interrupted (Ctrl-C / SIGTERM stop anvil and the bundler cleanly).",
                "Progress goes to stderr."})
public final class DevnetUpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "State, manifest and logs (default: ~/.latchkey/devnet).")
    Path dir;

    @Option(names = "--port", description = "RPC port on 127.0.0.1 (default: any free port).", converter = AsciiNumbers.Int.class)
    int port;

    @Option(names = "--chain-id", description = "Chain id (default: ${DEFAULT-VALUE}); use another for a second chain.",
            defaultValue = "31337", converter = AsciiNumbers.Long.class)
    long chainId;

    @Option(names = "--no-bundler", description = "Do not start Alto; wallets use direct submission.")
    boolean noBundler;

    @Option(names = "--anvil", description = "anvil binary (default: LATCHKEY_ANVIL or the npm-installed one).")
    Path anvil;

    @Option(names = "--node", description = "Node executable for Alto (default: LATCHKEY_NODE or 'node').")
    String node;

    @Option(names = "--smart-session", paramLabel = "BUILD", defaultValue = "latchkey",
            description = "SmartSession module: 'latchkey' (ours, default) or 'modulekit' (the canonical bytecode of"
                    + " @rhinestone/modulekit 0.5.9 at the canonical address).")
    String smartSession;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        DevnetConfig config = DevnetConfig.defaults(dir == null ? DevnetCommand.defaultDir() : dir)
                .withPort(port).withChainId(chainId).withBundler(!noBundler);
        try {
            config = config.withSmartSession(SmartSessionBuild.fromOption(smartSession));
        } catch (IllegalArgumentException e) {
            err.println("latchkey devnet up: " + e.getMessage());
            return 2;
        }
        if (anvil != null) {
            config = config.withAnvil(anvil);
        }
        if (node != null) {
            config = config.withNode(node);
        }
        Devnet devnet;
        long started = System.nanoTime();
        try {
            devnet = Devnet.start(config, message -> {
                err.printf("[devnet %5.1fs] %s%n", (System.nanoTime() - started) / 1e9, message);
                err.flush();
            });
        } catch (DevnetException e) {
            err.println("devnet up failed: " + e.getMessage());
            err.flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(devnet.manifest().toJson());
        out.flush();
        err.println("[devnet] running; Ctrl-C stops it (state is kept in " + config.dir() + ")");
        err.flush();
        // The devnet's own shutdown hook stops anvil and Alto when the JVM exits (Ctrl-C, SIGTERM).
        new CountDownLatch(1).await();
        return 0;
    }
}
