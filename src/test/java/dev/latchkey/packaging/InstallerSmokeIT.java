package dev.latchkey.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The installer, end to end (runs in {@code mvn verify} after {@code package}): {@code packaging/build.sh} builds
 * the .deb from the packaged jar, {@code packaging/smoke-deb.sh} unpacks it with {@code dpkg -x} into a scratch root
 * and starts the installed launcher under Xvfb with {@code --smoke}. Then the unpacked tree is checked: package
 * metadata, the command line through the same launcher, and the bundled runtime talking JSON-RPC with the app's
 * own client. On CI ({@code CI=true}) missing tools fail the build; elsewhere the test is skipped with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstallerSmokeIT {

    private final Path project = Path.of(System.getProperty("latchkey.projectDir", ".")).toAbsolutePath();
    private final Path javaHome = Path.of(System.getProperty("java.home"));
    private final Path out = project.resolve("target/package");
    private final Path root = out.resolve("smoke-root");
    private final Path installed = root.resolve("opt/latchkey");
    private Path deb;
    private Result smoke;

    @BeforeAll
    void buildInstallAndLaunch() throws Exception {
        requireTools();
        Result build = run(List.of("packaging/build.sh", "--skip-maven"), Map.of(), 600);
        assertThat(build.status()).as("packaging/build.sh failed:%n%s", build.output()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            deb = files.filter(p -> p.getFileName().toString().matches("latchkey_.*_amd64\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no .deb in " + out + ":\n" + build.output()));
        }
        smoke = run(List.of("packaging/smoke-deb.sh", deb.toString(), root.toString()), Map.of(), 180);
    }

    @Test
    void installedLauncherShowsTheFirstWindowAndExitsZero() {
        assertThat(smoke.status()).as(smoke.output()).isZero();
        assertThat(smoke.output()).contains("latchkey: first window shown");
    }

    @Test
    void packageMetadataAndInstalledLayout() throws Exception {
        Result control = run(List.of("dpkg-deb", "-f", deb.toString(), "Package", "Version", "Depends"), Map.of(), 30);
        assertThat(control.output()).contains("Package: latchkey", "Version: 0.1.0").containsPattern("Depends: .*libgtk-3-0");

        Path runtime = installed.resolve("lib/runtime");
        assertThat(installed.resolve("bin/Latchkey")).isExecutable();
        assertThat(installed.resolve("lib/app/latchkey.jar")).isRegularFile();
        assertThat(installed.resolve("lib/Latchkey.png")).isRegularFile();
        // JavaFX's natives sit with the runtime's own libraries, not inside the module image (nor extracted at run time)
        assertThat(runtime.resolve("lib/libglass.so")).isRegularFile();
        assertThat(runtime.resolve("lib/libprism_sw.so")).isRegularFile();
        // a runtime, not a JDK: no compiler, no jlink
        assertThat(runtime.resolve("bin/javac")).doesNotExist();
        assertThat(runtime.resolve("bin/jlink")).doesNotExist();
        // the JavaFX jars are modules of the runtime, so none is on the class path
        try (Stream<Path> jars = Files.list(installed.resolve("lib/app"))) {
            assertThat(jars.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("javafx-"));
        }
        Result modules = run(List.of(runtime.resolve("bin/java").toString(), "--list-modules"), Map.of(), 60);
        assertThat(modules.output()).contains("javafx.controls@", "javafx.fxml@", "java.net.http@", "java.sql@",
                "jdk.crypto.ec@").doesNotContain("jdk.compiler@");
    }

    @Test
    void installedLauncherWithArgumentsIsTheCommandLine() throws Exception {
        Result version = run(List.of(installed.resolve("bin/Latchkey").toString(), "--version"),
                Map.of("HOME", Files.createTempDirectory("latchkey-cli").toString()), 60);
        assertThat(version.status()).as(version.output()).isZero();
        assertThat(version.output()).contains("latchkey 0.1.0");
    }

    @Test
    void theAgentStartsFromTheInstalledLayoutAndItsUnitVerifiesAgainstIt() throws Exception {
        Path data = Files.createTempDirectory("latchkey-agent");
        Path password = data.resolveSibling(data.getFileName() + ".password");
        Files.writeString(password, "agent-Smoke-Lantern-31\n");
        Map<String, String> env = Map.of("HOME", Files.createTempDirectory("latchkey-agent-home").toString());
        Result keygen = run(List.of(installed.resolve("bin/Latchkey").toString(), "agent", "keygen", "--data", data.resolve("d").toString(),
                "--password-file", password.toString(), "--kdf", "65536,3,1", "--json"), env, 120);
        assertThat(keygen.status()).as(keygen.output()).isZero();
        assertThat(keygen.output()).containsPattern("\"publicKey\":\"x25519:[0-9a-f]{64}\"");
        Result noBundle = run(List.of(installed.resolve("bin/Latchkey").toString(), "agent", "run", "--bundle", data.resolve("none.bundle").toString(),
                "--data", data.resolve("d").toString(), "--password-file", password.toString()), env, 120);
        assertThat(noBundle.status()).as(noBundle.output()).isEqualTo(1);
        assertThat(noBundle.output()).contains("latchkey agent run: no bundle at");
        Path unit = data.resolve("latchkey-agent.service");
        Files.writeString(unit, Files.readString(project.resolve("packaging/systemd/latchkey-agent.service"))
                .replace("/opt/latchkey/bin/Latchkey", installed.resolve("bin/Latchkey").toString()));
        Result verify = run(List.of("systemd-analyze", "verify", unit.toString()), Map.of(), 60);
        assertThat(verify.status()).as(verify.output()).isZero();
        assertThat(verify.output().strip()).isEmpty();
    }

    @Test
    void bundledRuntimeReachesJsonRpcAndHasWhatHttpsNeeds() throws Exception {
        HttpServer rpc = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rpc.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x2a\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        rpc.start();
        try {
            String classPath = installed.resolve("lib/app") + "/*" + java.io.File.pathSeparator
                    + project.resolve("target/test-classes");
            Result probe = run(List.of(installed.resolve("lib/runtime/bin/java").toString(), "-cp", classPath,
                    RuntimeProbe.class.getName(), "http://127.0.0.1:" + rpc.getAddress().getPort()), Map.of(), 60);
            assertThat(probe.status()).as(probe.output()).isZero();
            assertThat(probe.output()).contains("block=42", "tls13=true ecdhe=true")
                    .containsPattern("trustAnchors=[1-9][0-9]{1,}")
                    .contains("java.home=" + installed.resolve("lib/runtime"));
        } finally {
            rpc.stop(0);
        }
    }

    @Test
    void installedDevnetWithoutTheProjectsToolsSaysWhatItNeeds() throws Exception {
        Path elsewhere = Files.createTempDirectory("latchkey-no-tools");
        Result devnet = run(List.of(installed.resolve("bin/Latchkey").toString(), "devnet", "up", "--dir",
                elsewhere.resolve("devnet").toString()), Map.of("HOME", elsewhere.toString(), "LATCHKEY_HOME", ""),
                elsewhere, 60);
        assertThat(devnet.status()).as(devnet.output()).isEqualTo(1);
        assertThat(devnet.output()).contains("devnet up failed: The local devnet needs developer tools",
                "npm ci", "Public networks work without them.").doesNotContain("Exception", "\tat ");
    }

    private void requireTools() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(javaHome.resolve("bin/jpackage")) || !Files.isExecutable(javaHome.resolve("bin/jlink"))) {
            missing.add("jpackage/jlink in " + javaHome);
        }
        for (String tool : List.of("dpkg-deb", "fakeroot", "Xvfb", "systemd-analyze")) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String reason = "the installer smoke check needs " + String.join(", ", missing)
                + " (apt-get install fakeroot dpkg-dev xvfb libgtk-3-0 systemd; a JDK 21+ with jpackage)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason);
        }
        Assumptions.abort(reason);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private record Result(int status, String output) {
    }

    private Result run(List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        return run(command, env, project, timeoutSeconds);
    }

    private Result run(List<String> command, Map<String, String> env, Path directory, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().putAll(env);
        Path log = Files.createTempFile("latchkey-installer", ".log");
        pb.redirectOutput(log.toFile());
        Process process = pb.start();
        boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        System.out.println("$ " + String.join(" ", command) + "\n" + output);
        if (!done) {
            fail(command + " did not finish within " + timeoutSeconds + " s:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }
}
