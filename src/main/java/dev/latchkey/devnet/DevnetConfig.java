package dev.latchkey.devnet;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start a devnet.
 *
 * @param dir        where the chain state, manifest and logs live
 * @param port       RPC port on 127.0.0.1; 0 picks a free one
 * @param chainId    chain id (31337 by default; another id gives a second chain with the same contracts)
 * @param bundler    whether to start Alto (when Node is available)
 * @param projectDir the directory holding {@code node_modules} (anvil, Alto, Uniswap and Aave artifacts)
 * @param anvil      the anvil binary, or null for the npm-installed one
 * @param node       the Node executable (a path or a name on the PATH)
 * @param smartSession which SmartSession module the chain runs (ours by default)
 */
public record DevnetConfig(Path dir, int port, long chainId, boolean bundler, Path projectDir, Path anvil,
                           String node, SmartSessionBuild smartSession) {

    public static final long DEFAULT_CHAIN_ID = 31337;

    public DevnetConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(smartSession, "smartSession");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1..65535, not " + port);
        }
        if (chainId <= 0) {
            throw new IllegalArgumentException("chain id must be positive, not " + chainId);
        }
    }

    /**
     * Defaults for {@code dir}: free port, chain 31337, bundler on; the project directory from the system property
     * {@code latchkey.projectDir}, else {@code LATCHKEY_HOME}, else the working directory; anvil from
     * {@code LATCHKEY_ANVIL} and Node from {@code LATCHKEY_NODE} when set.
     */
    public static DevnetConfig defaults(Path dir) {
        String project = System.getProperty("latchkey.projectDir", System.getenv("LATCHKEY_HOME"));
        String anvil = System.getenv("LATCHKEY_ANVIL");
        String node = System.getenv("LATCHKEY_NODE");
        return new DevnetConfig(dir, 0, DEFAULT_CHAIN_ID, true,
                Path.of(project == null || project.isBlank() ? "." : project).toAbsolutePath().normalize(),
                anvil == null || anvil.isBlank() ? null : Path.of(anvil),
                node == null || node.isBlank() ? "node" : node, SmartSessionBuild.LATCHKEY);
    }

    public DevnetConfig withPort(int newPort) {
        return new DevnetConfig(dir, newPort, chainId, bundler, projectDir, anvil, node, smartSession);
    }

    public DevnetConfig withChainId(long newChainId) {
        return new DevnetConfig(dir, port, newChainId, bundler, projectDir, anvil, node, smartSession);
    }

    public DevnetConfig withBundler(boolean on) {
        return new DevnetConfig(dir, port, chainId, on, projectDir, anvil, node, smartSession);
    }

    public DevnetConfig withAnvil(Path binary) {
        return new DevnetConfig(dir, port, chainId, bundler, projectDir, binary, node, smartSession);
    }

    public DevnetConfig withNode(String executable) {
        return new DevnetConfig(dir, port, chainId, bundler, projectDir, anvil, executable, smartSession);
    }

    public DevnetConfig withSmartSession(SmartSessionBuild build) {
        return new DevnetConfig(dir, port, chainId, bundler, projectDir, anvil, node, build);
    }

    /** Where {@code latchkey devnet up} keeps its state and manifest unless told otherwise: {@code ~/.latchkey/devnet}. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".latchkey", "devnet");
    }

    /** node_modules of the project. */
    public Path nodeModules() {
        return projectDir.resolve("node_modules");
    }

    /** The anvil binary to run: the configured one, or the one npm installed for this platform. */
    public Path anvilBinary() {
        if (anvil != null) {
            return anvil;
        }
        String os = System.getProperty("os.name").toLowerCase();
        String platform = os.contains("win") ? "win32" : os.contains("mac") ? "darwin" : "linux";
        String arch = System.getProperty("os.arch").matches("aarch64|arm64") ? "arm64" : "amd64";
        return nodeModules().resolve("@foundry-rs").resolve("anvil-" + platform + "-" + arch).resolve("bin")
                .resolve(platform.equals("win32") ? "anvil.exe" : "anvil");
    }
}
