package dev.latchkey.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.web3j.abi.datatypes.Address;

/**
 * The account stacks people already hold, deployed beside ours from the creation bytecode that
 * {@code @rhinestone/modulekit} 0.5.9 ships ({@code src/deployment/precompiles/}, fetched pinned and hash-checked by
 * {@code tools/registry-tarballs.mjs}): the Safe singleton, its proxy factory, the Safe7579 adapter and launchpad, then
 * Kernel v3.1's implementation and factory. They come after everything else so the CREATE addresses of the tokens,
 * Uniswap and Aave stay where they were (and Kernel after Safe, so the Safe stack's addresses stay too).
 */
final class AccountFactories {

    static final String TARBALL = ".registry-tarballs/rhinestone-modulekit-0.5.9";

    private AccountFactories() { }

    static void deploy(Deployer deployer, Path nodeModules, Map<String, String> addresses) {
        deployer.progress("deploying Safe 1.4.1 + Safe7579 (modulekit 0.5.9 precompiles)");
        addresses.put("SafeSingleton", deployer.deploy("SafeSingleton", creation(nodeModules, "SafeSingleton")));
        addresses.put("SafeProxyFactory", deployer.deploy("SafeProxyFactory", creation(nodeModules, "SafeProxyFactory")));
        addresses.put("Safe7579", deployer.deploy("Safe7579", creation(nodeModules, "Safe7579")));
        // Registry address(0): the adapter only consults an ERC-7484 registry when the account configures one, and
        // the devnet has no attesters to trust (docs/devnet.md).
        addresses.put("Safe7579Launchpad", deployer.deploy("Safe7579Launchpad", creation(nodeModules, "Safe7579Launchpad"),
                new Address(addresses.get("EntryPoint")), new Address("0x0000000000000000000000000000000000000000")));
        deployer.progress("deploying Kernel v3.1 + KernelFactory (modulekit 0.5.9 precompiles)");
        // Kernel's implementation is bound to its EntryPoint; the factory clones it (ERC-1967 proxies) per account.
        addresses.put("Kernel", deployer.deploy("Kernel", creation(nodeModules, "Kernel"), new Address(addresses.get("EntryPoint"))));
        addresses.put("KernelFactory", deployer.deploy("KernelFactory", creation(nodeModules, "KernelFactory"),
                new Address(addresses.get("Kernel"))));
    }

    /** The 0x-hex creation bytecode {@code name} extracted from the pinned tarball. */
    static String creation(Path nodeModules, String name) {
        Path file = nodeModules.resolve(TARBALL).resolve(name + ".creation.hex");
        try {
            String hex = Files.readString(file).trim();
            if (!hex.matches("0x[0-9a-f]+")) throw new DevnetException(file + " does not hold hex bytecode");
            return hex;
        } catch (IOException e) {
            throw new DevnetException("the " + name + " bytecode is missing (" + file + "); run 'mvn initialize' once to fetch"
                    + " the pinned @rhinestone/modulekit 0.5.9 tarball", e);
        }
    }
}
