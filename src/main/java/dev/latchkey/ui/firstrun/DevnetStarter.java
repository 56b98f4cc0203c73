package dev.latchkey.ui.firstrun;

/**
 * Port: starts the local devnet (anvil, contracts, Uniswap, Aave, Alto) and reports each step as it begins, as the
 * devnet's own progress lines. Blocking; called off the FX thread. The app wires the real {@code Devnet}.
 */
@FunctionalInterface
public interface DevnetStarter {

    void start(java.util.function.Consumer<String> step) throws Exception;
}
