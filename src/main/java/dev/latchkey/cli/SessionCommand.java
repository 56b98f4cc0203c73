package dev.latchkey.cli;

import picocli.CommandLine.Command;

/** {@code latchkey session ...}: the wallet's sessions, and offline session tooling. */
@Command(name = "session", mixinStandardHelpOptions = true, description = "Smart Sessions: create, approve (enable), list, show and revoke sessions; inspect encodings.",
        subcommands = {SessionCreateCommand.class, SessionCommands.Enable.class, SessionCommands.ListSessions.class,
                SessionCommands.Show.class, SessionCommands.Revoke.class, SessionShareCommand.class, SessionInspectCommand.class})
public final class SessionCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
