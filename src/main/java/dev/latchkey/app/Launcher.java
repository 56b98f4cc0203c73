package dev.latchkey.app;

import dev.latchkey.cli.LatchkeyCommand;
import javafx.application.Application;

/**
 * Entry point of the {@code latchkey} program: without arguments (or with only {@code --smoke}) it starts the
 * desktop app; with any other arguments it runs the command line exactly as before.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Decided here, not by LatchkeyApp: touching that class loads JavaFX, which the headless agent must never do.
        if (java.util.Arrays.stream(args).allMatch("--smoke"::equals)) {
            Application.launch(LatchkeyApp.class, args);
            return;
        }
        int exit = LatchkeyCommand.commandLine().execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
