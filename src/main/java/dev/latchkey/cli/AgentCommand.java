package dev.latchkey.cli;

import dev.latchkey.agent.AgentLog;
import dev.latchkey.agent.AgentRuntime;
import dev.latchkey.agent.bundle.AgentBundle;
import dev.latchkey.agent.bundle.BundleEnvelope;
import dev.latchkey.agent.bundle.BundleException;
import dev.latchkey.agent.bundle.BundleImport;
import dev.latchkey.agent.bundle.ServerKey;
import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.PasswordStrength;
import dev.latchkey.keystore.PrivateFiles;
import dev.latchkey.keystore.WalletLocation;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.Submission;
import dev.latchkey.wallet.WalletException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latchkey agent ...}: the headless agent that runs one shared session on a server (docs/cli.md, docs/security.md). */
@Command(name = "agent", mixinStandardHelpOptions = true, description = "Run a session shared with this server ('session share'), headless.",
        subcommands = {AgentCommand.Keygen.class, AgentCommand.Run.class})
public final class AgentCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options both subcommands share: the data directory, its password, the KDF cost of a new store. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Output output;

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The agent's own data directory (0700).")
        Path data;

        @Option(names = "--password-file", paramLabel = "FILE", description = "The agent store's password (first line); prompted without it.")
        Path passwordFile;

        @Option(names = "--kdf", paramLabel = "M,T,P", description = "Argon2id cost of a new store (memory KiB, iterations, lanes); default 262144,3,4.")
        String kdf;

        KdfParams kdf() throws KeystoreException {
            return kdf == null ? KdfParams.DEFAULT : WalletCommand.Init.parseKdf(kdf);
        }

        String prefix() {
            return "latchkey agent " + spec.name();
        }

        int fail(Exception e) {
            return switch (e) {
                case KeystoreException k -> output.fail(spec, prefix(), WalletSubcommand.kind(k), k.getMessage(), WalletSubcommand.exitCode(k));
                case WalletException w -> ChainCommand.fail(output, spec, prefix(), w);
                case BundleException b -> output.fail(spec, prefix(), "InvalidInput", b.getMessage(), ChainCommand.EXIT_ERROR);
                case dev.latchkey.chain.RpcException r -> output.fail(spec, prefix(), "Network", r.getMessage(), ChainCommand.EXIT_NETWORK);
                default -> output.fail(spec, prefix(), "Io", e.getMessage(), ChainCommand.EXIT_ERROR);
            };
        }
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Create this server's X25519 key in DIR (sealed under the agent password) and print the public key to share to.")
    static final class Keygen extends Base {
        @Override
        public Integer call() {
            char[] password = null;
            try {
                if (Files.exists(data.resolve(ServerKey.FILE))) {
                    throw new WalletException(WalletException.Kind.STATE, data + " already has a server key; each server has one");
                }
                password = Secrets.read(passwordFile, "Agent password: ");
                PasswordStrength.require("agent password", password);
                try (ServerKey key = ServerKey.generate()) {
                    key.save(data, password, kdf());
                    Map<String, Object> out = Output.result();
                    out.put("publicKey", ServerKey.text(key.publicKey()));
                    out.put("file", data.resolve(ServerKey.FILE).toString());
                    out.put("next", "on the wallet: latchkey session share --session ID --to FILE --server NAME --recipient "
                            + ServerKey.text(key.publicKey()));
                    output.print(spec, out);
                }
                return 0;
            } catch (KeystoreException | IOException | RuntimeException e) {
                return fail(e);
            } finally {
                if (password != null) Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Import the bundle into DIR once (bound to its agent id), then run the signer and the automation engine on it"
                    + " with JSON log lines, /health and /metrics on 127.0.0.1, until SIGTERM or the owner revokes the session.")
    static final class Run extends Base {
        @Option(names = "--bundle", required = true, paramLabel = "FILE", description = "The bundle 'session share' wrote.")
        Path bundle;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "The bundle's passphrase (a passphrase bundle only).")
        Path passphraseFile;

        @Option(names = "--port", defaultValue = "9477", paramLabel = "N", converter = AsciiNumbers.Int.class,
                description = "Port of /health and /metrics on 127.0.0.1 (0: any free port, logged at start).")
        int port;

        @Option(names = "--poll-ms", defaultValue = "250", paramLabel = "MS", converter = AsciiNumbers.Long.class,
                description = "How often the chain head is checked (ms).")
        long pollMillis;

        @Option(names = "--rpc-url", paramLabel = "URL", description = "Override the bundle's RPC URL (same chain).")
        URI rpcUrl;

        @Option(names = "--bundler-url", paramLabel = "URL", description = "Override the bundle's bundler URL.")
        URI bundlerUrl;

        @Override
        public Integer call() {
            char[] password = null;
            try {
                if (port < 0 || port > 65535) throw new WalletException(WalletException.Kind.INVALID, "--port: 0 to 65535, got " + port);
                if (pollMillis < 50 || pollMillis > 60_000) throw new WalletException(WalletException.Kind.INVALID, "--poll-ms: 50 to 60000, got " + pollMillis);
                BundleEnvelope.Header header = BundleEnvelope.peek(bundle);
                password = Secrets.read(passwordFile, "Agent password: ");
                try (Keystore store = openOrCreate(password)) {
                    try (AgentBundle b = open(header, password)) {
                        BundleImport.into(store, b);
                        AgentLog log = new AgentLog(spec.commandLine().getOut(), b.agentId(), Clock.systemUTC());
                        AgentRuntime agent = new AgentRuntime(store, profile(b.network()), log,
                                new AgentRuntime.Options(port, Duration.ofMillis(pollMillis)), Clock.systemUTC());
                        Thread hook = new Thread(() -> {
                            log.info("agent.signal", Map.of("action", "stopping after the current pass"));
                            agent.requestStop();
                            try {
                                if (!agent.awaitFinished(Duration.ofSeconds(30))) {
                                    log.warn("agent.stop_timeout", Map.of("threads", stacks()));
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }, "agent-sigterm");
                        Runtime.getRuntime().addShutdownHook(hook);
                        try {
                            agent.run();
                        } finally {
                            try {
                                Runtime.getRuntime().removeShutdownHook(hook);
                            } catch (IllegalStateException shuttingDown) {
                                // SIGTERM: the hook is the one waiting for us
                            }
                        }
                    }
                }
                return 0;
            } catch (KeystoreException | BundleException | IOException | RuntimeException e) {
                return fail(e);
            } finally {
                if (password != null) Arrays.fill(password, '\0');
            }
        }

        /** Where every thread is, when a stop did not finish in time (what an operator needs to report it). */
        private static String stacks() {
            StringBuilder b = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, frames) -> {
                b.append(t.getName()).append(" ").append(t.getState()).append(":");
                for (int i = 0; i < Math.min(frames.length, 12); i++) b.append(" ").append(frames[i]);
                b.append(" | ");
            });
            return b.toString();
        }

        private Keystore openOrCreate(char[] password) throws KeystoreException, IOException {
            Path file = WalletLocation.walletFile(data);
            if (!Files.exists(file)) {
                PasswordStrength.require("agent password", password);
                PrivateFiles.createDirectories(data);
                return Keystore.create(file, password.clone(), kdf(), KdfPolicy.standard(), Clock.systemUTC());
            }
            Keystore k = Keystore.open(file, KdfPolicy.standard(), Clock.systemUTC());
            try {
                k.unlock(password.clone());
                return k;
            } catch (KeystoreException | RuntimeException e) {
                k.close();
                throw e;
            }
        }

        private AgentBundle open(BundleEnvelope.Header header, char[] password) throws IOException, BundleException, KeystoreException {
            if (!header.passphrase()) {
                try (ServerKey key = ServerKey.load(data, password)) {
                    return BundleEnvelope.open(bundle, key);
                }
            }
            if (passphraseFile == null && System.console() == null) {
                throw new BundleException(bundle + " is sealed to a passphrase; give --passphrase-file");
            }
            char[] passphrase = Secrets.read(passphraseFile, "Bundle passphrase: ");
            try {
                return BundleEnvelope.open(bundle, passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }

        private NetworkProfile profile(NetworkProfile p) {
            return new NetworkProfile(p.name(), p.chainId(), rpcUrl != null ? rpcUrl : p.rpcUrl(),
                    bundlerUrl != null ? new Submission.Bundler(bundlerUrl) : p.submission(), p.entryPoint(), p.smartSession(),
                    p.ownableValidator(), p.policies(), p.accountFactory(), p.tokens(), p.swapRouter02(), p.quoterV2(), p.aavePool(),
                    p.devnet());
        }
    }
}
