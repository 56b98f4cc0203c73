package dev.latchkey.ui.common;

import dev.latchkey.keystore.KdfParams;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SecretInfo;
import dev.latchkey.keystore.WalletLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.Consumer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import dev.latchkey.keystore.AutoLock;
import dev.latchkey.keystore.Settings;

/**
 * The wallet the desktop app is showing: creates, opens, unlocks and locks the real {@link Keystore}. Every method
 * may block (Argon2id, SQLite) and is called from an {@link AsyncAction}, never on the FX thread. Thread-safe.
 *
 * <p>KDF cost is injected: the app calibrates against {@link KdfPolicy#standard()}, tests pass cheap parameters.
 */
public final class WalletSession implements AutoCloseable {

    private final KdfPolicy policy;
    private final Supplier<KdfParams> creationParams;
    private final InstantSource clock;
    private final Path defaultDirectory;
    private Keystore keystore;
    private AutoLock autoLock;
    private final List<Consumer<Boolean>> lockListeners = new CopyOnWriteArrayList<>();
    private volatile UnattendedWork unattended = UnattendedWork.NONE;
    /** Set while the screens and the owner key are locked but session keys keep signing (the person is away). */
    private volatile UnattendedWork.Report away;

    public WalletSession(Path defaultDirectory, KdfPolicy policy, Supplier<KdfParams> creationParams, InstantSource clock) {
        this.defaultDirectory = Objects.requireNonNull(defaultDirectory);
        this.policy = Objects.requireNonNull(policy);
        this.creationParams = Objects.requireNonNull(creationParams);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Where a new wallet goes unless the user picks another directory. */
    public Path defaultDirectory() {
        return defaultDirectory;
    }

    public boolean walletExists(Path directory) {
        return Files.isRegularFile(WalletLocation.walletFile(directory));
    }

    /**
     * Creates a wallet in {@code directory} protected by {@code password} and stores its first owner key. The result
     * is unlocked. If the key cannot be stored the half-made wallet is removed, so first run can be retried.
     *
     * @return the owner address (checksummed)
     */
    public String create(Path directory, char[] password, OwnerKeySource key, AsyncAction.Progress progress)
            throws KeystoreException {
        progress.update(0.1, "Measuring this computer's key-derivation speed");
        KdfParams params = creationParams.get();
        progress.update(0.4, "Deriving the wallet key with Argon2id (" + params + ")");
        Path file = WalletLocation.walletFile(directory);
        Keystore created = Keystore.create(file, password, params, policy, clock);
        try {
            progress.update(0.8, "Sealing the owner key");
            SecretInfo owner = switch (key) {
                case OwnerKeySource.Generate g -> created.keys().createOwnerKey("owner");
                case OwnerKeySource.PrivateKeyHex p -> created.keys().importPrivateKey(p.hex(), "owner");
                case OwnerKeySource.Mnemonic m -> created.keys().importMnemonic(m.words(), m.passphrase(), null, "owner");
                case OwnerKeySource.KeystoreV3 v -> created.keys().importKeystoreV3(v.json(), v.password(), "owner");
            };
            replace(created);
            unlocked();
            progress.update(1, "Wallet created");
            return owner.publicRef();
        } catch (KeystoreException | RuntimeException e) {
            created.close();
            deleteHalfMade(file);
            throw e;
        }
    }

    /** Opens the wallet in {@code directory}, locked. */
    public void open(Path directory) throws KeystoreException {
        replace(Keystore.open(WalletLocation.walletFile(directory), policy, clock));
    }

    /** Unlocks the open wallet; wrong passwords count towards the keystore's persistent back-off. */
    public void unlock(char[] password) throws KeystoreException {
        current().unlock(password);
        away = null;
        unlocked();
    }

    /** Locks the whole wallet (the Lock button, "Stop and lock"): the DEK is zeroed, so nothing signs until unlock. */
    public void lock() {
        Keystore ks = currentOrNull();
        if (ks != null) {
            ks.lock();
            away = null;
            fire(false);
        }
    }

    /**
     * What the auto-lock asks before it locks: with rules to run and the signer running it locks the screens and the
     * owner key only, and session keys keep signing inside their sessions' on-chain policies (docs/security.md).
     */
    public void keepRunningWhileAway(UnattendedWork work) {
        this.unattended = Objects.requireNonNull(work);
    }

    /**
     * What kept running when the auto-lock locked the screens and the owner key; empty when unlocked or fully
     * locked (then nothing signs).
     */
    public Optional<UnattendedWork.Report> away() {
        return Optional.ofNullable(away).filter(r -> isOpenAndKeyed());
    }

    /** What runs now, as the port says (the lock screen refreshes its line with it); off the FX thread. */
    public UnattendedWork.Report unattendedNow() {
        return away().isPresent() ? unattended.now() : UnattendedWork.Report.NOTHING;
    }

    /**
     * Subscribes to lock changes: {@code true} after unlock (or create), {@code false} after any lock, manual or
     * automatic. Called on the thread that changed it (the caller moves to the FX thread itself).
     *
     * @return closing it unsubscribes
     */
    public AutoCloseable onLockChanged(Consumer<Boolean> listener) {
        lockListeners.add(listener);
        return () -> lockListeners.remove(listener);
    }

    /** A key press or click in the app: restarts the idle time of the auto-lock. */
    public void userActivity() {
        AutoLock a = autoLockOrNull();
        if (a != null) {
            a.recordActivity();
        }
    }

    /**
     * One auto-lock decision (the app calls it every few seconds from a scheduler): when idle longer than the wallet's
     * configured timeout it locks the screens and tells the lock listeners. With rules to run and the signer running
     * ({@link #keepRunningWhileAway}) only the owner key locks and session keys keep signing ({@link #away()});
     * otherwise the whole wallet locks, as the Lock button does.
     *
     * @return whether it locked
     */
    public boolean checkAutoLock() {
        AutoLock a = autoLockOrNull();
        if (a == null || away != null || !a.idle()) {
            return false;
        }
        UnattendedWork.Report running = unattended.now();
        Keystore ks = currentOrNull();
        if (running.keepsRunning() && ks != null) {
            ks.lockOwnerKeys();
            away = running;
        } else if (ks != null) {
            ks.lock();
        }
        fire(false);
        return true;
    }

    /** The auto-lock timeout in force (the wallet's setting, default 15 minutes). */
    public Duration autoLockTimeout() throws KeystoreException {
        return AutoLock.configuredTimeout(current());
    }

    /** Stores a new auto-lock timeout in the wallet's settings and applies it at once. */
    public void setAutoLockTimeout(Duration timeout) throws KeystoreException {
        if (timeout.toMinutes() < 1) {
            throw new KeystoreException.InvalidInputException("the auto-lock timeout is at least one minute");
        }
        current().settings().put(Settings.AUTO_LOCK_MINUTES, Long.toString(timeout.toMinutes()));
        unlockedAutoLock();
    }

    private void unlocked() throws KeystoreException {
        unlockedAutoLock();
        fire(true);
    }

    private void unlockedAutoLock() throws KeystoreException {
        Keystore ks = current();
        AutoLock next = new AutoLock(ks, AutoLock.configuredTimeout(ks), clock);
        next.recordActivity();
        synchronized (this) {
            autoLock = next;
        }
    }

    private synchronized AutoLock autoLockOrNull() {
        return autoLock;
    }

    private void fire(boolean unlocked) {
        lockListeners.forEach(l -> l.accept(unlocked));
    }

    /** Whether the person may use the wallet: unlocked, and not locked away by the auto-lock. */
    public boolean isUnlocked() {
        return isOpenAndKeyed() && away == null;
    }

    private boolean isOpenAndKeyed() {
        Keystore ks = currentOrNull();
        return ks != null && ks.isUnlocked();
    }


    /** The wallet file, if one is open. */
    public Optional<Path> walletFile() {
        return Optional.ofNullable(currentOrNull()).map(Keystore::file);
    }

    /** The open keystore, for the services built on it (signing, settings, backup); fails when none is open. */
    public Keystore keystore() throws KeystoreException.NotFoundException {
        return current();
    }

    /** A plain (non-secret) setting of the open wallet, readable while locked; empty when unset. */
    public Optional<String> setting(String key) throws KeystoreException {
        return Optional.ofNullable(current().settings().get(key));
    }

    public void putSetting(String key, String value) throws KeystoreException {
        current().settings().put(key, value);
    }

    /** Stores the network picked at first run or in Settings (plain settings: nothing here is secret). */
    public void saveNetwork(NetworkChoice choice) throws KeystoreException {
        Settings st = current().settings();
        switch (choice) {
            case NetworkChoice.LocalDevnet d -> st.put("network.kind", "devnet");
            case NetworkChoice.Preset p -> {
                st.put("network.kind", "preset");
                st.put("network.preset", p.preset());
                st.put("network.rpcUrl", p.rpcUrl());
                st.put("network.bundlerUrl", p.bundlerUrl().orElse(""));
            }
            case NetworkChoice.Custom c -> {
                st.put("network.kind", "custom");
                st.put("network.rpcUrl", c.rpcUrl());
                st.put("network.bundlerUrl", c.bundlerUrl().orElse(""));
            }
            case NetworkChoice.Own o -> {
                st.put("network.kind", "own");
                st.put("network.name", o.name());
            }
        }
    }

    /** The stored network; the local devnet when none was stored (wallets made before the network step). */
    public NetworkChoice network() throws KeystoreException {
        Settings st = current().settings();
        String kind = Optional.ofNullable(st.get("network.kind")).orElse("devnet");
        Optional<String> bundler = Optional.ofNullable(st.get("network.bundlerUrl")).filter(b -> !b.isBlank());
        return switch (kind) {
            case "preset" -> new NetworkChoice.Preset(st.get("network.preset"), st.get("network.rpcUrl"), bundler);
            case "custom" -> new NetworkChoice.Custom(st.get("network.rpcUrl"), bundler);
            case "own" -> new NetworkChoice.Own(st.get("network.name"));
            default -> new NetworkChoice.LocalDevnet();
        };
    }

    /** The first owner key's address; needs the wallet unlocked. */
    public Optional<String> ownerAddress() throws KeystoreException {
        List<SecretInfo> owners = current().keys().ownerKeys();
        return owners.stream().filter(o -> !o.quarantined()).map(SecretInfo::publicRef).findFirst();
    }

    @Override
    public synchronized void close() {
        if (keystore != null) {
            keystore.close();
            keystore = null;
        }
    }

    private synchronized void replace(Keystore next) {
        if (keystore != null && keystore != next) {
            keystore.close();
        }
        keystore = next;
        autoLock = null;
        away = null;
    }

    private synchronized Keystore currentOrNull() {
        return keystore;
    }

    private Keystore current() throws KeystoreException.NotFoundException {
        Keystore ks = currentOrNull();
        if (ks == null) {
            throw new KeystoreException.NotFoundException("no wallet is open");
        }
        return ks;
    }

    private static void deleteHalfMade(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal", ".lock"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException ignored) {
                // best effort: a leftover empty wallet makes the next create say "already exists"
            }
        }
    }
}
