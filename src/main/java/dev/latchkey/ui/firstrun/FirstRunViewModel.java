package dev.latchkey.ui.firstrun;

import dev.latchkey.keystore.PasswordStrength;

import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.OwnerKeySource;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.common.NetworkChoice;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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
    public enum KeyChoice { GENERATE, PRIVATE_KEY, MNEMONIC, KEYSTORE_V3 }

    /** The screen's steps: network, then password and owner key, then (devnet only) starting the devnet. */
    public enum Step { NETWORK, WALLET, DEVNET }

    /** Which kind of network. */
    public enum NetworkKind { DEVNET, PRESET, CUSTOM }

    private final WalletSession wallet;
    private final AsyncAction create;
    private final Consumer<String> onCreated;
    private final DevnetStarter devnet;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(this, "step", Step.NETWORK);
    private final ObjectProperty<NetworkKind> networkKind = new SimpleObjectProperty<>(this, "networkKind", NetworkKind.DEVNET);
    private final StringProperty preset = new SimpleStringProperty(this, "preset", "base-sepolia");
    private final StringProperty rpcUrl = new SimpleStringProperty(this, "rpcUrl", "");
    private final StringProperty bundlerUrl = new SimpleStringProperty(this, "bundlerUrl", "");
    private final ReadOnlyStringWrapper rpcHint = new ReadOnlyStringWrapper(this, "rpcHint", "");
    private final ReadOnlyStringWrapper bundlerHint = new ReadOnlyStringWrapper(this, "bundlerHint", "");
    private final ReadOnlyBooleanWrapper networkOk = new ReadOnlyBooleanWrapper(this, "networkOk");
    private final StringProperty v3File = new SimpleStringProperty(this, "v3File", "");
    private final StringProperty v3Password = new SimpleStringProperty(this, "v3Password", "");
    private final ObservableList<String> devnetSteps = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper devnetFailed = new ReadOnlyBooleanWrapper(this, "devnetFailed");
    private String createdAddress = "";

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

    public FirstRunViewModel(WalletSession wallet, AsyncAction create, DevnetStarter devnet, Consumer<String> onCreated) {
        this.wallet = Objects.requireNonNull(wallet);
        this.create = Objects.requireNonNull(create);
        this.devnet = Objects.requireNonNull(devnet);
        this.onCreated = Objects.requireNonNull(onCreated);
        for (javafx.beans.Observable o : List.of(networkKind, preset, rpcUrl, bundlerUrl, v3File, v3Password)) {
            o.addListener(x -> validate());
        }
        create.messageProperty().addListener((obs, o, message) -> {
            if (step.get() == Step.DEVNET && !message.isEmpty()) devnetSteps.add(message);
        });
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

    /** From the network step to the password and owner key. */
    public void onContinue() {
        validate();
        if (networkOk.get()) {
            step.set(Step.WALLET);
        }
    }

    public void onBackToNetwork() {
        if (!create.isRunning()) {
            step.set(Step.NETWORK);
        }
    }

    /** The network as chosen, or empty while a URL is invalid. */
    public java.util.Optional<NetworkChoice> networkChoice() {
        if (!networkOk.get()) return java.util.Optional.empty();
        java.util.Optional<String> bundler = java.util.Optional.of(bundlerUrl.get().trim()).filter(b -> !b.isEmpty());
        return java.util.Optional.of(switch (networkKind.get()) {
            case DEVNET -> new NetworkChoice.LocalDevnet();
            case PRESET -> new NetworkChoice.Preset(preset.get(), rpcUrl.get().trim(), bundler);
            case CUSTOM -> new NetworkChoice.Custom(rpcUrl.get().trim(), bundler);
        });
    }

    /**
     * Creates the wallet and owner key and stores the network, in the background; for the local devnet then starts
     * it, listing each step. On success hands the owner address to the app.
     */
    public void onCreate() {
        validate();
        if (!canCreate.get()) {
            return;
        }
        error.set("");
        Path dir = Path.of(directory.get().trim());
        char[] pw = password.get().toCharArray();
        NetworkChoice network = networkChoice().orElseThrow();
        KeyChoice choice = keyChoice.get();
        String secretText = secret.get();
        Path v3 = Path.of(v3File.get().trim());
        char[] v3pw = v3Password.get().toCharArray();
        create.run(progress -> {
            OwnerKeySource key = switch (choice) {
                case GENERATE -> new OwnerKeySource.Generate();
                case PRIVATE_KEY -> new OwnerKeySource.PrivateKeyHex(secretText.trim().toCharArray());
                case MNEMONIC -> new OwnerKeySource.Mnemonic(normalisedWords(secretText).toCharArray(), new char[0]);
                case KEYSTORE_V3 -> new OwnerKeySource.KeystoreV3(java.nio.file.Files.readString(v3), v3pw);
            };
            String address = wallet.create(dir, pw, key, progress);
            wallet.saveNetwork(network);
            return address;
        }, address -> {
            password.set("");
            confirmation.set("");
            secret.set("");
            v3Password.set("");
            createdAddress = address;
            if (network instanceof NetworkChoice.LocalDevnet) {
                onStartDevnet();
            } else {
                onCreated.accept(address);
            }
        }, failure -> error.set(UserMessages.describe(failure)));
    }

    /** Starts (or retries) the devnet; each of its steps is listed as it begins. */
    public void onStartDevnet() {
        step.set(Step.DEVNET);
        devnetSteps.clear();
        devnetFailed.set(false);
        error.set("");
        create.run(progress -> {
            devnet.start(line -> progress.update(-1, line));
            return Boolean.TRUE;
        }, ok -> onCreated.accept(createdAddress), failure -> {
            devnetFailed.set(true);
            String why = UserMessages.describe(failure);
            error.set("The devnet did not start: " + why + (why.endsWith(".") ? "" : ".")
                    + " Your wallet is created; retry, or continue and start it later with 'latchkey devnet up'.");
        });
    }

    /** Goes on to the wallet without the devnet (it can be started later from the command line). */
    public void onSkipDevnet() {
        if (!create.isRunning()) {
            onCreated.accept(createdAddress);
        }
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
        secretHint.set(keyChoice.get() == KeyChoice.KEYSTORE_V3 ? v3Hint(v3File.get(), v3Password.get())
                : secretHintFor(keyChoice.get(), secret.get()));
        secretOk = switch (keyChoice.get()) {
            case GENERATE -> true;
            case PRIVATE_KEY -> hexDigits(secret.get()) == 64 && isHex(secret.get());
            case MNEMONIC -> validWordCount(wordCount(secret.get()));
            case KEYSTORE_V3 -> v3Hint(v3File.get(), v3Password.get()).startsWith("Keystore file found");
        };
        boolean remote = networkKind.get() != NetworkKind.DEVNET;
        rpcHint.set(remote ? orOk(NetworkChoice.urlProblem(rpcUrl.get(), false), "RPC URL looks right; it is contacted after the wallet is created.") : "");
        bundlerHint.set(remote ? orOk(NetworkChoice.urlProblem(bundlerUrl.get(), true),
                bundlerUrl.get().isBlank() ? "No bundler: operations are sent directly (you pay gas from a funded key)."
                        : "Operations go through this ERC-4337 bundler.") : "");
        networkOk.set(!remote || (NetworkChoice.urlProblem(rpcUrl.get(), false).isEmpty() && NetworkChoice.urlProblem(bundlerUrl.get(), true).isEmpty()));
        canCreate.set(networkOk.get() && directoryOk && passwordOk.get() && confirmationOk && secretOk && !create.isRunning());
    }

    private static String orOk(String problem, String ok) {
        return problem.isEmpty() ? ok : problem;
    }

    static String v3Hint(String file, String filePassword) {
        String f = file == null ? "" : file.trim();
        if (f.isEmpty()) return "Choose the keystore file (UTC--… .json) and type the password it was saved with.";
        Path p = Path.of(f);
        if (!java.nio.file.Files.isRegularFile(p)) return "No file at " + f + ".";
        if (!java.nio.file.Files.isReadable(p)) return "The file cannot be read.";
        if (filePassword == null || filePassword.isEmpty()) return "Type the keystore file's password.";
        return "Keystore file found; it is decrypted (scrypt or PBKDF2) when you create the wallet.";
    }

    static String secretHintFor(KeyChoice choice, String text) {
        return switch (choice) {
            case KEYSTORE_V3 -> v3Hint("", "");
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

    public ObjectProperty<Step> stepProperty() { return step; }
    public ObjectProperty<NetworkKind> networkKindProperty() { return networkKind; }
    public StringProperty presetProperty() { return preset; }

    /** The public networks whose SmartSession, policy and token addresses the wallet knows (the CLI's presets too). */
    public List<String> presets() { return dev.latchkey.wallet.PublicNetworks.NAMES; }
    public StringProperty rpcUrlProperty() { return rpcUrl; }
    public StringProperty bundlerUrlProperty() { return bundlerUrl; }
    public ReadOnlyStringProperty rpcHintProperty() { return rpcHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty bundlerHintProperty() { return bundlerHint.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty networkOkProperty() { return networkOk.getReadOnlyProperty(); }
    public StringProperty v3FileProperty() { return v3File; }
    public StringProperty v3PasswordProperty() { return v3Password; }
    public ObservableList<String> devnetSteps() { return devnetSteps; }
    public ReadOnlyBooleanProperty devnetFailedProperty() { return devnetFailed.getReadOnlyProperty(); }

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
        return Bindings.createBooleanBinding(() -> keyChoice.get() == KeyChoice.PRIVATE_KEY || keyChoice.get() == KeyChoice.MNEMONIC, keyChoice);
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
