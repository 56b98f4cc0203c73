package dev.latchkey.ui.network;

import java.nio.file.Path;
import java.util.List;

/**
 * The user's own networks, as the app keeps them beside the wallet: listed, checked on their chain, added. Every
 * method blocks (RPC, file) and is called off the FX thread; failures carry words for the user.
 */
public interface NetworkBook {

    /** The own networks kept beside the wallet in {@code walletDirectory}, in the order they were added. */
    List<OwnNetwork> list(Path walletDirectory) throws Exception;

    /** Asks the chain about {@code entry} (chain id, every contract, each token) and, when it passed, stores it beside the wallet in {@code walletDirectory}. One line per finding. */
    List<String> add(Path walletDirectory, NewNetwork entry) throws Exception;

    /** A network as the list shows it. */
    record OwnNetwork(String name, long chainId) {
    }

    /** For screens and tests that do not offer own networks: every call says so. */
    static NetworkBook unavailable() {
        return new NetworkBook() {
            @Override
            public List<OwnNetwork> list(Path walletDirectory) {
                return List.of();
            }

            @Override
            public List<String> add(Path walletDirectory, NewNetwork entry) {
                throw new IllegalStateException("this app cannot add networks");
            }
        };
    }
}
