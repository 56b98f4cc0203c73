package dev.latchkey.ui.status;

import java.util.List;

/** What the bundler answered when last asked. */
public sealed interface BundlerHealth {

    /** It answered {@code eth_supportedEntryPoints} and lists the EntryPoint the wallet uses. */
    record Healthy(List<String> entryPoints) implements BundlerHealth {
        public Healthy {
            entryPoints = List.copyOf(entryPoints);
        }
    }

    /** It answered, but without the EntryPoint the wallet uses: operations would be refused. */
    record WrongEntryPoint(List<String> entryPoints) implements BundlerHealth {
        public WrongEntryPoint {
            entryPoints = List.copyOf(entryPoints);
        }
    }

    /** It did not answer, or answered with an error. */
    record Unreachable(String reason) implements BundlerHealth {
    }

    /** The network has no bundler configured: operations go out directly (handleOps). */
    record NotConfigured() implements BundlerHealth {
    }
}
