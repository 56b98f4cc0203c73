package dev.latchkey.devnet;

import dev.latchkey.chain.EvmClient;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.generated.Uint256;

/** Funds addresses and moves oracle prices on a running devnet (anvil's unlocked deployer signs). */
public final class DevnetFaucet {

    private final Deployer deployer;
    private final Manifest manifest;
    private final NpmArtifacts npm;

    public DevnetFaucet(EvmClient client, Manifest manifest, Path nodeModules) {
        this.deployer = new Deployer(client, manifest.accounts().getOrDefault("deployer", DevnetKeys.ANVIL_ACCOUNT_0),
                DevnetProgress.silent());
        this.manifest = manifest;
        this.npm = new NpmArtifacts(nodeModules);
    }

    public void fund(Funding funding) {
        if (funding.eth().signum() > 0) {
            Funds.addEth(deployer, funding.to(), units(funding.eth(), 18));
        }
        if (funding.usdc().signum() > 0) {
            Funds.mintTo(deployer, manifest.address("USDC"), funding.to(), units(funding.usdc(), 6));
        }
        if (funding.dai().signum() > 0) {
            Funds.mintTo(deployer, manifest.address("DAI"), funding.to(), units(funding.dai(), 18));
        }
        if (funding.weth().signum() > 0) {
            BigInteger amount = units(funding.weth(), 18);
            String weth = manifest.address("WETH");
            Funds.wrapEth(deployer, weth, amount);
            deployer.send(weth, "transfer(address,uint256)", new Address(funding.to()), new Uint256(amount));
        }
    }

    /**
     * Sets the Aave oracle price of {@code asset} (USDC, DAI or WETH) to {@code usd}: deploys a fresh
     * MockAggregator with that answer and points AaveOracle at it (MockAggregator has no setter).
     */
    public void setPrice(String asset, BigDecimal usd) {
        String symbol = asset.toUpperCase(Locale.ROOT);
        if (!AaveMarket.ASSETS.contains(symbol)) {
            throw new IllegalArgumentException("unknown asset '" + asset + "'; the devnet oracle prices "
                    + AaveMarket.ASSETS);
        }
        if (usd.signum() <= 0) {
            throw new IllegalArgumentException("the price must be positive, not " + usd);
        }
        String feed = AaveMarket.aggregator(deployer, npm, units(usd, 8));
        deployer.send(manifest.address("AaveOracle"), "setAssetSources(address[],address[])",
                new DynamicArray<>(Address.class, List.of(new Address(manifest.address(symbol)))),
                new DynamicArray<>(Address.class, List.of(new Address(feed))));
    }

    static BigInteger units(BigDecimal amount, int decimals) {
        BigDecimal scaled = amount.movePointRight(decimals);
        if (scaled.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(amount + " has more than " + decimals + " decimals");
        }
        return scaled.toBigIntegerExact();
    }
}
