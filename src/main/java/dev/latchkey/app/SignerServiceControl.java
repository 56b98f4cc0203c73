package dev.latchkey.app;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.signer.SignerService;
import dev.latchkey.ui.status.SignerControl;
import dev.latchkey.ui.status.SignerMode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The status bar's pause switch over the real background signer: pause stops the automation engine and then the
 * signer's threads (signed operations stay in the journal), resume starts the signer again, which resumes every open
 * journal row first, then a fresh engine. Locked whenever the wallet is.
 */
final class SignerServiceControl implements SignerControl {

    private final SignerService service;
    private final BooleanSupplier unlocked;
    private final Runnable stopAutomations;
    private final Runnable startAutomations;
    private final List<Consumer<SignerMode>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean paused;

    SignerServiceControl(SignerService service, BooleanSupplier unlocked) {
        this(service, unlocked, () -> { }, () -> { });
    }

    SignerServiceControl(SignerService service, BooleanSupplier unlocked, Runnable stopAutomations, Runnable startAutomations) {
        this.service = Objects.requireNonNull(service);
        this.unlocked = Objects.requireNonNull(unlocked);
        this.stopAutomations = Objects.requireNonNull(stopAutomations);
        this.startAutomations = Objects.requireNonNull(startAutomations);
        service.addListener(state -> publish());
    }

    @Override
    public SignerMode mode() {
        if (!unlocked.getAsBoolean()) {
            return SignerMode.LOCKED;
        }
        if (paused) {
            return SignerMode.PAUSED;
        }
        return service.state().running() ? SignerMode.RUNNING : SignerMode.OFF;
    }

    @Override
    public synchronized void pause() {
        if (mode() != SignerMode.RUNNING) {
            return;
        }
        paused = true;
        stopAutomations.run();
        service.stop();
        publish();
    }

    @Override
    public synchronized void resume() throws KeystoreException {
        if (!paused) {
            return;
        }
        if (!unlocked.getAsBoolean()) {
            throw new IllegalStateException("the wallet is locked");
        }
        service.start();
        startAutomations.run();
        paused = false;
        publish();
    }

    @Override
    public AutoCloseable subscribe(Consumer<SignerMode> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void publish() {
        SignerMode mode = mode();
        listeners.forEach(listener -> listener.accept(mode));
    }
}
