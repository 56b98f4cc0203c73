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
        CommandLine cli = new CommandLine(new LatchkeyCommand());
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
        assertThat(run.err()).contains("Unmatched argument").contains("frobnicate").containsAnyOf("Usage:", "Did you mean");
        // picocli prints a suggestion instead of the usage when a subcommand looks similar
        Run close = run("sesion");
        assertThat(close.exit()).isEqualTo(2);
        assertThat(close.err()).contains("Unmatched argument").contains("Did you mean").contains("session");
    }
}
