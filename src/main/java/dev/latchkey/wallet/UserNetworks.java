package dev.latchkey.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.session.model.Address;
import dev.latchkey.trade.catalog.Token;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's networks, in {@code networks.json} beside the wallet file. No secret is stored there (a network is URLs
 * and addresses), so it is a plain file, not the encrypted wallet; writes go to a temporary file that replaces the
 * old one, so a crash leaves the old list or the new one, never half.
 */
public final class UserNetworks {

    public static final String FILE = "networks.json";
    /** More is a damaged or foreign file, not a user's list. */
    static final int MAX_NETWORKS = 64;
    private static final long MAX_BYTES = 1 << 20;

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public UserNetworks(Path walletDirectory) {
        this.file = walletDirectory.resolve(FILE);
    }

    public List<UserNetwork> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("larger than 1 MB; it is not a network list");
            }
            List<UserNetwork> networks = new ArrayList<>();
            for (JsonNode n : json.readTree(file.toFile()).path("networks")) {
                Map<String, String> addresses = new LinkedHashMap<>();
                n.path("addresses").fields().forEachRemaining(e -> addresses.put(e.getKey(), e.getValue().asText()));
                List<Token> tokens = new ArrayList<>();
                for (JsonNode t : n.path("tokens")) {
                    tokens.add(new Token(t.path("symbol").asText(), Address.parse("token", t.path("address").asText()),
                            t.path("decimals").asInt(-1)));
                }
                networks.add(new UserNetwork(n.path("name").asText(), n.path("chainId").asLong(),
                        URI.create(n.path("rpcUrl").asText()), optionalUri(n, "bundlerUrl"), optionalUri(n, "explorerUrl"),
                        addresses, tokens));
            }
            return List.copyOf(networks);
        } catch (IOException | IllegalArgumentException | WalletException e) {
            throw new WalletException(WalletException.Kind.STATE, "cannot read the networks in " + file + ": "
                    + e.getMessage(), e);
        }
    }

    public Optional<UserNetwork> get(String name) {
        return list().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Adds {@code network}; refuses a name that is taken. */
    public void add(UserNetwork network) {
        List<UserNetwork> networks = new ArrayList<>(list());
        if (networks.stream().anyMatch(n -> n.name().equals(network.name()))) {
            throw new WalletException(WalletException.Kind.INVALID, "a network named '" + network.name()
                    + "' exists; remove it first or choose another name");
        }
        if (networks.size() >= MAX_NETWORKS) {
            throw new WalletException(WalletException.Kind.INVALID, "the wallet holds " + MAX_NETWORKS
                    + " networks, the most it keeps; remove one first");
        }
        networks.add(network);
        write(networks);
    }

    /** Removes the network called {@code name}; fails when there is none. */
    public void remove(String name) {
        List<UserNetwork> networks = new ArrayList<>(list());
        if (!networks.removeIf(n -> n.name().equals(name))) {
            throw new WalletException(WalletException.Kind.NOT_FOUND, "no network named '" + name + "'");
        }
        write(networks);
    }

    private void write(List<UserNetwork> networks) {
        ObjectNode root = json.createObjectNode();
        ArrayNode array = root.putArray("networks");
        for (UserNetwork n : networks) {
            ObjectNode o = array.addObject();
            o.put("name", n.name());
            o.put("chainId", n.chainId());
            o.put("rpcUrl", n.rpcUrl().toString());
            n.bundlerUrl().ifPresent(u -> o.put("bundlerUrl", u.toString()));
            n.explorerUrl().ifPresent(u -> o.put("explorerUrl", u.toString()));
            ObjectNode addresses = o.putObject("addresses");
            n.addresses().forEach(addresses::put);
            ArrayNode tokens = o.putArray("tokens");
            for (Token t : n.tokens()) {
                tokens.addObject().put("symbol", t.symbol()).put("address", t.address().hex().toLowerCase(java.util.Locale.ROOT))
                        .put("decimals", t.decimals());
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WalletException(WalletException.Kind.STATE, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<URI> optionalUri(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(URI.create(n.get(field).asText())) : Optional.empty();
    }
}
