package dev.latchkey.devnet;

import dev.latchkey.chain.ContractArtifacts;
import dev.latchkey.chain.EvmClient;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/** Deploys everything onto an empty chain, in a fixed order (so addresses are the same on every chain id). */
final class DevnetBootstrap {

    private static final BigInteger DEPLOYER_ETH = BigInteger.TEN.pow(18 + 7);
    private static final BigInteger SERVICE_ETH = BigInteger.TEN.pow(18 + 4);

    private DevnetBootstrap() {
    }

    /** Deploys everything; {@code onEntryPoint} hears the EntryPoint address as soon as it exists (to start Alto early). */
    static Map<String, String> run(EvmClient client, DevnetConfig config, DevnetKeys keys, DevnetProgress progress,
                                   java.util.function.Consumer<String> onEntryPoint) {
        long started = System.nanoTime();
        Deployer deployer = new Deployer(client, keys.deployer(), progress);
        Funds.addEth(deployer, keys.deployer(), DEPLOYER_ETH);
        for (String key : new String[] {keys.bundlerExecutorKey(), keys.bundlerUtilityKey(), keys.directSubmitterKey()}) {
            Funds.addEth(deployer, DevnetKeys.addressOf(key), SERVICE_ETH);
        }
        Map<String, String> addresses = new LinkedHashMap<>();
        ContractArtifacts artifacts = ContractArtifacts.loadFromClasspath();
        progress.step("deploying EntryPoint v0.7");
        addresses.put("EntryPoint", CoreContracts.entryPoint(deployer, artifacts.get("EntryPoint").bytecode()));
        onEntryPoint.accept(addresses.get("EntryPoint"));
        CoreContracts.deploy(deployer, artifacts, addresses, config);
        NpmArtifacts npm = new NpmArtifacts(config.nodeModules());
        UniswapMarket.deploy(deployer, npm, addresses);
        AaveMarket.deploy(deployer, npm, addresses);
        AccountFactories.deploy(deployer, config.nodeModules(), addresses);
        progress.step(String.format("deployed %d contracts in %.1f s", addresses.size(),
                (System.nanoTime() - started) / 1e9));
        return addresses;
    }

    /** Whether every address of a saved manifest has code on the (restored) chain. */
    static boolean matches(EvmClient client, Manifest manifest) {
        return client.chainId() == manifest.chainId()
                && manifest.addresses().values().stream().allMatch(client::hasCode);
    }

    /** Whether a saved manifest was deployed with the SmartSession build {@code config} asks for. */
    static boolean sameLayout(DevnetConfig config, Manifest manifest) {
        return manifest.addresses().containsKey("SmartSession") && config.smartSession().placedAt(manifest.address("SmartSession"));
    }
}
