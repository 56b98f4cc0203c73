package dev.latchkey.ui.common;

/**
 * Tells screens that wallet state may have changed (a signer decision, an inclusion, a revocation), so they reload.
 * Listeners run on a background thread: hand over to the FX thread, do not block.
 */
@FunctionalInterface
public interface ChangeFeed {

    /** Starts notifying {@code listener}; closing the handle stops it. */
    Subscription subscribe(Runnable listener);

    /** A started subscription; {@link #close()} never throws. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** A feed that never fires. */
    ChangeFeed NONE = listener -> () -> { };
}
