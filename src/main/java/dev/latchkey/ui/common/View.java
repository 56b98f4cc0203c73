package dev.latchkey.ui.common;

import javafx.scene.Parent;

/**
 * One screen's FXML controller. It binds nodes to its view model and forwards events; it holds no logic.
 *
 * @param <VM> the view model it shows
 */
public interface View<VM extends Activatable> {

    /** The loaded FXML root. */
    Parent root();

    VM viewModel();
}
