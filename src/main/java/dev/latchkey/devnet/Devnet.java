package dev.latchkey.devnet;

import dev.latchkey.chain.EvmClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A complete local network: anvil with EntryPoint v0.7, our modules, test tokens, Uniswap V3 and Aave V3, plus the
 * Alto bundler when Node is available. {@link #start} is idempotent over a directory: a saved chain state whose
 * contracts match the saved manifest is reused, anything else is deployed afresh. {@link #close} (or JVM exit)
 * stops every process it started.
 */
public final class Devnet implements AutoCloseable {

    static final String STATE_FILE = "anvil-state.json";

    private final DevnetConfig config;
    private final AnvilNode anvil;
    private final AltoBundler alto;
    private final EvmClient client;
    private final Manifest manifest;
    private final DevnetKeys keys;
    private final Thread shutdownHook;
    private boolean closed;

    private Devnet(DevnetConfig config, AnvilNode anvil, AltoBundler alto, EvmClient client, Manifest manifest,
                   DevnetKeys keys) {
        this.config = config;
        this.anvil = anvil;
        this.alto = alto;
        this.client = client;
        this.manifest = manifest;
        this.keys = keys;
        this.shutdownHook = new Thread(this::close, "devnet-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts (or restarts from saved state) the devnet described by {@code config}. */
    public static Devnet start(DevnetConfig config, DevnetProgress progress) {
        long started = System.nanoTime();
        // Node is checked (and reported) where the bundler starts; without it the devnet still runs
        DevnetRequirements requirements = DevnetRequirements.check(config.withBundler(false));
        if (!requirements.ready()) {
            throw new DevnetException(requirements.message());
        }
        Path dir = config.dir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DevnetException("cannot create the devnet directory " + dir + ": " + e.getMessage(), e);
        }
        Path state = dir.resolve(STATE_FILE);
        Optional<Manifest> saved = savedManifest(config, progress);
        if (saved.isEmpty()) {
            deleteQuietly(state);
        }
        DevnetKeys keys = DevnetKeys.standard();
        progress.step("starting anvil (chain id " + config.chainId() + ")");
        AnvilNode anvil = AnvilNode.spawn(config, state, dir.resolve("anvil.log"));
        EvmClient client = new EvmClient(anvil.rpcUrl());
        // Alto's Node start-up is the slowest step, so it overlaps with the rest: on a restart it starts while
        // anvil loads the saved state (silently; if it loses the race with anvil it is started again below), on a
        // fresh chain as soon as the EntryPoint exists. Alto sends transactions only from its own accounts, so
        // deployment addresses (deployer nonces, CREATE2) do not change.
        List<CompletableFuture<Optional<AltoBundler>>> bundlers = new CopyOnWriteArrayList<>();
        // Until the Devnet exists (and registers its own hook), Ctrl-C during start-up must still stop the children.
        Thread startupHook = new Thread(() -> {
            anvil.close();
            closeAll(bundlers);
        }, "devnet-startup-shutdown");
        Runtime.getRuntime().addShutdownHook(startupHook);
        AltoBundler alto = null;
        try {
            Map<String, String> addresses;
            Consumer<String> startAlto = entryPoint -> bundlers.add(CompletableFuture.supplyAsync(() ->
                    startBundler(config, anvil.rpcUrl(), entryPoint, keys, progress)));
            if (saved.isPresent() && config.bundler()) {
                progress.step("starting the Alto bundler while anvil loads the saved state");
                bundlers.add(CompletableFuture.supplyAsync(() -> startBundler(config, anvil.rpcUrl(),
                        saved.get().address("EntryPoint"), keys, DevnetProgress.silent())));
            }
            anvil.awaitReady();
            if (saved.isPresent() && DevnetBootstrap.matches(client, saved.get())) {
                progress.step("reusing the saved chain state and manifest");
                addresses = saved.get().addresses();
                if (bundlers.isEmpty() || bundlers.get(0).join().isEmpty()) {
                    bundlers.clear();
                    startAlto.accept(addresses.get("EntryPoint"));
                }
            } else {
                if (saved.isPresent()) {
                    progress.step("the saved state does not hold the manifest's contracts; deploying afresh");
                }
                closeAll(bundlers);
                addresses = DevnetBootstrap.run(client, config, keys, progress, startAlto);
            }
            alto = bundlers.get(0).join().orElse(null);
            Map<String, String> accounts = new LinkedHashMap<>();
            accounts.put("deployer", keys.deployer());
            accounts.put("bundlerExecutor", DevnetKeys.addressOf(keys.bundlerExecutorKey()));
            accounts.put("bundlerUtility", DevnetKeys.addressOf(keys.bundlerUtilityKey()));
            accounts.put("directSubmitter", DevnetKeys.addressOf(keys.directSubmitterKey()));
            Manifest manifest = new Manifest(Manifest.CURRENT_VERSION, config.chainId(), anvil.rpcUrl(),
                    alto == null ? null : alto.url(), addresses, accounts, keys.directSubmitterKey());
            manifest.write(dir);
            progress.step(String.format("devnet ready in %.1f s: %s%s", (System.nanoTime() - started) / 1e9,
                    anvil.rpcUrl(), alto == null ? " (no bundler)" : ", bundler " + alto.url()));
            Devnet devnet = new Devnet(config, anvil, alto, client, manifest, keys);
            removeHook(startupHook);
            return devnet;
        } catch (RuntimeException e) {
            removeHook(startupHook);
            closeAll(bundlers);
            client.close();
            anvil.close();
            throw e;
        }
    }

    /** Waits for bundler start-ups in flight and stops those that came up; empties the list. */
    private static void closeAll(List<CompletableFuture<Optional<AltoBundler>>> bundlers) {
        bundlers.forEach(future -> future.handle((bundler, error) -> bundler == null
                ? Optional.<AltoBundler>empty() : bundler).join().ifPresent(AltoBundler::close));
        bundlers.clear();
    }

    private static Optional<Manifest> savedManifest(DevnetConfig config, DevnetProgress progress) {
        if (!Files.isRegularFile(config.dir().resolve("manifest.json"))
                || !Files.isRegularFile(config.dir().resolve(STATE_FILE))) {
            return Optional.empty();
        }
        try {
            Manifest manifest = Manifest.read(config.dir());
            if (manifest.version() == Manifest.CURRENT_VERSION && manifest.chainId() == config.chainId()
                    && DevnetBootstrap.sameLayout(config, manifest)) {
                return Optional.of(manifest);
            }
            progress.step("the saved devnet is of another layout, SmartSession build or chain id; deploying afresh");
        } catch (DevnetException e) {
            progress.step("ignoring the saved manifest: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<AltoBundler> startBundler(DevnetConfig config, String rpcUrl, String entryPoint,
                                                      DevnetKeys keys, DevnetProgress progress) {
        if (!config.bundler()) {
            progress.step("no bundler (--no-bundler); the wallet will use direct submission");
            return Optional.empty();
        }
        Optional<String> nodeProblem = AltoBundler.nodeProblem(config.node());
        if (nodeProblem.isPresent()) {
            progress.step("no bundler: " + nodeProblem.get() + ". Install Node 20+ or set LATCHKEY_NODE; the"
                    + " wallet will use direct submission");
            return Optional.empty();
        }
        progress.step("starting the Alto bundler");
        return AltoBundler.start(config, rpcUrl, entryPoint, keys, config.dir().resolve("alto.log"), progress);
    }

    public Manifest manifest() {
        return manifest;
    }

    public DevnetConfig config() {
        return config;
    }

    public DevnetKeys keys() {
        return keys;
    }

    /** A client of the devnet's RPC, owned by the devnet (closed with it). */
    public EvmClient client() {
        return client;
    }

    public DevnetFaucet faucet() {
        return new DevnetFaucet(client, manifest, config.nodeModules());
    }

    /** Process ids of anvil and (when running) Alto, e.g. to check that nothing outlives {@link #close}. */
    public List<Long> processIds() {
        List<Long> pids = new ArrayList<>();
        pids.add(anvil.pid());
        if (alto != null) {
            pids.add(alto.pid());
        }
        return pids;
    }

    /** Stops Alto, then anvil (which saves its state); idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (alto != null) {
            alto.close();
        }
        client.close();
        anvil.close();
        removeHook(shutdownHook);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already running its hooks (this may be one of them)
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new DevnetException("cannot delete the stale chain state " + file + ": " + e.getMessage(), e);
        }
    }
}
