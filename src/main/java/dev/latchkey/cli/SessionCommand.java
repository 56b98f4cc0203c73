package dev.latchkey.cli;

import picocli.CommandLine.Command;

/** {@code latchkey session ...}: offline session tooling. */
@Command(name = "session", mixinStandardHelpOptions = true, description = "Smart Sessions: inspect encodings and hashes.",
        subcommands = {SessionInspectCommand.class})
public final class SessionCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
