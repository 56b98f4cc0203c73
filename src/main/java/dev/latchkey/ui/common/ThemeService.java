package dev.latchkey.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.util.Objects;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.Scene;

/**
 * AtlantaFX Primer light or dark as the user-agent stylesheet, plus the app's own {@code app.css}, which uses only
 * the theme's {@code -color-*} tokens (so dark mode needs no second stylesheet). One instance, owned by the app.
 */
public final class ThemeService {

    /** The themes the app offers. */
    public enum Mode {
        LIGHT(new PrimerLight()), DARK(new PrimerDark());

        private final Theme theme;

        Mode(Theme theme) {
            this.theme = theme;
        }

        public Theme theme() {
            return theme;
        }
    }

    /** The wallet setting that remembers the theme. */
    public static final String SETTING = "ui.theme";

    /** The mode named {@code text} ("LIGHT"/"DARK"), if it is one. */
    public static java.util.Optional<Mode> parse(String text) {
        for (Mode m : Mode.values()) {
            if (m.name().equalsIgnoreCase(text == null ? "" : text.trim())) return java.util.Optional.of(m);
        }
        return java.util.Optional.empty();
    }

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final String APP_CSS = Objects.requireNonNull(ThemeService.class.getResource("/dev/latchkey/ui/app.css"),
            "app.css").toExternalForm();

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.LIGHT);

    public ThemeService(Mode initial) {
        mode.set(Objects.requireNonNull(initial));
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public Mode mode() {
        return mode.get();
    }

    /** Applies the current mode to {@code scene} and keeps it applied when the mode changes. */
    public void attach(Scene scene) {
        apply(scene, mode.get());
        mode.addListener((obs, old, now) -> apply(scene, now));
    }

    private static void apply(Scene scene, Mode mode) {
        Application.setUserAgentStylesheet(mode.theme().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        if (scene.getRoot() != null) {
            scene.getRoot().pseudoClassStateChanged(DARK, mode.theme().isDarkMode());
        }
    }
}
