package dev.latchkey.ui.common;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * Where view-model state may change: the FX application thread in the app, the calling thread in unit tests.
 * View models receive one instead of calling {@code Platform.runLater} so they stay testable without a toolkit.
 */
@FunctionalInterface
public interface FxExecutor extends Executor {

    /** Runs on the FX thread: at once when already there, otherwise queued with {@code Platform.runLater}. */
    static FxExecutor platform() {
        return task -> {
            if (Platform.isFxApplicationThread()) {
                task.run();
            } else {
                Platform.runLater(task);
            }
        };
    }

    /** Runs on the calling thread (tests, and code that is already on the right thread). */
    static FxExecutor direct() {
        return Runnable::run;
    }
}
