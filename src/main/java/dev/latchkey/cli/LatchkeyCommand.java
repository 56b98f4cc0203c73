package dev.latchkey.cli;

import picocli.CommandLine.Command;

/** The {@code latchkey} command line: headless access to what the wallet can do. */
@Command(
        name = "latchkey",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Latchkey: a desktop wallet for ERC-7579 smart accounts with Smart Sessions.",
        subcommands = {ContractsCommand.class, NetworkCommand.class, WalletCommand.class, AccountCommand.class, SessionCommand.class, TradeCommand.class,
                SignerCommand.class, AutomationCommand.class, AgentCommand.class, UserOpCommand.class, DevnetCommand.class},
        usageHelpAutoWidth = true)
public final class LatchkeyCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The command line as the program runs it: usage errors exit 2 in one line, nothing prints a stack trace ({@link CliErrors}). */
    public static picocli.CommandLine commandLine() {
        return CliErrors.commandLine();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
