package dev.latchkey.ui.network;

import java.util.Map;
import java.util.Optional;

/**
 * A network as the user typed it, syntactically checked by {@link NetworkForm}: what is on the chain is checked by
 * {@link NetworkBook}.
 *
 * @param tokens    symbol → token address, in the order typed
 * @param addresses contract name → address replacing the computed one, in the order typed
 */
public record NewNetwork(String name, long chainId, String rpcUrl, Optional<String> bundlerUrl, Optional<String> explorerUrl,
                         Map<String, String> tokens, Map<String, String> addresses) {
    public NewNetwork {
        tokens = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tokens));
        addresses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(addresses));
    }
}
