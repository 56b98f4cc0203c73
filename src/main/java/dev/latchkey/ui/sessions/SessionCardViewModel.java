package dev.latchkey.ui.sessions;

import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.Formats;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/** One session card: its fixed facts, a countdown to expiry, and revoke with an inline confirmation. */
public final class SessionCardViewModel implements Activatable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final SessionCard card;
    private final Consumer<SessionCard> revoke;
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private final BooleanProperty confirming = new SimpleBooleanProperty(this, "confirming", false);

    private final Consumer<SessionCard> renew;
    private final Consumer<SessionCard> share;

    SessionCardViewModel(SessionCard card, long now, Consumer<SessionCard> revoke) {
        this(card, now, revoke, c -> { });
    }

    SessionCardViewModel(SessionCard card, long now, Consumer<SessionCard> revoke, Consumer<SessionCard> renew) {
        this(card, now, revoke, renew, c -> { });
    }

    SessionCardViewModel(SessionCard card, long now, Consumer<SessionCard> revoke, Consumer<SessionCard> renew,
                         Consumer<SessionCard> share) {
        this.card = card;
        this.revoke = revoke;
        this.renew = renew;
        this.share = share;
        tick(now);
    }

    /** Opens "Share with a server…" for this session. */
    public void onShare() {
        if (shareable()) {
            share.accept(card);
        }
    }

    /** Live, approved and not shared yet. */
    public boolean shareable() {
        return card.shareable();
    }

    /** "Shared with rack-1 — its rules run there", or empty. */
    public String sharedWith() {
        return card.sharedWith().map(s -> "Shared with " + s + " — a server signs with this session until you revoke it").orElse("");
    }

    static String when(long epochSecond) {
        return WHEN.format(Instant.ofEpochSecond(epochSecond));
    }

    /** A new session with the same scope, for the owner's one approval (the approve screen opens). */
    public void onRenew() {
        renew.accept(card);
    }

    public SessionCard card() {
        return card;
    }

    public String title() {
        return card.label();
    }

    public String id() {
        return card.permissionId().hex();
    }

    public String shortId() {
        return Formats.shortHex(card.permissionId().hex());
    }

    public SessionCard.Status status() {
        return card.status();
    }

    public String validity() {
        return "Valid " + WHEN.format(Instant.ofEpochSecond(card.validAfter())) + " to "
                + WHEN.format(Instant.ofEpochSecond(card.validUntil()));
    }

    /** "347 of 350 operations left", or empty when the session has no usage limit. */
    public String usesLeft() {
        return card.operations().map(m -> m.left() + " of " + m.limit() + " operations left").orElse("No operation limit");
    }

    public List<SessionCard.Meter> meters() {
        return card.meters();
    }

    public String actions() {
        return String.join("  ·  ", card.actions());
    }

    public String problem() {
        return card.problem().orElse("");
    }

    public boolean revocable() {
        return card.status().live();
    }

    /** Recomputes the countdown for chain time {@code now}. */
    void tick(long now) {
        countdown.set(switch (card.status()) {
            case REVOKED -> "Revoked";
            case REVOKING -> "Revocation in progress";
            case EXPIRED -> "Expired " + WHEN.format(Instant.ofEpochSecond(card.validUntil()));
            default -> now >= card.validUntil() ? "Expired"
                    : now < card.validAfter() ? "Starts in " + Formats.duration(card.validAfter() - now)
                    : "Expires in " + Formats.duration(card.validUntil() - now);
        });
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    /** Whether the inline "Revoke this session?" confirmation is showing. */
    public BooleanProperty confirmingProperty() {
        return confirming;
    }

    public void onRevoke() {
        confirming.set(true);
    }

    public void onCancelRevoke() {
        confirming.set(false);
    }

    public void onConfirmRevoke() {
        confirming.set(false);
        revoke.accept(card);
    }

    @Override
    public void activate() {
    }

    @Override
    public void deactivate() {
    }
}
