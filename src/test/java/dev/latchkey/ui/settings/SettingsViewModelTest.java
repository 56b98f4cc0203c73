package dev.latchkey.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.Keystore;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.UiServices;
import dev.latchkey.ui.builder.BuilderFixtures;
import dev.latchkey.ui.common.NetworkChoice;
import dev.latchkey.ui.common.OwnerKeySource;
import dev.latchkey.ui.common.ThemeService;
import dev.latchkey.ui.common.WalletSession;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {

    @TempDir Path dir;
    private WalletSession wallet;
    private String owner;
    private final SimpleObjectProperty<ThemeService.Mode> theme = new SimpleObjectProperty<>(ThemeService.Mode.LIGHT);
    private SettingsViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        wallet = TestWalletSessions.session(dir, Clock.systemUTC());
        owner = wallet.create(dir.resolve("w"), TestWalletSessions.PASSWORD.toCharArray(), new OwnerKeySource.Generate(), (f, m) -> { });
        wallet.saveNetwork(new NetworkChoice.Preset("base-sepolia", "https://rpc.example.org", Optional.empty()));
        UiServices services = new UiServices(step -> { }, () -> {
            throw new IllegalStateException("The smart account is not known yet.");
        }, () -> BuilderFixtures.SESSION_KEY, (r, p, pw) -> null, () -> BuilderFixtures.SALT, ZoneId.of("UTC"));
        vm = new SettingsViewModel(wallet, theme, TestWalletSessions.synchronous(), Runnable::run, Runnable::run, services);
        vm.activate();
    }

    @AfterEach
    void tearDown() {
        wallet.close();
    }

    @Test
    void showsTheActiveNetworkReadOnlyWithThePresetsAddresses() {
        assertThat(vm.networkProperty().get()).isEqualTo("Base Sepolia via https://rpc.example.org, direct submission");
        assertThat(vm.addresses()).contains("Chain id: 84532 (base-sepolia)", "USDC (6 decimals): 0x036CbD53842c5426634e7929541eC2318f3dCF7e",
                "The smart account is not known yet.");
        assertThat(vm.submissionProperty().get()).isEqualTo(SettingsViewModel.Submission.DIRECT); // no bundler URL
    }

    @Test
    void themeSubmissionAndAutoLockArePersistedInTheWallet() throws Exception {
        vm.darkProperty().set(true);
        assertThat(theme.get()).isEqualTo(ThemeService.Mode.DARK);
        // the submission mode is the network's, shown read-only (issue 15: nothing read a stored choice)
        assertThat(vm.submissionProperty().get()).isEqualTo(SettingsViewModel.Submission.DIRECT);
        assertThat(wallet.setting("submission.mode")).isEmpty();
        vm.autoLockMinutesProperty().set("0");
        assertThat(vm.autoLockHintProperty().get()).isEqualTo("From 1 to 1440 minutes.");
        vm.autoLockMinutesProperty().set("5");
        assertThat(wallet.autoLockTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void softLimitsAreValidatedInTokenUnitsAndStored() throws Exception {
        vm.softTokensProperty().set("USDC 500 abc");
        assertThat(vm.softHintProperty().get()).isEqualTo("Token caps, line 1: Not a decimal number: abc.");
        vm.softTokensProperty().set("USDC 500.5 2000\nWETH - 1");
        vm.softEthProperty().set("0.1");
        vm.softCallsProperty().set("4");
        assertThat(vm.softHintProperty().get()).startsWith("Saved.");
        SoftLimits parsed = new SoftLimitsForm(wallet.setting(SoftLimitsForm.ETH).orElseThrow(), wallet.setting(SoftLimitsForm.CALLS).orElseThrow(),
                "", wallet.setting(SoftLimitsForm.TOKENS).orElseThrow(), false).parse(Optional.of(dev.latchkey.trade.catalog.TradeNetwork.base())).get();
        dev.latchkey.session.model.Address usdc = dev.latchkey.trade.catalog.TradeNetwork.base().token("t", "USDC").address();
        assertThat(parsed.maxTokenPerOperation()).containsEntry(usdc, BigInteger.valueOf(500_500_000));
        assertThat(parsed.maxTokenPerDay()).containsEntry(usdc, BigInteger.valueOf(2_000_000_000));
        assertThat(parsed.maxValuePerOperation()).contains(new BigInteger("100000000000000000"));
        assertThat(parsed.maxCallsPerOperation().getAsInt()).isEqualTo(4);
    }

    @Test
    void backupWritesAnOpenableCopyAndRefusesToOverwrite() throws Exception {
        Path copy = dir.resolve("backup.db");
        vm.backupFileProperty().set(copy.toString());
        vm.onBackup();
        assertThat(vm.statusProperty().get()).startsWith("Backup written to");
        try (Keystore ks = Keystore.open(copy, TestWalletSessions.POLICY, Clock.systemUTC())) {
            ks.unlock(TestWalletSessions.PASSWORD.toCharArray());
            assertThat(ks.keys().ownerKeys()).hasSize(1);
        }
        vm.onBackup();
        assertThat(vm.statusProperty().get()).contains("refusing to overwrite");
    }

    @Test
    void exportsTheOwnerKeyAsKeystoreV3() throws Exception {
        Path file = dir.resolve("owner.json");
        vm.exportFileProperty().set(file.toString());
        vm.walletPasswordProperty().set(TestWalletSessions.PASSWORD);
        vm.exportPasswordProperty().set("Export-Maple-77-river");
        vm.onExport();
        assertThat(vm.statusProperty().get()).startsWith("Owner key " + owner);
        assertThat(vm.walletPasswordProperty().get()).isEmpty();
        org.web3j.crypto.WalletFile v3 = new com.fasterxml.jackson.databind.ObjectMapper().readValue(file.toFile(), org.web3j.crypto.WalletFile.class);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file)))
                .as("the exported key is readable by its owner only").isEqualTo("rw-------");
        org.web3j.crypto.ECKeyPair pair = org.web3j.crypto.Wallet.decrypt("Export-Maple-77-river", v3);
        assertThat(org.web3j.crypto.Keys.toChecksumAddress(org.web3j.crypto.Keys.getAddress(pair))).isEqualTo(owner);
    }
}
