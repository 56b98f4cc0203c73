package dev.latchkey.ui.common;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one after another, in submission order, on a shared background executor: settings saved as the user
 * types must reach the wallet in the order they were typed, and none may be dropped.
 */
public final class SerialExecutor implements Executor {

    private final Executor backing;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private Runnable active;

    public SerialExecutor(Executor backing) {
        this.backing = Objects.requireNonNull(backing);
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(() -> {
            try {
                task.run();
            } finally {
                next();
            }
        });
        if (active == null) {
            next();
        }
    }

    private synchronized void next() {
        active = tasks.poll();
        if (active != null) {
            backing.execute(active);
        }
    }
}
