package dev.latchkey.ui.sessions;

import dev.latchkey.keystore.PasswordStrength;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.UserMessages;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Share with a server…" for one session card: who the bundle is for (a name and, with a server key, whose key),
 * how it is sealed, where it is written, what goes along (the session's automation rules) and, in plain words, what
 * sharing means. Fields are checked as typed; Share re-checks the wallet password in the port and writes the file.
 */
public final class ShareSessionViewModel implements dev.latchkey.ui.common.Activatable {

    /** How the bundle is sealed. */
    public enum Sealing {
        PASSPHRASE("A passphrase"),
        SERVER_KEY("The server's public key");

        private final String text;

        Sealing(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static final int MAX_SERVER_NAME = 64;
    private static final Pattern SERVER_KEY = Pattern.compile("x25519:[0-9a-fA-F]{64}");

    private final SessionCard card;
    private final SessionsPort port;
    private final AsyncAction sharing;
    private final Consumer<SessionSharing.Shared> onShared;
    private final Runnable onClose;

    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final ObjectProperty<Sealing> sealing = new SimpleObjectProperty<>(this, "sealing", Sealing.PASSPHRASE);
    private final StringProperty passphrase = new SimpleStringProperty(this, "passphrase", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final StringProperty serverKey = new SimpleStringProperty(this, "serverKey", "");
    private final StringProperty file = new SimpleStringProperty(this, "file", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper serverError = new ReadOnlyStringWrapper(this, "serverError", "");
    private final ReadOnlyStringWrapper passphraseError = new ReadOnlyStringWrapper(this, "passphraseError", "");
    private final ReadOnlyStringWrapper confirmationError = new ReadOnlyStringWrapper(this, "confirmationError", "");
    private final ReadOnlyStringWrapper serverKeyError = new ReadOnlyStringWrapper(this, "serverKeyError", "");
    private final ReadOnlyStringWrapper fileError = new ReadOnlyStringWrapper(this, "fileError", "");
    private final ReadOnlyStringWrapper automations = new ReadOnlyStringWrapper(this, "automations", "Reading the session's automation rules…");
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyBooleanWrapper canShare = new ReadOnlyBooleanWrapper(this, "canShare", false);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done", false);
    private boolean planned;

    ShareSessionViewModel(SessionCard card, SessionsPort port, AsyncAction planning, AsyncAction sharing,
                          Consumer<SessionSharing.Shared> onShared, Runnable onClose) {
        this.card = Objects.requireNonNull(card);
        this.port = Objects.requireNonNull(port);
        this.sharing = Objects.requireNonNull(sharing);
        this.onShared = Objects.requireNonNull(onShared);
        this.onClose = Objects.requireNonNull(onClose);
        for (var p : new javafx.beans.Observable[] {server, sealing, passphrase, confirmation, serverKey, file, password}) {
            p.addListener(o -> validate());
        }
        sharing.runningProperty().addListener(o -> validate());
        planning.run(progress -> port.sharePlan(card.permissionId()), this::plan,
                failure -> refusal.set("Cannot share it: " + UserMessages.describe(failure)));
    }

    private void plan(SessionSharing.Plan p) {
        planned = true;
        automations.set(p.automations().isEmpty()
                ? "No automation rule goes along: add recurring payments or stop orders to this session before sharing it, or the server has nothing to run."
                : "These automation rules go along and run on the server (they are paused in this wallet): "
                        + String.join("; ", p.automations()) + ".");
        refusal.set(p.refusal().map(r -> "Cannot share it: " + r).orElse(""));
        if (file.get().isBlank()) {
            file.set(p.suggestedFile().toString());
        }
        validate();
    }

    private void validate() {
        String name = server.get().strip();
        serverError.set(name.isEmpty() ? "" : name.length() > MAX_SERVER_NAME ? "At most " + MAX_SERVER_NAME + " characters."
                : name.chars().allMatch(c -> c >= 0x20 && c != 0x7f) ? "" : "Letters, digits and punctuation only.");
        boolean sealed;
        if (sealing.get() == Sealing.PASSPHRASE) {
            PasswordStrength s = PasswordStrength.of(passphrase.get());
            passphraseError.set(passphrase.get().isEmpty() || s.acceptable() ? "" : s.label() + ": " + String.join("; ", s.reasons()));
            confirmationError.set(confirmation.get().isEmpty() || confirmation.get().equals(passphrase.get()) ? "" : "Does not match the passphrase.");
            serverKeyError.set("");
            sealed = s.acceptable() && confirmation.get().equals(passphrase.get());
        } else {
            String key = serverKey.get().strip();
            serverKeyError.set(key.isEmpty() || SERVER_KEY.matcher(key).matches() ? ""
                    : "Paste the key 'latchkey agent keygen' printed on the server: x25519: and 64 hex digits.");
            passphraseError.set("");
            confirmationError.set("");
            sealed = SERVER_KEY.matcher(key).matches();
        }
        fileError.set(file.get().isBlank() || path().isPresent() ? "" : "Not a file name this computer can use.");
        canShare.set(planned && refusal.get().isEmpty() && !done.get() && !sharing.isRunning() && !name.isEmpty()
                && serverError.get().isEmpty() && sealed && path().isPresent() && !password.get().isEmpty());
    }

    private java.util.Optional<Path> path() {
        String f = file.get().strip();
        if (f.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Path.of(f).toAbsolutePath());
        } catch (InvalidPathException e) {
            return java.util.Optional.empty();
        }
    }

    public void onShare() {
        validate();
        if (!canShare.get()) {
            return;
        }
        error.set("");
        char[] secret = sealing.get() == Sealing.PASSPHRASE ? passphrase.get().toCharArray() : null;
        SessionSharing.Sealing how = secret != null ? new SessionSharing.Sealing.ToPassphrase(secret)
                : new SessionSharing.Sealing.ToServerKey(serverKey.get().strip());
        char[] walletPassword = password.get().toCharArray();
        password.set("");
        SessionSharing.Request request = new SessionSharing.Request(server.get().strip(), how, path().orElseThrow(), walletPassword);
        sharing.run(progress -> {
            try {
                return port.share(card.permissionId(), request, progress);
            } finally {
                Arrays.fill(walletPassword, '\0');
                if (secret != null) {
                    Arrays.fill(secret, '\0');
                }
            }
        }, shared -> {
            passphrase.set("");
            confirmation.set("");
            done.set(true);
            result.set("Written to " + shared.file() + ", sealed for " + shared.server() + " (agent " + shared.agentId() + "). "
                    + (shared.automations().isEmpty() ? "No automation rule went along. "
                    : shared.automations().size() + (shared.automations().size() == 1 ? " automation rule now runs" : " automation rules now run")
                    + " on the server and " + (shared.automations().size() == 1 ? "is" : "are") + " paused here. ")
                    + "Copy the file to the server, then run: " + shared.nextStep());
            validate();
            onShared.accept(shared);
        }, failure -> error.set(UserMessages.describe(failure)));
    }

    public void onClose() {
        passphrase.set("");
        confirmation.set("");
        password.set("");
        onClose.run();
    }

    @Override
    public void activate() {
    }

    @Override
    public void deactivate() {
    }

    public String title() {
        return "Share “" + card.label() + "” with a server";
    }

    /** What sharing means, in the words the person acts on. */
    public String warning() {
        return "The server can sign trades with this session, without asking you, until you revoke it here or it expires on "
                + SessionCardViewModel.when(card.validUntil()) + ". It stays inside the session's on-chain limits: "
                + ceiling() + ". Anyone who has the file and can open it has the same power, so send the passphrase "
                + "another way than the file. The bundle never holds your owner key, and one session runs on one server: it cannot be shared again.";
    }

    /** The session's limits, which are the server's ceiling. */
    public String ceiling() {
        String meters = card.meters().stream().map(m -> m.title() + " " + m.window() + " " + m.text()).collect(Collectors.joining(", "));
        String ops = card.operations().map(m -> m.left() + " operations left").orElse("no operation limit");
        return "calls to " + String.join(", ", card.actions()) + "; " + ops + (meters.isEmpty() ? "" : "; " + meters);
    }

    public StringProperty serverProperty() { return server; }
    public ObjectProperty<Sealing> sealingProperty() { return sealing; }
    public StringProperty passphraseProperty() { return passphrase; }
    public StringProperty confirmationProperty() { return confirmation; }
    public StringProperty serverKeyProperty() { return serverKey; }
    public StringProperty fileProperty() { return file; }
    public StringProperty passwordProperty() { return password; }
    public ReadOnlyStringProperty serverErrorProperty() { return serverError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty passphraseErrorProperty() { return passphraseError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty confirmationErrorProperty() { return confirmationError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty serverKeyErrorProperty() { return serverKeyError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty fileErrorProperty() { return fileError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty automationsProperty() { return automations.getReadOnlyProperty(); }
    public ReadOnlyStringProperty refusalProperty() { return refusal.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canShareProperty() { return canShare.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
    public AsyncAction sharing() { return sharing; }
    public SessionCard card() { return card; }
}
