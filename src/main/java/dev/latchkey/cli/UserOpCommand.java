package dev.latchkey.cli;

import picocli.CommandLine.Command;

/** {@code latchkey userop ...}: ERC-4337 v0.7 user operation tooling. */
@Command(name = "userop", mixinStandardHelpOptions = true, description = "ERC-4337 v0.7 user operations.",
        subcommands = {UserOpHashCommand.class})
public final class UserOpCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
