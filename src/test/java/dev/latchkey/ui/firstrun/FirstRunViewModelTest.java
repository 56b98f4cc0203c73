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
    private int devnetStarts;
    private boolean devnetFails;

    @BeforeEach
    void setUp() {
        wallet = TestWalletSessions.session(dir.resolve("wallet"), Clock.systemUTC());
        vm = new FirstRunViewModel(wallet, TestWalletSessions.synchronous(), step -> {
            devnetStarts++;
            step.accept("starting anvil (chain id 31337)");
            if (devnetFails) throw new IllegalStateException("anvil not found");
            step.accept("devnet ready in 5.1 s");
        }, created::add);
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

    @Test
    void theNetworkStepValidatesUrlsAsTypedAndStoresTheChoice() throws Exception {
        assertThat(vm.stepProperty().get()).isEqualTo(FirstRunViewModel.Step.NETWORK);
        assertThat(vm.networkOkProperty().get()).isTrue(); // devnet is the default
        vm.networkKindProperty().set(FirstRunViewModel.NetworkKind.PRESET);
        assertThat(vm.networkOkProperty().get()).isFalse();
        assertThat(vm.rpcHintProperty().get()).isEqualTo("Enter the URL, e.g. https://rpc.example.org.");
        vm.rpcUrlProperty().set("http://rpc.example.org");
        assertThat(vm.rpcHintProperty().get()).isEqualTo("Use https:// for a remote node; plain http is only for this computer.");
        vm.rpcUrlProperty().set("https://rpc.example.org/v1");
        vm.bundlerUrlProperty().set("ftp://x");
        assertThat(vm.bundlerHintProperty().get()).startsWith("The URL must start with https://");
        vm.bundlerUrlProperty().set("");
        assertThat(vm.bundlerHintProperty().get()).startsWith("No bundler: operations are sent directly");
        vm.onContinue();
        assertThat(vm.stepProperty().get()).isEqualTo(FirstRunViewModel.Step.WALLET);

        vm.passwordProperty().set(TestWalletSessions.PASSWORD);
        vm.confirmationProperty().set(TestWalletSessions.PASSWORD);
        vm.onCreate();

        assertThat(created).hasSize(1);
        assertThat(devnetStarts).isZero();
        assertThat(wallet.network()).isEqualTo(new dev.latchkey.ui.common.NetworkChoice.Preset("base-sepolia", "https://rpc.example.org/v1", java.util.Optional.empty()));
    }

    @Test
    void theDevnetStartsAfterCreationAndListsEachStep() throws Exception {
        vm.onContinue();
        vm.passwordProperty().set(TestWalletSessions.PASSWORD);
        vm.confirmationProperty().set(TestWalletSessions.PASSWORD);
        devnetFails = true;
        vm.onCreate();

        assertThat(vm.stepProperty().get()).isEqualTo(FirstRunViewModel.Step.DEVNET);
        assertThat(vm.devnetSteps()).containsExactly("starting anvil (chain id 31337)");
        assertThat(vm.devnetFailedProperty().get()).isTrue();
        assertThat(vm.errorProperty().get()).startsWith("The devnet did not start: Anvil not found.");
        assertThat(created).isEmpty();
        assertThat(wallet.network()).isEqualTo(new dev.latchkey.ui.common.NetworkChoice.LocalDevnet());

        devnetFails = false;
        vm.onStartDevnet();
        assertThat(vm.devnetSteps()).containsExactly("starting anvil (chain id 31337)", "devnet ready in 5.1 s");
        assertThat(created).hasSize(1);
        assertThat(devnetStarts).isEqualTo(2);
    }

    @Test
    void importsAKeystoreV3File() throws Exception {
        org.web3j.crypto.ECKeyPair pair = org.web3j.crypto.ECKeyPair.create(org.web3j.utils.Numeric.toBigInt(DEV_KEY));
        org.web3j.crypto.WalletFile file = org.web3j.crypto.Wallet.createLight("file-password-1", pair);
        Path json = dir.resolve("UTC--owner.json");
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(json.toFile(), file);

        vm.onContinue();
        vm.passwordProperty().set(TestWalletSessions.PASSWORD);
        vm.confirmationProperty().set(TestWalletSessions.PASSWORD);
        vm.keyChoiceProperty().set(FirstRunViewModel.KeyChoice.KEYSTORE_V3);
        assertThat(vm.secretHintProperty().get()).startsWith("Choose the keystore file");
        vm.v3FileProperty().set(dir.resolve("missing.json").toString());
        assertThat(vm.secretHintProperty().get()).startsWith("No file at");
        vm.v3FileProperty().set(json.toString());
        assertThat(vm.secretHintProperty().get()).isEqualTo("Type the keystore file's password.");
        assertThat(vm.canCreateProperty().get()).isFalse();
        vm.v3PasswordProperty().set("file-password-1");
        assertThat(vm.canCreateProperty().get()).isTrue();
        vm.onCreate();

        assertThat(created).containsExactly(DEV_ADDRESS);
    }
}
