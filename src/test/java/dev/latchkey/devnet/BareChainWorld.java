package dev.latchkey.devnet;

import dev.latchkey.chain.ContractArtifacts;
import dev.latchkey.chain.DeterministicDeployment;
import dev.latchkey.chain.EvmClient;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * A chain like a fresh public one, as other people built it: a second anvil with its own chain id, the canonical
 * EntryPoint v0.7 and the deterministic deployment proxy (anvil preinstalls it), tokens, Uniswap V3 and Aave V3 — and
 * a real Alto bundler in front of it. None of Latchkey's contracts is there: {@code latchkey contracts deploy} puts
 * them there, as a user does on a new network.
 */
public final class BareChainWorld implements AutoCloseable {

    private static final BigInteger SERVICE_ETH = BigInteger.TEN.pow(18 + 4);

    private final AnvilNode anvil;
    private final AltoBundler alto;
    private final EvmClient client;
    private final Deployer deployer;
    private final Map<String, String> addresses;

    private BareChainWorld(AnvilNode anvil, AltoBundler alto, EvmClient client, Deployer deployer, Map<String, String> addresses) {
        this.anvil = anvil;
        this.alto = alto;
        this.client = client;
        this.deployer = deployer;
        this.addresses = Map.copyOf(addresses);
    }

    public static BareChainWorld start(Path dir, long chainId) {
        DevnetConfig config = DevnetConfig.defaults(dir).withChainId(chainId);
        AnvilNode anvil = AnvilNode.spawn(config, dir.resolve("state.json"), dir.resolve("anvil.log"));
        EvmClient client = new EvmClient(anvil.rpcUrl());
        try {
            anvil.awaitReady();
            DevnetKeys keys = DevnetKeys.standard();
            Deployer deployer = new Deployer(client, keys.deployer(), DevnetProgress.silent());
            Funds.addEth(deployer, keys.deployer(), BigInteger.TEN.pow(18 + 7));
            for (String key : new String[] {keys.bundlerExecutorKey(), keys.bundlerUtilityKey()}) {
                Funds.addEth(deployer, DevnetKeys.addressOf(key), SERVICE_ETH);
            }
            ContractArtifacts artifacts = ContractArtifacts.loadFromClasspath();
            Map<String, String> addresses = new LinkedHashMap<>();
            addresses.put("EntryPoint", CoreContracts.entryPoint(deployer, artifacts.get("EntryPoint").bytecode()));
            if (!addresses.get("EntryPoint").equals(DeterministicDeployment.CANONICAL_ENTRY_POINT)) {
                throw new IllegalStateException("the EntryPoint is not at its canonical address");
            }
            String token = artifacts.get("TestToken").bytecode();
            addresses.put("USDC", deployer.deploy("USDC", token, new Utf8String("USD Coin"), new Utf8String("USDC"), new Uint8(6)));
            addresses.put("DAI", deployer.deploy("DAI", token, new Utf8String("Dai Stablecoin"), new Utf8String("DAI"), new Uint8(18)));
            addresses.put("WETH", deployer.deploy("WETH", artifacts.get("WETH9").bytecode()));
            NpmArtifacts npm = new NpmArtifacts(config.nodeModules());
            UniswapMarket.deploy(deployer, npm, addresses);
            AaveMarket.deploy(deployer, npm, addresses);
            AltoBundler alto = AltoBundler.start(config, anvil.rpcUrl(), addresses.get("EntryPoint"), keys,
                    dir.resolve("alto.log"), DevnetProgress.silent()).orElseThrow(() -> new IllegalStateException(
                    "Alto did not start; see " + dir.resolve("alto.log")));
            return new BareChainWorld(anvil, alto, client, deployer, addresses);
        } catch (RuntimeException e) {
            client.close();
            anvil.close();
            throw e;
        }
    }

    public String rpcUrl() {
        return anvil.rpcUrl();
    }

    public String bundlerUrl() {
        return alto.url();
    }

    public EvmClient client() {
        return client;
    }

    /** Where a contract of the world is ({@code USDC}, {@code SwapRouter02}, {@code AavePool}, …). */
    public String address(String name) {
        String address = addresses.get(name);
        if (address == null) {
            throw new IllegalArgumentException("no " + name + " on this chain; it has " + addresses.keySet());
        }
        return address;
    }

    /** The owner funds their account from outside the wallet: ETH for gas, and test USDC (in units). */
    public void fund(String account, BigInteger wei, BigInteger usdcUnits) {
        Funds.addEth(deployer, account, wei);
        Funds.mintTo(deployer, address("USDC"), account, usdcUnits);
    }

    @Override
    public void close() {
        alto.close();
        client.close();
        anvil.close();
    }
}
