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
public class DevnetExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DevnetExtension.class);

    /**
     * The same, for a second shared devnet whose SmartSession is the canonical module's bytecode
     * ({@link SmartSessionBuild#MODULEKIT_0_5_9}); policies, validators and the factory are as on the first.
     */
    public static final class CanonicalModule extends DevnetExtension {
        public CanonicalModule() {
            super(SmartSessionBuild.MODULEKIT_0_5_9);
        }
    }

    private final SmartSessionBuild build;

    public DevnetExtension() {
        this(SmartSessionBuild.LATCHKEY);
    }

    DevnetExtension(SmartSessionBuild build) {
        this.build = build;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Devnet.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(build, key -> SharedDevnet.start(build), SharedDevnet.class).devnet();
    }

    /** The shared devnet and its directory; JUnit closes it when the root context closes. */
    record SharedDevnet(Devnet devnet, Path dir) implements AutoCloseable {

        static SharedDevnet start(SmartSessionBuild build) {
            try {
                Path dir = Files.createTempDirectory("latchkey-devnet-");
                String tag = build == SmartSessionBuild.LATCHKEY ? "[devnet] " : "[devnet " + build.option() + "] ";
                Devnet devnet = Devnet.start(DevnetConfig.defaults(dir).withSmartSession(build),
                        message -> System.err.println(tag + message));
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
