package dev.latchkey.devnet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the local devnet needs that the installed app does not ship: the project's npm packages (anvil, the
 * Uniswap and Aave artifacts) and Node for the Alto bundler. Public networks need none of it. Checked
 * before anything starts, so a missing tool gives one message that says what to install, not a failure halfway.
 *
 * @param missing what the devnet cannot start without, each with the fix
 * @param warnings what only limits it (no Node: no bundler, operations go out directly)
 */
public record DevnetRequirements(List<String> missing, List<String> warnings) {

    /** Artifacts the bootstrap deploys from node_modules; one per package is enough to tell it is installed. */
    static final List<String> ARTIFACTS = List.of(
            "@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json",
            "@uniswap/v3-periphery/artifacts/contracts/lens/QuoterV2.sol/QuoterV2.json",
            "@uniswap/swap-router-contracts/artifacts/contracts/SwapRouter02.sol/SwapRouter02.json",
            AaveMarket.BASE + "protocol/pool/Pool.sol/Pool.json");

    public DevnetRequirements {
        missing = List.copyOf(missing);
        warnings = List.copyOf(warnings);
    }

    /** Looks at the files and runs {@code node --version}; takes a moment, so call it off the UI thread. */
    public static DevnetRequirements check(DevnetConfig config) {
        List<String> missing = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Path modules = config.nodeModules();
        String npmFix = "run 'npm ci' in a Latchkey source checkout and start Latchkey with LATCHKEY_HOME set to that"
                + " folder";
        if (!Files.isDirectory(modules)) {
            missing.add("the project's npm tools (anvil, Uniswap and Aave): no node_modules in "
                    + config.projectDir() + "; " + npmFix);
        } else {
            Path anvil = config.anvilBinary();
            if (!Files.isExecutable(anvil)) {
                missing.add("anvil not found at " + anvil + " (Foundry 1.7.1); " + npmFix + ", or set LATCHKEY_ANVIL");
            }
            List<String> absent = ARTIFACTS.stream().filter(a -> !Files.isRegularFile(modules.resolve(a))).toList();
            if (!absent.isEmpty()) {
                missing.add("contract artifacts in " + modules + " (" + String.join(", ", absent) + "); " + npmFix);
            }
        }
        if (config.bundler()) {
            Optional<String> node = AltoBundler.nodeProblem(config.node());
            node.ifPresent(problem -> warnings.add("Node.js 20+ for the Alto bundler: " + problem
                    + "; install Node or set LATCHKEY_NODE. Without it the devnet runs without a bundler and"
                    + " operations are sent directly"));
        }
        return new DevnetRequirements(missing, warnings);
    }

    public boolean ready() {
        return missing.isEmpty();
    }

    /** For the user: what is missing and how to get it, or what is limited; empty when nothing is. */
    public String message() {
        if (missing.isEmpty() && warnings.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(missing.isEmpty()
                ? "The local devnet will start, with a limit:"
                : "The local devnet needs developer tools that the installed app does not include:");
        missing.forEach(m -> text.append("\n - ").append(m));
        warnings.forEach(w -> text.append("\n - ").append(w));
        if (!missing.isEmpty()) {
            text.append("\nPublic networks work without them.");
        }
        return text.toString();
    }
}
