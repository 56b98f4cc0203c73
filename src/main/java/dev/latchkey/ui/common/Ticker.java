package dev.latchkey.ui.common;

import java.time.Duration;

/**
 * Runs a task again and again, {@code interval} apart, on a background thread, until the returned handle is closed.
 * View models poll through it instead of owning threads; unit tests pass a ticker they fire by hand.
 */
@FunctionalInterface
public interface Ticker {

    /** Starts repeating {@code task} (the first run after one interval). Closing the handle stops it. */
    Repeating every(Duration interval, Runnable task);

    /** A started repetition; {@link #close()} stops it and never throws. */
    @FunctionalInterface
    interface Repeating extends AutoCloseable {
        @Override
        void close();
    }
}
