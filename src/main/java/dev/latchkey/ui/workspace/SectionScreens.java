package dev.latchkey.ui.workspace;

import dev.latchkey.ui.common.View;
import dev.latchkey.ui.shell.Section;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Parent;

/**
 * The shell's content per navigation section: each screen is built on first visit and kept (its state survives
 * switching away); the visible screen's view model is activated, the one left is deactivated. Sections without a
 * screen here keep the shell's placeholder.
 */
public final class SectionScreens {

    private final Map<Section, Supplier<? extends View<?>>> factories = new EnumMap<>(Section.class);
    private final Map<Section, View<?>> built = new EnumMap<>(Section.class);
    private View<?> active;

    public SectionScreens add(Section section, Supplier<? extends View<?>> factory) {
        factories.put(section, factory);
        return this;
    }

    /** Switches to {@code section}; returns its screen, or empty when it has none (the placeholder stays). */
    public Optional<Parent> show(Section section) {
        deactivate();
        Supplier<? extends View<?>> factory = factories.get(section);
        if (factory == null) {
            return Optional.empty();
        }
        View<?> view = built.computeIfAbsent(section, s -> factory.get());
        active = view;
        view.viewModel().activate();
        return Optional.of(view.root());
    }

    /** The screen of {@code section} if it was built (tests and screenshots reach its view model through it). */
    public Optional<View<?>> screen(Section section) {
        return Optional.ofNullable(built.get(section));
    }

    /** Leaving the shell (lock): the visible screen stops listening. */
    public void deactivate() {
        if (active != null) {
            active.viewModel().deactivate();
            active = null;
        }
    }
}
