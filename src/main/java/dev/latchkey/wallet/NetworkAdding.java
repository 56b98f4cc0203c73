package dev.latchkey.wallet;

import dev.latchkey.chain.EvmClient;
import dev.latchkey.trade.catalog.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adding a user network, the same for the CLI's {@code network add} and the app's "Add network": the chain is asked
 * first (chain id, code and code hash of every address, each token's symbol and decimals), and only a network that
 * passed is stored, so a wrong address is refused before anything is written, naming the contract.
 */
public final class NetworkAdding {

    /** A network that passed its checks, and what was found for each contract. */
    public record Checked(UserNetwork network, List<NetworkCheck.Checked> contracts) {
        public Checked {
            contracts = List.copyOf(contracts);
        }
    }

    private NetworkAdding() {
    }

    /**
     * Checks {@code bare} on its chain and reads {@code tokens} (symbol → address) there. Nothing is stored.
     *
     * @throws WalletException naming the contract or token that is wrong
     */
    private static Checked check(UserNetwork bare, Map<String, String> tokens) {
        try (EvmClient client = new EvmClient(bare.rpcUrl().toString())) {
            NetworkCheck.check(bare, client);
            List<Token> read = new ArrayList<>();
            tokens.forEach((symbol, address) -> read.add(NetworkTokens.read(client, symbol, address, bare.name())));
            UserNetwork network = bare.withTokens(read);
            return new Checked(network, NetworkCheck.check(network, client));
        }
    }

    /** Checks, then stores in {@code store}; refuses a name that is taken before contacting the chain. */
    public static Checked add(UserNetworks store, UserNetwork bare, Map<String, String> tokens) {
        if (store.get(bare.name()).isPresent()) {
            throw new WalletException(WalletException.Kind.INVALID, "a network named '" + bare.name()
                    + "' exists; remove it first or choose another name");
        }
        Checked checked = check(bare, tokens);
        store.add(checked.network());
        return checked;
    }
}
