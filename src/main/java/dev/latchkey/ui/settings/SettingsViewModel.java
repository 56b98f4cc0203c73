package dev.latchkey.ui.settings;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.V3Strength;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.builder.BuilderContext;
import dev.latchkey.ui.builder.Parsed;
import dev.latchkey.ui.common.Activatable;
import dev.latchkey.ui.common.AsyncAction;
import dev.latchkey.ui.common.NetworkChoice;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.common.UserMessages;
import dev.latchkey.ui.common.WalletSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Settings: the active network and its addresses (read only), bundler or direct submission, theme, auto-lock
 * timeout, local soft limits, backup of the wallet file and export of the owner key (keystore v3). Everything is
 * stored in the wallet's plain settings; reads and writes run in the background.
 */
public final class SettingsViewModel implements Activatable {

    /** How operations reach the chain. */
    public enum Submission { BUNDLER, DIRECT }


    private final WalletSession wallet;
    private final ObjectProperty<ThemeService.Mode> theme;
    private final AsyncAction work;
    private final java.util.concurrent.Executor saves;
    private final java.util.concurrent.Executor fx;
    private final UiServices services;
    private final Optional<dev.latchkey.ui.network.NetworksViewModel> networks;

    private final ReadOnlyStringWrapper network = new ReadOnlyStringWrapper(this, "network", "");
    private final ObservableList<String> addresses = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Submission> submission = new ReadOnlyObjectWrapper<>(this, "submission", Submission.BUNDLER);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final StringProperty autoLockMinutes = new SimpleStringProperty(this, "autoLockMinutes", "");
    private final StringProperty softEth = new SimpleStringProperty(this, "softEth", "");
    private final StringProperty softCalls = new SimpleStringProperty(this, "softCalls", "");
    private final StringProperty softValidity = new SimpleStringProperty(this, "softValidity", "");
    private final StringProperty softTokens = new SimpleStringProperty(this, "softTokens", "");
    private final BooleanProperty softCustom = new SimpleBooleanProperty(this, "softCustom");
    private final StringProperty backupFile = new SimpleStringProperty(this, "backupFile", "");
    private final StringProperty exportFile = new SimpleStringProperty(this, "exportFile", "");
    private final StringProperty walletPassword = new SimpleStringProperty(this, "walletPassword", "");
    private final StringProperty exportPassword = new SimpleStringProperty(this, "exportPassword", "");
    private final ReadOnlyStringWrapper autoLockHint = new ReadOnlyStringWrapper(this, "autoLockHint", "");
    private final ReadOnlyStringWrapper softHint = new ReadOnlyStringWrapper(this, "softHint", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Optional<TradeNetwork> tradeNetwork = Optional.empty();
    private boolean loading;

    /**
     * @param work  loading, backup and export (one at a time, with progress)
     * @param saves where settings are written as the user types, in order (a {@code SerialExecutor} in the app)
     * @param fx    where results of saves are shown
     */
    public SettingsViewModel(WalletSession wallet, ObjectProperty<ThemeService.Mode> theme, AsyncAction work,
                             java.util.concurrent.Executor saves, java.util.concurrent.Executor fx, UiServices services) {
        this(wallet, theme, work, saves, fx, services, Optional.empty());
    }

    /** @param networks the networks section (switch, add), activated with this screen */
    public SettingsViewModel(WalletSession wallet, ObjectProperty<ThemeService.Mode> theme, AsyncAction work,
                             java.util.concurrent.Executor saves, java.util.concurrent.Executor fx, UiServices services,
                             Optional<dev.latchkey.ui.network.NetworksViewModel> networks) {
        this.networks = Objects.requireNonNull(networks);
        this.wallet = Objects.requireNonNull(wallet);
        this.theme = Objects.requireNonNull(theme);
        this.work = Objects.requireNonNull(work);
        this.saves = Objects.requireNonNull(saves);
        this.fx = Objects.requireNonNull(fx);
        this.services = Objects.requireNonNull(services);
        dark.set(theme.get() == ThemeService.Mode.DARK);
        dark.addListener((o, a, d) -> theme.set(d ? ThemeService.Mode.DARK : ThemeService.Mode.LIGHT));
        autoLockMinutes.addListener((o, a, b) -> validateAutoLock());
        for (javafx.beans.Observable x : List.of(softEth, softCalls, softValidity, softTokens, softCustom)) {
            x.addListener(y -> validateSoft());
        }
    }

    private record Loaded(NetworkChoice network, List<String> addresses, Optional<TradeNetwork> trade,
                          Duration autoLock, java.util.Map<String, String> soft) { }

    @Override
    public void activate() {
        networks.ifPresent(dev.latchkey.ui.network.NetworksViewModel::activate);
        work.run(progress -> {
            NetworkChoice n = wallet.network();
            List<String> lines = new ArrayList<>();
            Optional<TradeNetwork> trade = Optional.empty();
            try {
                BuilderContext ctx = services.environment().current();
                trade = Optional.of(ctx.network());
                lines.addAll(networkLines(ctx.network()));
                lines.add("Smart account: " + ctx.account().checksummed());
                for (PolicyKind k : PolicyKind.values()) {
                    ctx.policyAddresses().byKind().entrySet().stream().filter(e -> e.getKey() == k)
                            .forEach(e -> lines.add("Policy " + k.jsonName() + ": " + e.getValue().checksummed()));
                }
            } catch (Exception unavailable) {
                if (n instanceof NetworkChoice.Preset p) {
                    trade = dev.latchkey.wallet.PublicNetworks.preset(p.preset()).map(dev.latchkey.wallet.NetworkProfile::tradeNetwork);
                    trade.ifPresent(t -> lines.addAll(networkLines(t)));
                }
                lines.add(UserMessages.describe(unavailable));
            }
            java.util.Map<String, String> soft = new java.util.HashMap<>();
            for (String k : List.of(SoftLimitsForm.ETH, SoftLimitsForm.CALLS, SoftLimitsForm.VALIDITY, SoftLimitsForm.TOKENS, SoftLimitsForm.CUSTOM)) {
                wallet.setting(k).ifPresent(v -> soft.put(k, v));
            }
            return new Loaded(n, lines, trade, wallet.autoLockTimeout(), soft);
        }, this::show, failure -> status.set(UserMessages.describe(failure)));
    }

    private void show(Loaded l) {
        loading = true;
        try {
            network.set(l.network().describe());
            addresses.setAll(l.addresses());
            tradeNetwork = l.trade();
            Submission defaultMode = switch (l.network()) {
                case NetworkChoice.LocalDevnet d -> Submission.BUNDLER;
                case NetworkChoice.Preset p -> p.bundlerUrl().isPresent() ? Submission.BUNDLER : Submission.DIRECT;
                case NetworkChoice.Custom c -> c.bundlerUrl().isPresent() ? Submission.BUNDLER : Submission.DIRECT;
                case NetworkChoice.Own o -> Submission.BUNDLER;
            };
            // How operations reach the chain is the network's (a bundler URL or none), not a stored choice: nothing read one.
            submission.set(defaultMode);
            autoLockMinutes.set(Long.toString(l.autoLock().toMinutes()));
            softEth.set(l.soft().getOrDefault(SoftLimitsForm.ETH, ""));
            softCalls.set(l.soft().getOrDefault(SoftLimitsForm.CALLS, ""));
            softValidity.set(l.soft().getOrDefault(SoftLimitsForm.VALIDITY, ""));
            softTokens.set(l.soft().getOrDefault(SoftLimitsForm.TOKENS, ""));
            softCustom.set(Boolean.parseBoolean(l.soft().getOrDefault(SoftLimitsForm.CUSTOM, "false")));
        } finally {
            loading = false;
        }
        validateAutoLock();
        validateSoft();
    }

    private static List<String> networkLines(TradeNetwork n) {
        List<String> out = new ArrayList<>();
        out.add("Chain id: " + n.chainId() + " (" + n.name() + ")");
        out.add("EntryPoint: " + n.entryPoint().checksummed());
        out.add("SmartSession: " + n.smartSession().checksummed());
        out.add("Uniswap SwapRouter02: " + n.swapRouter02().checksummed());
        out.add("Uniswap QuoterV2: " + n.quoterV2().checksummed());
        out.add("Aave V3 Pool: " + n.aavePool().checksummed());
        for (Token t : n.tokens()) out.add(t.symbol() + " (" + t.decimals() + " decimals): " + t.address().checksummed());
        return out;
    }

    @Override
    public void deactivate() {
        networks.ifPresent(dev.latchkey.ui.network.NetworksViewModel::deactivate);
        walletPassword.set("");
        exportPassword.set("");
    }

    private void validateAutoLock() {
        if (loading) return;
        String t = autoLockMinutes.get().trim();
        long minutes;
        try {
            minutes = dev.latchkey.session.model.NumberText.whole("minutes", t, 0, Long.MAX_VALUE);
        } catch (dev.latchkey.session.model.FieldException e) {
            autoLockHint.set("Minutes, a whole number from 1 to 1440.");
            return;
        }
        if (minutes < 1 || minutes > 1440) {
            autoLockHint.set("From 1 to 1440 minutes.");
            return;
        }
        autoLockHint.set("Locks after " + minutes + " idle minute" + (minutes == 1 ? "" : "s") + "; any key press or click counts as activity.");
        Duration d = Duration.ofMinutes(minutes);
        saveInBackground(() -> wallet.setAutoLockTimeout(d), autoLockHint::set);
    }

    private void validateSoft() {
        if (loading) return;
        SoftLimitsForm form = new SoftLimitsForm(softEth.get(), softCalls.get(), softValidity.get(), softTokens.get(), softCustom.get());
        Parsed<SoftLimits> parsed = form.parse(tradeNetwork);
        softHint.set(parsed.isOk() ? "Saved. The signer refuses anything beyond these, even when the session would allow it." : parsed.error());
        if (parsed.isOk()) {
            saveInBackground(() -> {
                wallet.putSetting(SoftLimitsForm.ETH, form.maxEthPerOperation());
                wallet.putSetting(SoftLimitsForm.CALLS, form.maxCallsPerOperation());
                wallet.putSetting(SoftLimitsForm.VALIDITY, form.minValidityMinutes());
                wallet.putSetting(SoftLimitsForm.TOKENS, form.tokenCaps());
                wallet.putSetting(SoftLimitsForm.CUSTOM, Boolean.toString(form.allowUncheckedCustomPolicies()));
            }, softHint::set);
        }
    }

    private void save(String key, String value, String done) {
        if (loading) return;
        saveInBackground(() -> wallet.putSetting(key, value), status::set);
        status.set(done);
    }

    @FunctionalInterface
    private interface Save {
        void run() throws Exception;
    }

    /** Writes in order on the serial executor; a failure replaces the hint next to the field. */
    private void saveInBackground(Save save, java.util.function.Consumer<String> onFailure) {
        saves.execute(() -> {
            try {
                save.run();
            } catch (Exception e) {
                fx.execute(() -> onFailure.accept(UserMessages.describe(e)));
            }
        });
    }

    /** Copies the encrypted wallet file (SQLite online backup) to a new file; refuses to overwrite. */
    public void onBackup() {
        String target = backupFile.get().trim();
        if (target.isEmpty()) {
            status.set("Choose where to write the backup.");
            return;
        }
        work.run(p -> {
            wallet.keystore().backupTo(Path.of(target));
            return "Backup written to " + target + " (encrypted with your wallet password).";
        }, status::set, f -> status.set(UserMessages.describe(f)));
    }

    /** Writes the owner key as an Ethereum keystore v3 file encrypted with the export password. */
    public void onExport() {
        String target = exportFile.get().trim();
        if (target.isEmpty()) {
            status.set("Choose a file for the export.");
            return;
        }
        dev.latchkey.keystore.PasswordStrength strength = dev.latchkey.keystore.PasswordStrength.of(exportPassword.get());
        if (!strength.acceptable()) {
            status.set("The export password is too weak: " + String.join(" ", strength.reasons()));
            return;
        }
        char[] walletPw = walletPassword.get().toCharArray();
        char[] exportPw = exportPassword.get().toCharArray();
        walletPassword.set("");
        exportPassword.set("");
        work.run(p -> {
            Path file = Path.of(target);
            if (Files.exists(file)) throw new KeystoreException.InvalidInputException("refusing to overwrite " + target);
            String owner = wallet.ownerAddress().orElseThrow(() -> new KeystoreException.NotFoundException("no owner key"));
            p.update(-1, "Encrypting with scrypt");
            String json = wallet.keystore().keys().exportKeystoreV3(owner, walletPw, exportPw, V3Strength.STANDARD);
            dev.latchkey.keystore.PrivateFiles.writeNew(file, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "Owner key " + new Address(owner).checksummed() + " exported to " + target + ".";
        }, status::set, f -> status.set(UserMessages.describe(f)));
    }

    public ReadOnlyStringProperty networkProperty() { return network.getReadOnlyProperty(); }
    public ObservableList<String> addresses() { return addresses; }
    /** The network's submission mode, shown read-only. */
    public javafx.beans.property.ReadOnlyObjectProperty<Submission> submissionProperty() { return submission.getReadOnlyProperty(); }
    public BooleanProperty darkProperty() { return dark; }
    public StringProperty autoLockMinutesProperty() { return autoLockMinutes; }
    public StringProperty softEthProperty() { return softEth; }
    public StringProperty softCallsProperty() { return softCalls; }
    public StringProperty softValidityProperty() { return softValidity; }
    public StringProperty softTokensProperty() { return softTokens; }
    public BooleanProperty softCustomProperty() { return softCustom; }
    public StringProperty backupFileProperty() { return backupFile; }
    public StringProperty exportFileProperty() { return exportFile; }
    public StringProperty walletPasswordProperty() { return walletPassword; }
    public StringProperty exportPasswordProperty() { return exportPassword; }
    public ReadOnlyStringProperty autoLockHintProperty() { return autoLockHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty softHintProperty() { return softHint.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The networks section, when this app offers switching and adding networks. */
    public Optional<dev.latchkey.ui.network.NetworksViewModel> networks() {
        return networks;
    }

    public AsyncAction workAction() { return work; }
}
