package dev.latchkey.ui.status;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A signer that only keeps its mode; pause/resume can be told to fail. */
public final class FakeSignerControl implements SignerControl {

    private volatile SignerMode mode;
    private final List<Consumer<SignerMode>> listeners = new CopyOnWriteArrayList<>();
    volatile String failWith;
    int pauses;
    int resumes;

    public FakeSignerControl(SignerMode mode) {
        this.mode = mode;
    }

    @Override
    public SignerMode mode() {
        return mode;
    }

    @Override
    public void pause() {
        pauses++;
        if (failWith != null) {
            throw new IllegalStateException(failWith);
        }
        mode = SignerMode.PAUSED;
    }

    @Override
    public void resume() {
        resumes++;
        if (failWith != null) {
            throw new IllegalStateException(failWith);
        }
        mode = SignerMode.RUNNING;
    }

    /** The signer changes on its own (wallet locked, signer started): listeners hear it. */
    void become(SignerMode next) {
        mode = next;
        listeners.forEach(l -> l.accept(next));
    }

    int listeners() {
        return listeners.size();
    }

    @Override
    public AutoCloseable subscribe(Consumer<SignerMode> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
