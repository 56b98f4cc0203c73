package dev.latchkey.ui.status;

import java.util.function.Consumer;

/**
 * Port: the background signer's state and the pause switch. {@link #pause()} and {@link #resume()} may block while
 * the signer winds down or resumes its journal, so the status bar calls them from a background thread.
 */
public interface SignerControl {

    SignerMode mode();

    /** Stops signing new intents; what was already signed is kept in the journal and followed after resume. */
    void pause() throws Exception;

    /** Signs again; no effect unless paused. */
    void resume() throws Exception;

    /**
     * Calls {@code listener} with the new mode after every change, on any thread.
     *
     * @return closing it removes the listener
     */
    AutoCloseable subscribe(Consumer<SignerMode> listener);
}
