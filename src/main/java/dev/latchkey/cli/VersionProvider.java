package dev.latchkey.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version stamped into the jar manifest, or "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = LatchkeyCommand.class.getPackage().getImplementationVersion();
        return new String[] {"latchkey " + (version == null ? "development build" : version)};
    }
}
