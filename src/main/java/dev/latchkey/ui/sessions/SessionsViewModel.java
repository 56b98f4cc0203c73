package dev.latchkey.ui.sessions;

import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.Reloader;
import dev.latchkey.ui.common.Ticker;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.notifications.NotificationsViewModel;
import dev.latchkey.ui.notifications.NotificationsViewModel.Kind;
import dev.latchkey.ui.common.ChangeFeed;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Sessions: a card per session with status, expiry countdown (chain time, ticking every second), uses left and
 * spend meters read live from the policy contracts; revoke one (inline confirmation) or all ("Revoke all", with
 * confirmation). Reloads when the wallet reports a change (a trade moved a meter).
 */
public final class SessionsViewModel implements Activatable {

    private final SessionsPort port;
    private final AsyncAction revoking;
    private final Ticker ticker;
    private final InstantSource clock;
    private final NotificationsViewModel notifications;
    private final ChangeFeed changes;
    private final FxExecutor fx;
    private final Runnable onBuildSession;
    private final Reloader<SessionsPort.Snapshot> reloader;

    private final ObservableList<SessionCardViewModel> cards = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh wrapper per call would drop its listeners with the wrapper (weak). */
    private final ObservableList<SessionCardViewModel> cardsReadOnly = FXCollections.unmodifiableObservableList(cards);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper anyLive = new ReadOnlyBooleanWrapper(this, "anyLive");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty");
    private final BooleanProperty confirmingRevokeAll = new SimpleBooleanProperty(this, "confirmingRevokeAll");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private final AsyncAction renewing;
    private final java.util.function.Consumer<dev.latchkey.ui.builder.ApprovalRequest> onRenew;
    private final Supplier<AsyncAction> actions;
    private final ObjectProperty<ShareSessionViewModel> sharing = new SimpleObjectProperty<>(this, "sharing");
    private long chainTimeAtLoad;
    private long wallAtLoad;
    private Ticker.Repeating tick;
    private ChangeFeed.Subscription subscription;

    public SessionsViewModel(SessionsPort port, AsyncAction load, AsyncAction revoking, Ticker ticker, InstantSource clock,
                             NotificationsViewModel notifications, ChangeFeed changes, FxExecutor fx, Runnable onBuildSession) {
        this(port, load, revoking, ticker, clock, notifications, changes, fx, onBuildSession, load, r -> { });
    }

    /** {@code renewing} prepares a renewal ({@link SessionsPort#renewal}); {@code onRenew} opens it for approval. */
    public SessionsViewModel(SessionsPort port, AsyncAction load, AsyncAction revoking, Ticker ticker, InstantSource clock,
                             NotificationsViewModel notifications, ChangeFeed changes, FxExecutor fx, Runnable onBuildSession,
                             AsyncAction renewing, java.util.function.Consumer<dev.latchkey.ui.builder.ApprovalRequest> onRenew) {
        this(port, load, revoking, ticker, clock, notifications, changes, fx, onBuildSession, renewing, onRenew, () -> renewing);
    }

    /** {@code actions} gives the share form fresh actions (reading its plan, writing the bundle). */
    public SessionsViewModel(SessionsPort port, AsyncAction load, AsyncAction revoking, Ticker ticker, InstantSource clock,
                             NotificationsViewModel notifications, ChangeFeed changes, FxExecutor fx, Runnable onBuildSession,
                             AsyncAction renewing, java.util.function.Consumer<dev.latchkey.ui.builder.ApprovalRequest> onRenew,
                             Supplier<AsyncAction> actions) {
        this.actions = Objects.requireNonNull(actions);
        this.renewing = Objects.requireNonNull(renewing);
        this.onRenew = Objects.requireNonNull(onRenew);
        this.port = Objects.requireNonNull(port);
        this.revoking = Objects.requireNonNull(revoking);
        this.ticker = Objects.requireNonNull(ticker);
        this.clock = Objects.requireNonNull(clock);
        this.notifications = Objects.requireNonNull(notifications);
        this.changes = Objects.requireNonNull(changes);
        this.fx = Objects.requireNonNull(fx);
        this.onBuildSession = Objects.requireNonNull(onBuildSession);
        this.reloader = new Reloader<>(load, () -> progress -> port.load(), this::show,
                failure -> error.set(UserMessages.describe(failure)));
    }

    @Override
    public void activate() {
        subscription = changes.subscribe(() -> fx.execute(reloader::request));
        tick = ticker.every(Duration.ofSeconds(1), () -> fx.execute(this::tick));
        reloader.request();
    }

    @Override
    public void deactivate() {
        if (tick != null) {
            tick.close();
            tick = null;
        }
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        confirmingRevokeAll.set(false);
        sharing.set(null);
    }

    public void onRefresh() {
        reloader.request();
    }

    public void onBuildSession() {
        onBuildSession.run();
    }

    public void onRevokeAll() {
        if (anyLive.get() && !revoking.isRunning()) {
            confirmingRevokeAll.set(true);
        }
    }

    public void onCancelRevokeAll() {
        confirmingRevokeAll.set(false);
    }

    /** The panic button, confirmed: one owner-signed operation revokes every live session. */
    public void onConfirmRevokeAll() {
        confirmingRevokeAll.set(false);
        long note = notifications.show(Kind.PROGRESS, "Revoking all sessions", "The signer stops using them now.");
        boolean started = revoking.run(port::revokeAll, done -> {
            notifications.update(note, Kind.SUCCESS, "All sessions revoked", done);
            reloader.request();
        }, failure -> {
            notifications.update(note, Kind.ERROR, "Revoke all failed", UserMessages.describe(failure));
            reloader.request();
        });
        if (!started) {
            notifications.update(note, Kind.INFO, "A revocation is already running", "Try again when it has finished.");
        }
    }

    private void renew(SessionCard card) {
        error.set("");
        renewing.run(progress -> port.renewal(card.permissionId()), onRenew,
                failure -> error.set("Cannot renew " + card.label() + ": " + UserMessages.describe(failure)));
    }

    /** Opens the share form for one card (one at a time); a share reloads the cards, so the card says "Shared with". */
    private void share(SessionCard card) {
        error.set("");
        sharing.set(new ShareSessionViewModel(card, port, actions.get(), actions.get(), shared -> {
            notifications.show(Kind.SUCCESS, card.label() + " shared with " + shared.server(), "Bundle written to " + shared.file());
            reloader.request();
        }, () -> sharing.set(null)));
    }

    /** The open share form, or null. */
    public ReadOnlyObjectProperty<ShareSessionViewModel> sharingProperty() {
        return sharing;
    }

    private void revoke(SessionCard card) {
        long note = notifications.show(Kind.PROGRESS, "Revoking " + card.label(), card.permissionId().hex());
        boolean started = revoking.run(progress -> port.revoke(card.permissionId(), progress), done -> {
            notifications.update(note, Kind.SUCCESS, "Session revoked", done);
            reloader.request();
        }, failure -> {
            notifications.update(note, Kind.ERROR, "Revocation failed", UserMessages.describe(failure));
            reloader.request();
        });
        if (!started) {
            notifications.update(note, Kind.INFO, "A revocation is already running", "Try again when it has finished.");
        }
    }

    private void show(SessionsPort.Snapshot s) {
        error.set("");
        chainTimeAtLoad = s.chainTime();
        wallAtLoad = clock.instant().getEpochSecond();
        cards.setAll(s.cards().stream().map(c -> new SessionCardViewModel(c, s.chainTime(), this::revoke, this::renew, this::share)).toList());
        long live = s.cards().stream().filter(c -> c.status().live()).count();
        long expired = s.cards().stream().filter(c -> c.status() == SessionCard.Status.EXPIRED).count();
        long revoked = s.cards().size() - live - expired;
        summary.set(s.cards().isEmpty() ? "No sessions yet."
                : live + " live · " + expired + " expired · " + revoked + " revoked");
        anyLive.set(live > 0);
        empty.set(s.cards().isEmpty());
        if (live == 0) {
            confirmingRevokeAll.set(false);
        }
    }

    private void tick() {
        long now = chainTimeAtLoad + Math.max(0, clock.instant().getEpochSecond() - wallAtLoad);
        cards.forEach(c -> c.tick(now));
    }

    public ObservableList<SessionCardViewModel> cards() {
        return cardsReadOnly;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty anyLiveProperty() {
        return anyLive.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public BooleanProperty confirmingRevokeAllProperty() {
        return confirmingRevokeAll;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public AsyncAction loading() {
        return reloader.action();
    }

    public AsyncAction revoking() {
        return revoking;
    }
}
