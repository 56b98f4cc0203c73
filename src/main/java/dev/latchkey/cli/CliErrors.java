package dev.latchkey.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.chain.RpcException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * How the command line reports what a command did not handle itself: a usage error (unknown option, a missing
 * required option, a value picocli cannot convert) is one line plus where to find the usage, exit 2 (docs/cli.md);
 * an RPC failure that escaped a command is a network failure, exit 5; anything else one line, exit 1. Never a stack
 * trace. With {@code --json} among the arguments the same goes to stdout as {@code {"error": KIND, "message": …}}.
 */
final class CliErrors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

    static final int EXIT_USAGE = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private CliErrors() {
    }

    /** The {@code latchkey} command line with these handlers: the one entry point (Launcher, tests). */
    static CommandLine commandLine() {
        CliErrors errors = new CliErrors();
        return new CommandLine(new LatchkeyCommand()).setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        String message = oneLine(e.getMessage());
        PrintWriter err = cmd.getErr();
        err.println(name + ": " + message);
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + name + " --help' for the options.");
        err.flush();
        json(cmd, args, "Usage", message);
        return EXIT_USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        String name = cmd.getCommandSpec().qualifiedName();
        boolean network = e instanceof RpcException;
        String message = network ? oneLine(e.getMessage())
                : "unexpected error (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()))
                        + "); nothing further was done — please report it";
        cmd.getErr().println(name + ": " + message);
        cmd.getErr().flush();
        json(cmd, parsed.originalArgs().toArray(String[]::new), network ? "Network" : "Internal", message);
        return network ? ChainCommand.EXIT_NETWORK : ChainCommand.EXIT_ERROR;
    }

    private static void json(CommandLine cmd, String[] args, String kind, String message) {
        if (args == null || Arrays.stream(args).noneMatch("--json"::equals)) return;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", kind);
        out.put("message", message);
        try {
            cmd.getOut().println(JSON.writeValueAsString(out));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ignored) {
            // two strings always serialise
        }
        cmd.getOut().flush();
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return t.length() > 500 ? t.substring(0, 500) + "…" : t;
    }
}
