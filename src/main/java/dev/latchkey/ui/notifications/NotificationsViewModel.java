package dev.latchkey.ui.notifications;

import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The app's notifications (bottom right of the window): a trade's progress and result, a revocation. Newest first;
 * at most {@link #MAX} are kept, dropping the oldest finished one first. Successes and notes go away by themselves
 * after {@link #LINGER}; errors stay until closed (a refusal's reason must be read); progress stays until replaced.
 * Change it on the FX thread (the view models that post here already are).
 */
public final class NotificationsViewModel implements Activatable {

    public static final int MAX = 5;
    public static final Duration LINGER = Duration.ofSeconds(8);

    /** What a notification says about its work. */
    public enum Kind { PROGRESS, SUCCESS, ERROR, INFO }

    /** One notification; {@code id} stays the same while its work progresses. */
    public record Notification(long id, Kind kind, String title, String text) {
        public Notification {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(title);
            text = text == null ? "" : text;
        }
    }

    private final ObservableList<Notification> items = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would drop its listeners with the wrapper (weak). */
    private final ObservableList<Notification> itemsReadOnly = FXCollections.unmodifiableObservableList(items);
    private final InstantSource clock;
    private final Map<Long, Instant> shownAt = new HashMap<>();
    private long next = 1;

    /** {@code ticker} checks once a second, off the FX thread, for notifications that may go. */
    public NotificationsViewModel(Ticker ticker, InstantSource clock, FxExecutor fx) {
        this.clock = Objects.requireNonNull(clock);
        ticker.every(Duration.ofSeconds(1), () -> fx.execute(this::expire));
    }

    /** Removes successes and notes shown longer than {@link #LINGER} ago. */
    void expire() {
        Instant cutoff = clock.instant().minus(LINGER);
        items.removeIf(n -> (n.kind() == Kind.SUCCESS || n.kind() == Kind.INFO) && shownAt.getOrDefault(n.id(), Instant.MAX).isBefore(cutoff));
        shownAt.keySet().removeIf(id -> items.stream().noneMatch(n -> n.id() == id));
    }

    /** Shows a new notification and returns its id, for {@link #update}. */
    public long show(Kind kind, String title, String text) {
        long id = next++;
        shownAt.put(id, clock.instant());
        items.add(0, new Notification(id, kind, title, text));
        trim();
        return id;
    }

    /** Replaces notification {@code id} (or shows it again if it was dismissed meanwhile). */
    public void update(long id, Kind kind, String title, String text) {
        Notification n = new Notification(id, kind, title, text);
        shownAt.put(id, clock.instant()); // a result lingers from when it arrived
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id() == id) {
                items.set(i, n);
                return;
            }
        }
        items.add(0, n);
        trim();
    }

    public void dismiss(long id) {
        items.removeIf(n -> n.id() == id);
    }

    public ObservableList<Notification> items() {
        return itemsReadOnly;
    }

    private void trim() {
        while (items.size() > MAX) {
            int drop = items.size() - 1;
            for (int i = items.size() - 1; i >= 0; i--) {
                if (items.get(i).kind() != Kind.PROGRESS) {
                    drop = i;
                    break;
                }
            }
            items.remove(drop);
        }
    }

    @Override
    public void activate() {
    }

    @Override
    public void deactivate() {
    }
}
