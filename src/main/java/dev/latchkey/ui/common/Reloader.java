package dev.latchkey.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reloads a screen's data in the background, at most one load at a time: a request while a load runs is remembered
 * and served by one more load afterwards, so bursts of change notifications cost at most two loads. Call on the FX
 * executor.
 *
 * @param <T> what a load returns
 */
public final class Reloader<T> {

    private final AsyncAction action;
    private final Supplier<AsyncAction.Work<T>> load;
    private final Consumer<? super T> apply;
    private final Consumer<? super Throwable> fail;
    private boolean again;

    /**
     * @param load called on the FX executor at the start of each load: it captures the inputs (property values) and
     *             returns the work to run in the background with them
     */
    public Reloader(AsyncAction action, Supplier<AsyncAction.Work<T>> load, Consumer<? super T> apply,
                    Consumer<? super Throwable> fail) {
        this.action = Objects.requireNonNull(action);
        this.load = Objects.requireNonNull(load);
        this.apply = Objects.requireNonNull(apply);
        this.fail = Objects.requireNonNull(fail);
    }

    public void request() {
        if (action.isRunning()) {
            again = true;
            return;
        }
        again = false;
        action.run(load.get(), result -> {
            apply.accept(result);
            serveAgain();
        }, failure -> {
            fail.accept(failure);
            serveAgain();
        });
    }

    private void serveAgain() {
        if (again) {
            request();
        }
    }

    public AsyncAction action() {
        return action;
    }
}
