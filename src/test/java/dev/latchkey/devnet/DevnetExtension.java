package dev.latchkey.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one devnet per test run: started on first use in a temporary directory, shared by every test class
 * that uses this extension, stopped (and its directory deleted) when the run ends. Inject it as a {@link Devnet}
 * parameter of a test or lifecycle method.
 */
public final class DevnetExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DevnetExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Devnet.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedDevnet.class, key -> SharedDevnet.start(), SharedDevnet.class).devnet();
    }

    /** The shared devnet and its directory; JUnit closes it when the root context closes. */
    record SharedDevnet(Devnet devnet, Path dir) implements AutoCloseable {

        static SharedDevnet start() {
            try {
                Path dir = Files.createTempDirectory("latchkey-devnet-");
                Devnet devnet = Devnet.start(DevnetConfig.defaults(dir),
                        message -> System.err.println("[devnet] " + message));
                return new SharedDevnet(devnet, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            devnet.close();
            if (!Boolean.getBoolean("latchkey.devnet.keep")) {
                deleteRecursively(dir);
            }
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("[devnet] could not delete " + dir + ": " + e.getMessage());
        }
    }
}
