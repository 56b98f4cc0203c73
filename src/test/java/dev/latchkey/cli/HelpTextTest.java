package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} renders without picocli warnings: descriptions are format strings, so a bare
 * {@code %} ("0.5% or 50bps") made picocli print "[picocli WARN] Could not format …" three times (issue 15).
 */
class HelpTextTest {

    @Test
    void everyHelpRendersWithoutWarningsAndKeepsItsPercentSigns() {
        List<CommandLine> all = new ArrayList<>();
        collect(LatchkeyCommand.commandLine(), all);
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder help = new StringBuilder();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (CommandLine c : all) {
                help.append(c.getUsageMessage(CommandLine.Help.Ansi.OFF));
            }
        } finally {
            System.setErr(before);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).as("picocli warnings").doesNotContain("picocli WARN");
        assertThat(all.size()).as("the whole command tree was walked").isGreaterThan(30);
        CommandLine limit = LatchkeyCommand.commandLine().getSubcommands().get("automation").getSubcommands().get("add")
                .getSubcommands().get("limit-order");
        assertThat(limit.getUsageMessage(CommandLine.Help.Ansi.OFF)).contains("0.5% or 50bps");
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, out));
    }
}
