package dev.latchkey.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.devnet.Manifest;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Network resolution without a network: presets, manifest parsing, overrides and the errors for what is missing. */
class NetworksTest {

    @TempDir Path dir;

    @Test
    void publicPresetsCarryTheCanonicalStackAndSayWhatIsMissing() {
        NetworkProfile sepolia = Networks.resolve(NetworkRequest.named("sepolia"));
        assertThat(sepolia.chainId()).isEqualTo(11_155_111L);
        assertThat(sepolia.smartSession()).isEqualTo(new Address("0x00000000008bDABA73cD9815d79069c247Eb4bDA"));
        assertThat(sepolia.entryPoint()).isEqualTo(TradeNetwork.ENTRY_POINT_V07);
        assertThat(sepolia.tradeNetwork().token("t", "usdc").decimals()).isEqualTo(6);
        assertThat(sepolia.submission()).isInstanceOf(Submission.None.class);

        assertThatThrownBy(sepolia::chainAddresses).isInstanceOf(WalletException.class)
                .hasMessageContaining("has no Latchkey account factory (LatchkeyAccountFactory) configured: accounts cannot be created")
                .satisfies(e -> assertThat(((WalletException) e).kind()).isEqualTo(WalletException.Kind.MISSING_DEPLOYMENT));
        assertThatThrownBy(() -> sepolia.policy(PolicyKind.GAS_COST_LIMIT)).isInstanceOf(WalletException.class)
                .hasMessageContaining("gas-cost-limit policy");
        assertThat(sepolia.policy(PolicyKind.UNIVERSAL_ACTION)).isEqualTo(new Address("0x0000000000714cf48fcf88a0bfba70d313415032"));

        NetworkProfile base = Networks.resolve(NetworkRequest.named("base-sepolia").withBundlerUrl(URI.create("http://127.0.0.1:1"))
                .withRpcUrl(URI.create("http://127.0.0.1:2")));
        assertThat(base.chainId()).isEqualTo(84_532L);
        assertThat(base.rpcUrl()).hasToString("http://127.0.0.1:2");
        assertThat(base.submission()).isEqualTo(new Submission.Bundler(URI.create("http://127.0.0.1:1")));
    }

    @Test
    void unknownNamesAndMisplacedOptionsAreRefused() {
        assertThatThrownBy(() -> Networks.resolve(NetworkRequest.named("mainnet"))).isInstanceOf(WalletException.class)
                .hasMessage("unknown network 'mainnet'; known: devnet, sepolia, base-sepolia (add your own with 'latchkey network add')");
        assertThatThrownBy(() -> Networks.resolve(NetworkRequest.named("sepolia").withManifest(dir.resolve("m.json"))))
                .hasMessageContaining("--manifest only applies to --network devnet");
        assertThatThrownBy(() -> Networks.resolve(NetworkRequest.devnet().withManifest(dir.resolve("missing.json"))))
                .isInstanceOf(WalletException.class).hasMessageContaining("no devnet manifest at");
    }

    @Test
    void devnetProfileComesFromTheManifestWithOverrides() throws Exception {
        Map<String, String> addresses = new LinkedHashMap<>();
        String[] names = {"EntryPoint", "SmartSession", "SudoPolicy", "UniActionPolicy", "ERC20SpendingLimitPolicy", "TimeFramePolicy",
                "UsageLimitPolicy", "ValueLimitPolicy", "PeriodicSpendingLimitPolicy", "RateLimitPolicy", "GasCostLimitPolicy",
                "OwnableValidator", "OperationDeadlinePolicy", "LatchkeyAccountFactory", "USDC", "DAI", "WETH", "SwapRouter02", "QuoterV2", "AavePool"};
        for (int i = 0; i < names.length; i++) addresses.put(names[i], String.format("0x%040x", 0x1000 + i));
        Manifest m = new Manifest(1, 31337, "http://127.0.0.1:8545", null, addresses, Map.of("deployer", "0x" + "11".repeat(20)),
                "0x" + "22".repeat(32));
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, m.toJson());

        NetworkProfile p = Networks.resolve(NetworkRequest.devnet().withManifest(file));
        assertThat(p.isDevnet()).isTrue();
        assertThat(p.policy(PolicyKind.GAS_COST_LIMIT)).isEqualTo(new Address(addresses.get("GasCostLimitPolicy")));
        assertThat(p.policy(PolicyKind.OPERATION_DEADLINE)).isEqualTo(new Address(addresses.get("OperationDeadlinePolicy")));
        assertThat(p.factory()).isEqualTo(new Address(addresses.get("LatchkeyAccountFactory")));
        assertThat(p.ownableValidator()).isEqualTo(new Address(addresses.get("OwnableValidator")));
        assertThat(p.submission()).as("no bundler in the manifest: direct submission").isInstanceOf(Submission.Direct.class);
        assertThat(p.submission().toString()).doesNotContain("22222222");

        NetworkProfile viaBundler = Networks.resolve(NetworkRequest.devnet().withManifest(file).withBundlerUrl(URI.create("http://127.0.0.1:9")));
        assertThat(viaBundler.submission()).isEqualTo(new Submission.Bundler(URI.create("http://127.0.0.1:9")));

        addresses.remove("AavePool");
        Files.writeString(file, new Manifest(1, 31337, "http://127.0.0.1:8545", null, addresses, Map.of(), "0x" + "22".repeat(32)).toJson());
        assertThatThrownBy(() -> Networks.resolve(NetworkRequest.devnet().withManifest(file))).isInstanceOf(WalletException.class)
                .hasMessageContaining("no contract 'AavePool'");
    }
}
