package dev.latchkey.ui.status;

import dev.latchkey.ui.common.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Ticker} fired by hand: {@link #tick()} runs every repetition that has not been closed. */
public final class ManualTicker implements Ticker {

    private final List<Runnable> tasks = new ArrayList<>();
    private final List<Duration> intervals = new ArrayList<>();

    @Override
    public Repeating every(Duration interval, Runnable task) {
        tasks.add(task);
        intervals.add(interval);
        return () -> tasks.remove(task);
    }

    public void tick() {
        List.copyOf(tasks).forEach(Runnable::run);
    }

    public int active() {
        return tasks.size();
    }

    public List<Duration> intervals() {
        return intervals;
    }
}
