package dev.latchkey.ui.trade;

import dev.latchkey.ui.common.Formats;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.notifications.NotificationsViewModel;
import dev.latchkey.ui.notifications.NotificationsViewModel.Kind;
import dev.latchkey.wallet.TradeResult;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A click's notification: "progress" at once, then what the signer decided — included (with the userOpHash and the
 * transaction), refused with its reason, or failed — replacing it on the FX executor.
 */
final class TradeNotices {

    private final NotificationsViewModel notifications;
    private final FxExecutor fx;

    TradeNotices(NotificationsViewModel notifications, FxExecutor fx) {
        this.notifications = notifications;
        this.fx = fx;
    }

    /** Shows {@code title} in progress and follows {@code pending}; {@code done} gets the one-line outcome. */
    void follow(String title, CompletableFuture<TradeResult> pending, Consumer<String> done) {
        long id = notifications.show(Kind.PROGRESS, title, "Handed to the background signer…");
        pending.whenComplete((result, failure) -> fx.execute(() -> {
            if (failure != null) {
                String why = UserMessages.describe(failure);
                notifications.update(id, Kind.ERROR, "Not sent: " + title, why);
                done.accept("Not sent: " + why);
                return;
            }
            switch (result) {
                case TradeResult.Included i -> {
                    String where = "userOp " + Formats.shortHex(i.userOpHash().hex()) + " in tx " + Formats.shortHex(i.transactionHash());
                    if (i.success()) {
                        notifications.update(id, Kind.SUCCESS, "Included: " + title, where);
                        done.accept("Included: " + title + " (" + where + ")");
                    } else {
                        notifications.update(id, Kind.ERROR, "Included but reverted: " + title, where);
                        done.accept("Included but the call reverted: " + title);
                    }
                }
                case TradeResult.Refused r -> {
                    notifications.update(id, Kind.ERROR, "Refused: " + title, r.reason() + " — " + r.message());
                    done.accept("Refused (" + r.reason() + "): " + r.message());
                }
                case TradeResult.Failed f -> {
                    notifications.update(id, Kind.ERROR, "Failed: " + title, f.error());
                    done.accept("Failed: " + f.error());
                }
                case TradeResult.Unconfirmed u -> {
                    notifications.update(id, Kind.INFO, "Not confirmed yet: " + title, TradeResult.Unconfirmed.HEADLINE);
                    done.accept("Not confirmed yet — waiting for the chain. Retrying follows the same operation; it cannot pay twice.");
                }
                case TradeResult.Duplicate d -> {
                    notifications.update(id, Kind.INFO, "Already sent: " + title, "journal state " + d.journalState());
                    done.accept("Already sent (" + d.journalState() + ")");
                }
            }
        }));
    }
}
