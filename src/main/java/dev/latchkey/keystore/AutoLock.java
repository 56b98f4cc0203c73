package dev.latchkey.keystore;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The person's idle timer: after {@code timeout} (default 15 min) without their activity — a key press or click
 * ({@link #recordActivity}), an unlock, an owner-key use — it locks. Session-key signing and automations are not the
 * person and never restart it. {@link Mode#WALLET} zeroes the DEK (the desktop app: its screens lock);
 * {@link Mode#OWNER_KEYS} refuses owner keys until the password is entered again while session keys keep signing
 * ({@code latchkey signer run}; docs/security.md). {@link #check()} is the whole decision; {@link #start} calls it.
 */
public final class AutoLock implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

    /** What running out of idle time locks. */
    public enum Mode { WALLET, OWNER_KEYS }

    private final Mode mode;
    private final Keystore keystore;
    private final Duration timeout;
    private final InstantSource clock;
    private ScheduledFuture<?> task;
    private volatile Instant userActivity = Instant.MIN;

    public AutoLock(Keystore keystore, Duration timeout, InstantSource clock) {
        this(keystore, timeout, clock, Mode.WALLET);
    }

    public AutoLock(Keystore keystore, Duration timeout, InstantSource clock, Mode mode) {
        this.mode = mode;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("auto-lock timeout must be positive, got " + timeout);
        }
        this.keystore = keystore;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The timeout stored in the wallet's settings ({@value Settings#AUTO_LOCK_MINUTES}), else 15 minutes. */
    public static Duration configuredTimeout(Keystore keystore) throws KeystoreException {
        String minutes = keystore.settings().get(Settings.AUTO_LOCK_MINUTES);
        try {
            long value = minutes == null ? DEFAULT_TIMEOUT.toMinutes() : Long.parseLong(minutes.trim());
            return value > 0 ? Duration.ofMinutes(value) : DEFAULT_TIMEOUT;
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT;
        }
    }

    /**
     * Counts user activity in a front end (a key press, a click) as activity: the idle time restarts, as it does
     * when a key is used.
     */
    public void recordActivity() {
        userActivity = clock.instant();
    }

    public Duration timeout() {
        return timeout;
    }

    /** Locks if idle (no key use and no recorded activity) for longer than the timeout; returns true when it locked. */
    public boolean check() {
        if (!idle()) return false;
        if (mode == Mode.WALLET) {
            keystore.lock();
            return true;
        }
        if (keystore.ownerKeysLocked()) return false;
        keystore.lockOwnerKeys();
        return true;
    }

    /**
     * Whether the person has been away (no key use and no recorded activity) for at least the timeout while the
     * wallet is unlocked; the caller decides what to lock (the desktop app: docs/security.md).
     */
    public boolean idle() {
        Instant keyUse = keystore.lastActivity();
        Instant last = keyUse == null || userActivity.isAfter(keyUse) ? userActivity : keyUse;
        return keystore.isUnlocked() && Duration.between(last, clock.instant()).compareTo(timeout) >= 0;
    }

    public synchronized void start(ScheduledExecutorService scheduler, Duration period) {
        if (task == null) {
            task = scheduler.scheduleAtFixedRate(this::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    @Override
    public String toString() {
        return "AutoLock[" + timeout + "]";
    }
}
