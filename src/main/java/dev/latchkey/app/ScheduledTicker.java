package dev.latchkey.app;

import dev.latchkey.ui.common.Ticker;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The app's {@link Ticker}: fixed-delay repetition on one shared scheduler thread (tasks only hand work over). */
final class ScheduledTicker implements Ticker {

    private final ScheduledExecutorService scheduler;

    ScheduledTicker(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Repeating every(Duration interval, Runnable task) {
        long millis = interval.toMillis();
        ScheduledFuture<?> future = scheduler.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
