package dev.latchkey.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;

/**
 * Loads {@code XView.fxml} (next to {@code XView.class}, no {@code fx:controller} attribute) with a controller the
 * caller constructs, so views get their view model through the constructor: no reflection-based injection.
 */
public final class ViewFactory {

    /** Loads the FXML of {@code type} with the controller from {@code controller}; FXML fields are then injected. */
    public <V extends View<?>> V load(Class<V> type, Supplier<? extends V> controller) {
        URL fxml = type.getResource(type.getSimpleName() + ".fxml");
        if (fxml == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + ".fxml next to " + type.getName());
        }
        V view = controller.get();
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setController(view);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
        return view;
    }
}
