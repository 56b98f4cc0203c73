package dev.latchkey.ui;

import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.WalletSession;
import java.nio.file.Path;
import java.time.InstantSource;

/** Real keystores with cheap Argon2 cost, passed explicitly (never sniffed from the environment). */
public final class TestWalletSessions {

    public static final KdfParams CHEAP = new KdfParams(8 * 1024, 1, 1);
    public static final KdfPolicy POLICY = new KdfPolicy(CHEAP, CHEAP, KdfParams.CEILING);
    public static final String PASSWORD = "Correct-Horse-42-battery";

    private TestWalletSessions() {
    }

    public static WalletSession session(Path directory, InstantSource clock) {
        return new WalletSession(directory, POLICY, () -> CHEAP, clock);
    }

    /** Notifications that never expire on their own (their ticker is never fired). */
    public static dev.latchkey.ui.notifications.NotificationsViewModel notifications() {
        return new dev.latchkey.ui.notifications.NotificationsViewModel(new dev.latchkey.ui.status.ManualTicker(),
                java.time.Clock.systemUTC(), FxExecutor.direct());
    }

    /** Runs the work and its callbacks on the calling thread: view-model tests need no toolkit and no waiting. */
    public static AsyncAction synchronous() {
        return new AsyncAction(Runnable::run, FxExecutor.direct());
    }
}
