package dev.latchkey.ui.section;

import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.shell.Section;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A section whose screen is not built yet: it says what the screen will do and which work brings it (never fake
 * data), and may offer the one thing that already works from there (e.g. "New session").
 */
public final class SectionViewModel implements Activatable {

    /** A button the section offers now. */
    public record Command(String label, Runnable run) { }

    private final Section section;
    private final Optional<Command> command;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public SectionViewModel(Section section, Optional<Command> command) {
        this.section = Objects.requireNonNull(section);
        this.command = Objects.requireNonNull(command);
    }

    @Override
    public void activate() { }

    @Override
    public void deactivate() { }

    public void onCommand() {
        message.set("");
        command.ifPresent(c -> c.run().run());
    }

    /** A line under the command: why it could not run, or what it just did. */
    public void showMessage(String text) {
        message.set(text == null ? "" : text);
    }

    public Section section() { return section; }
    public Optional<Command> command() { return command; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
