package dev.latchkey.devnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which SmartSession module a devnet runs. Everything else (policies, validators, the account factory wired to the
 * module) is the same in both layouts, so the wallet's one-click path can be run against bytecode nobody here wrote.
 */
public enum SmartSessionBuild {

    /** Our implementation, compiled from {@code src/main/solidity/smartsession} and deployed by the bootstrap. */
    LATCHKEY("latchkey"),

    /**
     * The canonical module's runtime bytecode as shipped in {@code @rhinestone/modulekit} 0.5.9
     * ({@code src/deployment/precompiles/SmartSessionsPrecompiles.sol}, fetched pinned by {@code tools/registry-tarballs.mjs}),
     * set at module-sdk 0.4.0's canonical SmartSession address. It is an older build than Smart Sessions v1 (other
     * EIP-712 types and Session struct; docs/devnet.md lists the differences), which the wallet refuses by name.
     */
    MODULEKIT_0_5_9("modulekit");

    /** module-sdk 0.4.0 {@code GLOBAL_CONSTANTS.SMART_SESSIONS_ADDRESS}, where public chains have the module. */
    public static final String CANONICAL_ADDRESS = "0x00000000008bdaba73cd9815d79069c247eb4bda";

    static final String MODULEKIT_RUNTIME = ".registry-tarballs/rhinestone-modulekit-0.5.9/SmartSession.runtime.hex";

    private final String option;

    SmartSessionBuild(String option) {
        this.option = option;
    }

    /** The name {@code devnet up --smart-session} takes. */
    public String option() {
        return option;
    }

    public static SmartSessionBuild fromOption(String value) {
        for (SmartSessionBuild b : values()) {
            if (b.option.equals(value.toLowerCase(Locale.ROOT))) return b;
        }
        throw new IllegalArgumentException("--smart-session must be 'latchkey' or 'modulekit', not '" + value + "'");
    }

    /** Whether a saved manifest's SmartSession address is the one this build puts there. */
    boolean placedAt(String smartSession) {
        return (this == MODULEKIT_0_5_9) == CANONICAL_ADDRESS.equalsIgnoreCase(smartSession);
    }

    /** The canonical runtime bytecode (0x-hex) from the pinned registry tarball under {@code nodeModules}. */
    static String modulekitRuntime(Path nodeModules) {
        Path file = nodeModules.resolve(MODULEKIT_RUNTIME);
        try {
            String hex = Files.readString(file).trim();
            if (!hex.matches("0x[0-9a-f]+")) throw new DevnetException(file + " does not hold hex bytecode");
            return hex;
        } catch (IOException e) {
            throw new DevnetException("the canonical SmartSession bytecode is missing (" + file + "); run 'mvn initialize' once"
                    + " to fetch the pinned @rhinestone/modulekit 0.5.9 tarball", e);
        }
    }
}
