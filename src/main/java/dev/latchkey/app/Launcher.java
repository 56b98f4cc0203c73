package dev.latchkey.app;

import dev.latchkey.cli.LatchkeyCommand;
import picocli.CommandLine;

/** Entry point of the {@code latchkey} program; the composition root will grow here. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new LatchkeyCommand()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
