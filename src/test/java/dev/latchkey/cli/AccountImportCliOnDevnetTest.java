package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.latchkey.chain.Abi;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.chain.TxReceipt;
import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.KdfPolicy;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.WalletLocation;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.generated.Bytes21;
import org.web3j.abi.datatypes.generated.Bytes4;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;

/**
 * {@code account import} of accounts created outside Latchkey, the way rhinestone's SDK creates a Safe7579 account
 * ({@code SafeProxyFactory.createProxyWithNonce(singleton, Safe.setup(owners, threshold, launchpad,
 * addSafe7579(adapter, validators, …), adapter, …), saltNonce)}) from the devnet's deployer account, here without any
 * ERC-7579 validator, so SmartSession is missing until Latchkey installs it; and a Kernel v3.1 the way ZeroDev's SDK
 * creates one with {@code KernelFactory}, OwnableValidator its root validator and nothing else.
 */
@ExtendWith(DevnetExtension.class)
class AccountImportCliOnDevnetTest {

    private static final String OWNER_KEY = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    private static final String STRANGER = "0x00000000000000000000000000000000000beef1";

    @TempDir Path tmp;

    @Test
    void aSafeCreatedElsewhereIsImportedGetsSmartSessionWithOneOwnerOperationAndTrades(Devnet devnet) throws Exception {
        CliRunner cli = walletWithOwnerKey(devnet);
        String owner = Credentials.create(OWNER_KEY).getAddress();
        String safe;
        try (EvmClient node = new EvmClient(devnet.manifest().rpcUrl())) {
            safe = createSafe(devnet, node, List.of(owner), 1, 7);
            node.waitForReceipt(node.sendFromUnlocked(devnet.manifest().accounts().get("deployer"), safe, BigInteger.TEN.pow(18),
                    "0x", BigInteger.valueOf(100_000)));
            assertThat(installed(node, safe, devnet.manifest().address("SmartSession"))).isFalse();

            CliRunner.Run imported = cli.chain("account", "import", "--address", safe);
            assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
            JsonNode j = imported.json();
            assertThat(j.path("kind").asText()).isEqualTo("safe7579");
            assertThat(j.path("accountId").asText()).isEqualTo("rhinestone.safe7579.v1.0.0");
            assertThat(j.path("owner").asText()).isEqualToIgnoringCase(owner);
            assertThat(j.path("smartSession").asText()).isEqualTo("installed now");
            assertThat(installed(node, safe, devnet.manifest().address("SmartSession"))).as("installed on chain").isTrue();

            CliRunner.Run again = cli.chain("account", "import", "--address", safe);
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(again.json().path("alreadyRegistered").asBoolean()).isTrue();
            assertThat(again.json().path("smartSession").asText()).isEqualTo("already installed");
        }

        assertThat(cli.chain("account", "fund", "--usdc", "1000").exit()).isZero();
        String session = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH", "--max-per-trade", "500",
                "--max-per-day", "2000", "--days", "7").json().path("session").asText();
        assertThat(cli.chain("session", "enable", "--session", session).exit()).isZero();
        CliRunner.Run swap = cli.chain("trade", "swap", "--from", "USDC", "--to", "WETH", "--amount", "100", "--max-slippage", "0.5%");
        assertThat(swap.exit()).as(swap.out() + swap.err()).isZero();
        assertThat(swap.json().path("result").asText()).isEqualTo("included");
        JsonNode shown = cli.chain("account", "show").json();
        assertThat(shown.path("account").asText()).isEqualToIgnoringCase(safe);
        assertThat(shown.path("balances").path("USDC").asText()).isEqualTo("900");
    }

    @Test
    void aKernelCreatedElsewhereIsImportedGetsSmartSessionWithOneOwnerOperationAndTrades(Devnet devnet) throws Exception {
        CliRunner cli = walletWithOwnerKey(devnet);
        String owner = Credentials.create(OWNER_KEY).getAddress();
        String smartSession = devnet.manifest().address("SmartSession");
        String kernel;
        try (EvmClient node = new EvmClient(devnet.manifest().rpcUrl())) {
            kernel = createKernel(devnet, node, owner, 7);
            node.waitForReceipt(node.sendFromUnlocked(devnet.manifest().accounts().get("deployer"), kernel, BigInteger.TEN.pow(18),
                    "0x", BigInteger.valueOf(100_000)));
            assertThat(installed(node, kernel, smartSession)).isFalse();

            CliRunner.Run imported = cli.chain("account", "import", "--address", kernel);
            assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
            JsonNode j = imported.json();
            assertThat(j.path("kind").asText()).isEqualTo("kernel");
            assertThat(j.path("accountId").asText()).isEqualTo("kernel.advanced.v0.3.1");
            assertThat(j.path("owner").asText()).isEqualToIgnoringCase(owner);
            assertThat(j.path("smartSession").asText()).isEqualTo("installed now");
            assertThat(installed(node, kernel, smartSession)).as("installed on chain").isTrue();
            byte[] vId = new byte[21];
            vId[0] = 1;
            System.arraycopy(org.web3j.utils.Numeric.hexStringToByteArray(smartSession), 0, vId, 1, 20);
            assertThat(Abi.word(node.call(kernel, Abi.call("isAllowedSelector(bytes21,bytes4)", new Bytes21(vId),
                    new Bytes4(org.web3j.utils.Numeric.hexStringToByteArray("0xe9ae5c53")))), 0))
                    .as("SmartSession granted execute by the owner operation").isEqualTo(BigInteger.ONE);
        }

        assertThat(cli.chain("account", "fund", "--usdc", "1000").exit()).isZero();
        String session = cli.chain("session", "create", "--template", "uniswap-swap", "--pair", "USDC/WETH", "--max-per-trade", "500",
                "--max-per-day", "2000", "--days", "7").json().path("session").asText();
        assertThat(cli.chain("session", "enable", "--session", session).exit()).isZero();
        for (int i = 0; i < 2; i++) { // ENABLE, then USE
            CliRunner.Run swap = cli.chain("trade", "swap", "--from", "USDC", "--to", "WETH", "--amount", "100", "--max-slippage", "0.5%");
            assertThat(swap.exit()).as(swap.out() + swap.err()).isZero();
            assertThat(swap.json().path("result").asText()).isEqualTo("included");
        }
        JsonNode shown = cli.chain("account", "show").json();
        assertThat(shown.path("account").asText()).isEqualToIgnoringCase(kernel);
        assertThat(shown.path("balances").path("USDC").asText()).isEqualTo("800");
    }

    @Test
    void importIsRefusedWithTheReasonAndNothingIsStored(Devnet devnet) throws Exception {
        CliRunner cli = walletWithOwnerKey(devnet);
        String owner = Credentials.create(OWNER_KEY).getAddress();
        try (EvmClient node = new EvmClient(devnet.manifest().rpcUrl())) {
            String eoa = devnet.manifest().accounts().get("deployer");
            refused(cli, eoa, "has no code on devnet: only a deployed smart account can be imported");
            refused(cli, devnet.manifest().address("USDC"), "is not an ERC-7579 account: it does not answer accountId()");
            String foreign = createSafe(devnet, node, List.of(STRANGER), 1, 11);
            refused(cli, foreign, "is controlled by the Safe owners " + new dev.latchkey.session.model.Address(STRANGER).checksummed()
                    + " (threshold 1); none of them is an owner key of this vault");
            String twoOfTwo = createSafe(devnet, node, List.of(owner, STRANGER), 2, 12);
            refused(cli, twoOfTwo, "needs 2 owner signatures");
            String foreignKernel = createKernel(devnet, node, STRANGER, 11);
            refused(cli, foreignKernel, "is controlled by OwnableValidator owners "
                    + new dev.latchkey.session.model.Address(STRANGER).checksummed() + " (threshold 1); none of them is an owner key of this vault");
        }
        CliRunner.Run nexus = cli.chain("account", "create", "--kind", "nexus");
        assertThat(nexus.exit()).isEqualTo(1);
        assertThat(nexus.json().path("message").asText()).startsWith("Nexus accounts are not supported yet");
        try (Keystore ks = Keystore.open(WalletLocation.walletFile(tmp.resolve("wallet")), KdfPolicy.standard(), java.time.Clock.systemUTC())) {
            assertThat(ks.sessions().accounts()).as("no account stored").isEmpty();
        }
        assertThat(cli.chain("account", "show").exit()).isEqualTo(1);
    }

    private static void refused(CliRunner cli, String address, String reason) {
        CliRunner.Run r = cli.chain("account", "import", "--address", address);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.json().path("error").asText()).isEqualTo("UnsupportedAccount");
        assertThat(r.json().path("message").asText()).contains(reason).endsWith("Nothing was stored.");
    }

    private CliRunner walletWithOwnerKey(Devnet devnet) throws Exception {
        CliRunner cli = new CliRunner(tmp, devnet.config().dir().resolve("manifest.json"));
        assertThat(cli.init().exit()).isZero();
        Path key = tmp.resolve("owner.key");
        Files.writeString(key, OWNER_KEY + "\n");
        CliRunner.Run imported = cli.walletOnly("wallet", "import-key", "--key-file", key.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        return cli;
    }

    /** A Safe as an SDK outside Latchkey makes it: owners, threshold, the Safe7579 adapter enabled, no validators. */
    private static String createSafe(Devnet devnet, EvmClient node, List<String> owners, int threshold, long saltNonce) {
        var m = devnet.manifest();
        String adapter = m.address("Safe7579");
        String addSafe7579 = Abi.call("addSafe7579(address,(address,bytes)[],(address,bytes)[],(address,bytes)[],(address,bytes)[],address[],uint8)",
                new Address(adapter), structs(), structs(), structs(), structs(), new DynamicArray<>(Address.class, List.of()), new Uint8(0));
        List<Address> sorted = owners.stream().map(Address::new).toList();
        String setup = Abi.call("setup(address[],uint256,address,bytes,address,address,uint256,address)",
                new DynamicArray<>(Address.class, sorted), new Uint256(threshold), new Address(m.address("Safe7579Launchpad")),
                new DynamicBytes(org.web3j.utils.Numeric.hexStringToByteArray(addSafe7579)), new Address(adapter),
                new Address("0x0"), new Uint256(0), new Address("0x0"));
        String create = Abi.call("createProxyWithNonce(address,bytes,uint256)", new Address(m.address("SafeSingleton")),
                new DynamicBytes(org.web3j.utils.Numeric.hexStringToByteArray(setup)), new Uint256(saltNonce));
        String deployer = m.accounts().get("deployer");
        String factory = m.address("SafeProxyFactory");
        String safe = Abi.address(node.call(deployer, factory, create), 0);
        TxReceipt receipt = node.waitForReceipt(node.sendFromUnlocked(deployer, factory, BigInteger.ZERO, create, BigInteger.valueOf(2_000_000)));
        assertThat(receipt.success()).isTrue();
        assertThat(node.hasCode(safe)).isTrue();
        return safe;
    }

    /**
     * A Kernel v3.1 as ZeroDev's SDK makes it: {@code KernelFactory.createAccount(initialize(0x01 ‖ OwnableValidator,
     * hook 0, abi.encode(threshold 1, [owner]), "", []), salt)}, no other validator — SmartSession is missing.
     */
    private static String createKernel(Devnet devnet, EvmClient node, String owner, long salt) {
        var m = devnet.manifest();
        byte[] root = new byte[21];
        root[0] = 1;
        System.arraycopy(org.web3j.utils.Numeric.hexStringToByteArray(m.address("OwnableValidator")), 0, root, 1, 20);
        String ownerData = "0x" + Abi.encodeArgs(new Uint256(1), new DynamicArray<>(Address.class, List.of(new Address(owner))));
        String initialize = Abi.call("initialize(bytes21,address,bytes,bytes,bytes[])", new Bytes21(root), new Address("0x0"),
                new DynamicBytes(org.web3j.utils.Numeric.hexStringToByteArray(ownerData)), new DynamicBytes(new byte[0]),
                new DynamicArray<>(DynamicBytes.class, List.of()));
        String create = Abi.call("createAccount(bytes,bytes32)", new DynamicBytes(org.web3j.utils.Numeric.hexStringToByteArray(initialize)),
                new org.web3j.abi.datatypes.generated.Bytes32(org.web3j.utils.Numeric.toBytesPadded(BigInteger.valueOf(salt), 32)));
        String deployer = m.accounts().get("deployer");
        String factory = m.address("KernelFactory");
        String account = Abi.address(node.call(deployer, factory, create), 0);
        TxReceipt receipt = node.waitForReceipt(node.sendFromUnlocked(deployer, factory, BigInteger.ZERO, create, BigInteger.valueOf(2_000_000)));
        assertThat(receipt.success()).isTrue();
        assertThat(node.hasCode(account)).isTrue();
        return account;
    }

    private static DynamicArray<DynamicStruct> structs() {
        return new DynamicArray<>(DynamicStruct.class, List.of());
    }

    private static boolean installed(EvmClient node, String account, String module) {
        return Abi.word(node.call(account, Abi.call("isModuleInstalled(uint256,address,bytes)", new Uint256(1), new Address(module),
                new DynamicBytes(new byte[0]))), 0).signum() != 0;
    }
}
