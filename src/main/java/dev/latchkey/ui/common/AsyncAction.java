package dev.latchkey.ui.common;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A command whose work runs off the FX thread (Argon2, RPC). It exposes {@code running}, {@code progress} (-1 =
 * indeterminate), {@code message} and {@code error} for the view to bind; every property changes, and every
 * callback runs, on the {@link FxExecutor}. One run at a time: {@link #run} while running is ignored.
 *
 * <p>Not a {@code javafx.concurrent.Task}, so that view models using it are unit-testable without the toolkit.
 */
public final class AsyncAction {

    /** Work done in the background; it may report progress. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** Progress reporting from the background thread; safe to call from any thread. */
    @FunctionalInterface
    public interface Progress {
        /** {@code fraction} in 0..1, or negative for "busy, unknown how long". */
        void update(double fraction, String message);
    }

    private final Executor background;
    private final FxExecutor fx;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Throwable> error = new ReadOnlyObjectWrapper<>(this, "error");

    public AsyncAction(Executor background, FxExecutor fx) {
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
    }

    /**
     * Starts {@code work} in the background unless a run is in progress; on the FX executor afterwards either
     * {@code onSuccess} gets the result or {@code error} is set and {@code onFailure} gets the exception.
     *
     * @return whether the work was started
     */
    public <T> boolean run(Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        if (running.get()) {
            return false;
        }
        running.set(true);
        error.set(null);
        progress.set(-1);
        message.set("");
        Progress reporter = (fraction, text) -> fx.execute(() -> {
            progress.set(fraction);
            message.set(text == null ? "" : text);
        });
        try {
            background.execute(() -> {
                try {
                    T result = work.call(reporter);
                    fx.execute(() -> finish(null, () -> onSuccess.accept(result)));
                } catch (Throwable e) {
                    fx.execute(() -> finish(e, () -> onFailure.accept(e)));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the app is shutting down: nothing runs any more, and nothing is reported
            running.set(false);
            return false;
        }
        return true;
    }

    private void finish(Throwable failure, Runnable callback) {
        running.set(false);
        progress.set(failure == null ? 1 : 0);
        error.set(failure);
        callback.run();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
