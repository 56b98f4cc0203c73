package dev.latchkey.ui.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.WalletLocation;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.common.WalletSession;
import dev.latchkey.ui.firstrun.FirstRunViewModel.KeyChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First run without the FX toolkit, against a real keystore with cheap KDF parameters. */
class FirstRunViewModelTest {

    // the well-known first anvil/hardhat development key and its address
    private static final String DEV_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final String DEV_ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final String MNEMONIC = "test test test test test test test test test test test junk";

    @TempDir Path dir;
    private WalletSession wallet;
    private final List<String> created = new ArrayList<>();
    private FirstRunViewModel vm;

    @BeforeEach
    void setUp() {
        wallet = TestWalletSessions.session(dir.resolve("wallet"), Clock.systemUTC());
        vm = new FirstRunViewModel(wallet, TestWalletSessions.synchronous(), created::add);
        vm.activate();
    }

    @AfterEach
    void tearDown() {
        wallet.close();
    }

    @Test
    void defaultsToTheGivenDirectoryAndCannotCreateYet() {
        assertThat(vm.directoryProperty().get()).isEqualTo(dir.resolve("wallet").toString());
        assertThat(vm.directoryHintProperty().get()).contains("wallet.db will be created");
        assertThat(vm.canCreateProperty().get()).isFalse();
        assertThat(vm.passwordHintProperty().get()).contains("at least 10");
    }

    @Test
    void validatesAsTheUserTypes() {
        vm.passwordProperty().set("short");
        assertThat(vm.passwordOkProperty().get()).isFalse();
        assertThat(vm.passwordHintProperty().get()).contains("5 so far");
        assertThat(vm.strengthLabelProperty().get()).isIn("Very weak", "Weak");

        vm.passwordProperty().set(TestWalletSessions.PASSWORD);
        assertThat(vm.passwordOkProperty().get()).isTrue();
        assertThat(vm.strengthProperty().get()).isEqualTo(1.0);
        assertThat(vm.confirmationHintProperty().get()).contains("again");

        vm.confirmationProperty().set("Correct-Horse");
        assertThat(vm.confirmationHintProperty().get()).contains("Does not match");
        assertThat(vm.canCreateProperty().get()).isFalse();
        vm.confirmationProperty().set(TestWalletSessions.PASSWORD);
        assertThat(vm.confirmationHintProperty().get()).isEqualTo("Passwords match.");
        assertThat(vm.canCreateProperty().get()).isTrue();

        vm.keyChoiceProperty().set(KeyChoice.PRIVATE_KEY);
        assertThat(vm.canCreateProperty().get()).isFalse();
        vm.secretProperty().set("0xabc");
        assertThat(vm.secretHintProperty().get()).isEqualTo("3 of 64 hex digits.");
        vm.secretProperty().set("0xzz");
        assertThat(vm.secretHintProperty().get()).contains("Only hex digits");
        vm.secretProperty().set(DEV_KEY);
        assertThat(vm.canCreateProperty().get()).isTrue();

        vm.keyChoiceProperty().set(KeyChoice.MNEMONIC);
        vm.secretProperty().set("one two three");
        assertThat(vm.secretHintProperty().get()).contains("3 words; a recovery phrase has 12");
        assertThat(vm.canCreateProperty().get()).isFalse();
    }

    @Test
    void createsARealWalletWithANewOwnerKeyThatUnlocksWithThePassword() throws Exception {
        fill();
        vm.onCreate();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(created).hasSize(1);
        assertThat(created.getFirst()).startsWith("0x").hasSize(42);
        assertThat(wallet.isUnlocked()).isTrue();
        assertThat(vm.passwordProperty().get()).as("secrets cleared from the form").isEmpty();
        assertThat(vm.createAction().progressProperty().get()).isEqualTo(1.0);
        wallet.close();
        Path file = WalletLocation.walletFile(dir.resolve("wallet"));
        try (Keystore ks = Keystore.open(file, TestWalletSessions.POLICY, Clock.systemUTC())) {
            ks.unlock(TestWalletSessions.PASSWORD.toCharArray());
            assertThat(ks.keys().ownerKeys()).singleElement().extracting(o -> o.publicRef()).isEqualTo(created.getFirst());
        }
    }

    @Test
    void importsAPrivateKey() {
        fill();
        vm.keyChoiceProperty().set(KeyChoice.PRIVATE_KEY);
        vm.secretProperty().set(DEV_KEY);
        vm.onCreate();
        assertThat(created).containsExactly(DEV_ADDRESS);
        assertThat(vm.secretProperty().get()).isEmpty();
    }

    @Test
    void importsARecoveryPhrase() {
        fill();
        vm.keyChoiceProperty().set(KeyChoice.MNEMONIC);
        vm.secretProperty().set("  " + MNEMONIC.toUpperCase() + " ");
        vm.onCreate();
        assertThat(created).containsExactly(DEV_ADDRESS); // the same dev account at m/44'/60'/0'/0/0
    }

    @Test
    void aBadRecoveryPhraseIsReportedAndTheHalfMadeWalletRemoved() {
        fill();
        vm.keyChoiceProperty().set(KeyChoice.MNEMONIC);
        vm.secretProperty().set(MNEMONIC.replace("junk", "test"));
        vm.onCreate();
        assertThat(created).isEmpty();
        assertThat(vm.errorProperty().get()).isNotEmpty();
        assertThat(Files.exists(WalletLocation.walletFile(dir.resolve("wallet")))).isFalse();
        assertThat(vm.canCreateProperty().get()).as("can retry").isTrue();
    }

    @Test
    void refusesAFolderThatAlreadyHoldsAWallet() throws Exception {
        Path other = dir.resolve("existing");
        Keystore.create(WalletLocation.walletFile(other), TestWalletSessions.PASSWORD.toCharArray(),
                TestWalletSessions.CHEAP, TestWalletSessions.POLICY, Clock.systemUTC()).close();
        fill();
        vm.directoryProperty().set(other.toString());
        assertThat(vm.directoryHintProperty().get()).contains("already exists");
        assertThat(vm.canCreateProperty().get()).isFalse();
        vm.directoryProperty().set(" ");
        assertThat(vm.directoryHintProperty().get()).contains("Choose a folder");
        assertThat(KdfPolicy.standard()).isNotEqualTo(TestWalletSessions.POLICY);
    }

    private void fill() {
        vm.passwordProperty().set(TestWalletSessions.PASSWORD);
        vm.confirmationProperty().set(TestWalletSessions.PASSWORD);
    }
}
