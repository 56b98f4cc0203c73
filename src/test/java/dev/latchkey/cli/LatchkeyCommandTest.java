package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

class LatchkeyCommandTest {

    private record Run(int exit, String out, String err) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LatchkeyCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void withoutArgumentsPrintsHelpListingTheCommands() {
        Run run = run();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: latchkey").contains("contracts").contains("session").contains("userop");
    }

    @Test
    void contractsListsThePackagedContracts() {
        Run run = run("contracts");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("EntryPoint").contains("bytes");
    }

    @Test
    void unknownCommandIsAClearErrorWithUsage() {
        Run run = run("frobnicate");
        assertThat(run.exit()).isEqualTo(2);
        // picocli prints the usage, or instead a suggestion when some subcommand looks similar enough
        assertThat(run.err()).contains("Unmatched argument").contains("frobnicate").contains("Try 'latchkey --help' for the options.");
        // picocli prints a suggestion instead of the usage when a subcommand looks similar
        Run close = run("sesion");
        assertThat(close.exit()).isEqualTo(2);
        assertThat(close.err()).contains("Unmatched argument").contains("Did you mean").contains("session");
    }

    /** Issue 11: picocli's usage errors exit 2 (docs/cli.md) with one line and the usage hint, never a stack trace. */
    @Test
    void usageErrorsAreOneLineAndTheHintExitTwoNeverAStackTrace() {
        Run unknown = run("wallet", "init", "--bogus-option", "--json");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("latchkey wallet init: Unknown option: '--bogus-option'")
                .contains("Try 'latchkey wallet init --help' for the options.").doesNotContain("Usage:");
        assertThat(unknown.out()).as("--json: the error as JSON too").contains("\"error\":\"Usage\"").contains("--bogus-option");

        Run missing = run("automation", "pause");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("latchkey automation pause: Missing required option: '--rule=ID'")
                .contains("Try 'latchkey automation pause --help'");

        Run bad = run("agent", "run", "--bundle", "b", "--data", "d", "--port", "12x");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("latchkey agent run: ").contains("--port").contains("12x").contains("Try 'latchkey agent run --help'");

        for (Run r : java.util.List.of(unknown, missing, bad)) {
            assertThat(r.err().lines().count()).as(r.err()).isLessThanOrEqualTo(3);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("picocli.");
        }
    }
}
