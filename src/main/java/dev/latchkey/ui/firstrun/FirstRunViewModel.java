package dev.latchkey.ui.firstrun;

import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.OwnerKeySource;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.common.WalletSession;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * First run: where the wallet lives, its password (strength and confirmation checked as the user types) and the
 * first owner key (new, private key hex, or recovery phrase). Creating runs Argon2id in the background.
 */
public final class FirstRunViewModel implements Activatable {

    /** How the owner key is obtained. */
    public enum KeyChoice { GENERATE, PRIVATE_KEY, MNEMONIC }

    private final WalletSession wallet;
    private final AsyncAction create;
    private final Consumer<String> onCreated;

    private final StringProperty directory = new SimpleStringProperty(this, "directory", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final ObjectProperty<KeyChoice> keyChoice = new SimpleObjectProperty<>(this, "keyChoice", KeyChoice.GENERATE);
    private final StringProperty secret = new SimpleStringProperty(this, "secret", "");

    private final ReadOnlyStringWrapper directoryHint = new ReadOnlyStringWrapper(this, "directoryHint", "");
    private final ReadOnlyDoubleWrapper strength = new ReadOnlyDoubleWrapper(this, "strength", 0);
    private final ReadOnlyStringWrapper strengthLabel = new ReadOnlyStringWrapper(this, "strengthLabel", "");
    private final ReadOnlyStringWrapper passwordHint = new ReadOnlyStringWrapper(this, "passwordHint", "");
    private final ReadOnlyBooleanWrapper passwordOk = new ReadOnlyBooleanWrapper(this, "passwordOk");
    private final ReadOnlyStringWrapper confirmationHint = new ReadOnlyStringWrapper(this, "confirmationHint", "");
    private final ReadOnlyStringWrapper secretHint = new ReadOnlyStringWrapper(this, "secretHint", "");
    private final ReadOnlyBooleanWrapper canCreate = new ReadOnlyBooleanWrapper(this, "canCreate");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private boolean directoryOk;
    private boolean confirmationOk;
    private boolean secretOk;

    public FirstRunViewModel(WalletSession wallet, AsyncAction create, Consumer<String> onCreated) {
        this.wallet = Objects.requireNonNull(wallet);
        this.create = Objects.requireNonNull(create);
        this.onCreated = Objects.requireNonNull(onCreated);
        directory.set(wallet.defaultDirectory().toString());
        directory.addListener((obs, o, n) -> validate());
        password.addListener((obs, o, n) -> validate());
        confirmation.addListener((obs, o, n) -> validate());
        keyChoice.addListener((obs, o, n) -> validate());
        secret.addListener((obs, o, n) -> validate());
        create.runningProperty().addListener((obs, o, n) -> validate());
        validate();
    }

    @Override
    public void activate() {
        validate(); // the directory may have been filled in since the screen was last shown
    }

    @Override
    public void deactivate() {
        // nothing subscribed outside this object
    }

    /** Creates the wallet and owner key in the background; on success hands the owner address to the app. */
    public void onCreate() {
        validate();
        if (!canCreate.get()) {
            return;
        }
        error.set("");
        Path dir = Path.of(directory.get().trim());
        char[] pw = password.get().toCharArray();
        OwnerKeySource key = switch (keyChoice.get()) {
            case GENERATE -> new OwnerKeySource.Generate();
            case PRIVATE_KEY -> new OwnerKeySource.PrivateKeyHex(secret.get().trim().toCharArray());
            case MNEMONIC -> new OwnerKeySource.Mnemonic(normalisedWords(secret.get()).toCharArray(), new char[0]);
        };
        create.run(progress -> wallet.create(dir, pw, key, progress), address -> {
            password.set("");
            confirmation.set("");
            secret.set("");
            onCreated.accept(address);
        }, failure -> error.set(UserMessages.describe(failure)));
    }

    private void validate() {
        String dir = directory.get().trim();
        if (dir.isEmpty()) {
            directoryOk = false;
            directoryHint.set("Choose a folder for the wallet file.");
        } else if (wallet.walletExists(Path.of(dir))) {
            directoryOk = false;
            directoryHint.set("A wallet already exists in this folder; choose another, or restart to unlock it.");
        } else {
            directoryOk = true;
            directoryHint.set("The encrypted wallet file wallet.db will be created here.");
        }
        PasswordStrength s = PasswordStrength.of(password.get());
        strength.set(password.get().isEmpty() ? 0 : s.fraction());
        strengthLabel.set(s.label());
        passwordOk.set(s.acceptable());
        passwordHint.set(s.reasons().isEmpty() ? "Strong password." : String.join("\n", s.reasons()));
        confirmationOk = !confirmation.get().isEmpty() && confirmation.get().equals(password.get());
        confirmationHint.set(confirmation.get().isEmpty() ? "Type the password again."
                : confirmationOk ? "Passwords match." : "Does not match the password above.");
        secretHint.set(secretHintFor(keyChoice.get(), secret.get()));
        secretOk = switch (keyChoice.get()) {
            case GENERATE -> true;
            case PRIVATE_KEY -> hexDigits(secret.get()) == 64 && isHex(secret.get());
            case MNEMONIC -> validWordCount(wordCount(secret.get()));
        };
        canCreate.set(directoryOk && passwordOk.get() && confirmationOk && secretOk && !create.isRunning());
    }

    static String secretHintFor(KeyChoice choice, String text) {
        return switch (choice) {
            case GENERATE -> "A new owner key is generated and sealed in the wallet. Export a backup from Settings later.";
            case PRIVATE_KEY -> !isHex(text) ? "Only hex digits 0-9 and a-f (an optional 0x prefix is fine)."
                    : hexDigits(text) == 64 ? "64 hex digits: looks like a private key."
                    : hexDigits(text) + " of 64 hex digits.";
            case MNEMONIC -> {
                int n = wordCount(text);
                yield validWordCount(n) ? n + " words; the key at m/44'/60'/0'/0/0 is imported (checksum checked on create)."
                        : n + " words; a recovery phrase has 12, 15, 18, 21 or 24.";
            }
        };
    }

    private static String strip0x(String text) {
        String t = text.trim();
        return t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t;
    }

    private static int hexDigits(String text) {
        return strip0x(text).length();
    }

    private static boolean isHex(String text) {
        return strip0x(text).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static String normalisedWords(String text) {
        return String.join(" ", text.trim().toLowerCase(java.util.Locale.ROOT).split("\\s+"));
    }

    private static int wordCount(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    private static boolean validWordCount(int n) {
        return n >= 12 && n <= 24 && n % 3 == 0;
    }

    public StringProperty directoryProperty() {
        return directory;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ObjectProperty<KeyChoice> keyChoiceProperty() {
        return keyChoice;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public ReadOnlyStringProperty directoryHintProperty() {
        return directoryHint.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty strengthProperty() {
        return strength.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty strengthLabelProperty() {
        return strengthLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordHintProperty() {
        return passwordHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty passwordOkProperty() {
        return passwordOk.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty confirmationHintProperty() {
        return confirmationHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secretHintProperty() {
        return secretHint.getReadOnlyProperty();
    }

    /** Whether the secret field is needed for the current key choice. */
    public ObservableValue<Boolean> secretNeededProperty() {
        return Bindings.createBooleanBinding(() -> keyChoice.get() != KeyChoice.GENERATE, keyChoice);
    }

    public ReadOnlyBooleanProperty canCreateProperty() {
        return canCreate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public AsyncAction createAction() {
        return create;
    }
}
