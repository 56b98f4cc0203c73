package dev.latchkey.ui.network;

import dev.latchkey.ui.common.NetworkChoice;
import dev.latchkey.wallet.PublicNetworks;
import dev.latchkey.wallet.UserNetwork;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The fields of a new network (first run and Settings), checked as the user types: a name, the chain id, RPC and
 * bundler URLs, an explorer, the tokens to offer ({@code USDC=0x…}, one per line) and addresses that replace the
 * computed ones. What the chain holds is checked later, by {@link NetworkBook}.
 */
public final class NetworkForm {

    /** A person's token list, not a damaged paste. */
    static final int MAX_LINES = 64;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty chainId = new SimpleStringProperty(this, "chainId", "");
    private final StringProperty rpcUrl = new SimpleStringProperty(this, "rpcUrl", "");
    private final StringProperty bundlerUrl = new SimpleStringProperty(this, "bundlerUrl", "");
    private final StringProperty explorerUrl = new SimpleStringProperty(this, "explorerUrl", "");
    private final StringProperty tokens = new SimpleStringProperty(this, "tokens", "");
    private final StringProperty addresses = new SimpleStringProperty(this, "addresses", "");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    public NetworkForm() {
        for (StringProperty p : List.of(name, chainId, rpcUrl, bundlerUrl, explorerUrl, tokens, addresses)) {
            p.addListener(x -> validate());
        }
        validate();
    }

    /** The entry, or empty while a field is wrong ({@link #hintProperty()} says which). */
    public Optional<NewNetwork> entry() {
        if (!problem().isEmpty()) return Optional.empty();
        return Optional.of(new NewNetwork(name.get().trim(), Long.parseLong(chainId.get().trim()), rpcUrl.get().trim(),
                optional(bundlerUrl.get()), optional(explorerUrl.get()), pairs(tokens.get()), pairs(addresses.get())));
    }

    private void validate() {
        String p = problem();
        valid.set(p.isEmpty());
        hint.set(p.isEmpty() ? (bundlerUrl.get().isBlank()
                ? "Looks right. Without a bundler URL the wallet can read this network but not send operations."
                : "Looks right. The chain is asked about every contract and token before the network is kept.") : p);
    }

    private String problem() {
        String n = name.get().trim();
        if (n.isEmpty()) return "Name the network, e.g. my-sepolia.";
        if (!n.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            return "A name is 1 to 32 lower-case letters, digits or '-', starting with a letter or digit.";
        }
        if (n.equals("devnet") || PublicNetworks.NAMES.contains(n)) return "'" + n + "' is a built-in network; choose another name.";
        String id = chainId.get().trim();
        if (!id.matches("[0-9]{1,18}") || Long.parseLong(id) <= 0) return "The chain id is a positive whole number, e.g. 11155111.";
        String rpc = NetworkChoice.urlProblem(rpcUrl.get(), false);
        if (!rpc.isEmpty()) return "RPC URL: " + rpc;
        String bundler = NetworkChoice.urlProblem(bundlerUrl.get(), true);
        if (!bundler.isEmpty()) return "Bundler URL: " + bundler;
        String explorer = NetworkChoice.urlProblem(explorerUrl.get(), true);
        if (!explorer.isEmpty()) return "Explorer URL: " + explorer;
        String tokenProblem = pairProblem(tokens.get(), "token");
        if (!tokenProblem.isEmpty()) return tokenProblem;
        return pairProblem(addresses.get(), "address");
    }

    private static String pairProblem(String text, String what) {
        List<String> lines = lines(text);
        if (lines.size() > MAX_LINES) return "At most " + MAX_LINES + " " + what + " lines.";
        Map<String, String> seen = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).trim();
            String value = eq < 0 ? "" : line.substring(eq + 1).trim();
            if (key.isEmpty() || !value.matches("0[xX][0-9a-fA-F]{40}")) {
                return what.equals("token") ? "Write each token as SYMBOL=0x… (40 hex digits), one per line: '" + line + "'."
                        : "Write each address as Contract=0x… (40 hex digits), one per line: '" + line + "'.";
            }
            if (what.equals("token") && !key.matches("[A-Za-z0-9.]{1,11}")) {
                return "A token symbol is 1 to 11 letters or digits: '" + key + "'.";
            }
            if (what.equals("address") && !UserNetwork.CONTRACT_NAMES.contains(key)) {
                return "No contract '" + key + "' to give an address for; known: " + String.join(", ", UserNetwork.CONTRACT_NAMES) + ".";
            }
            if (seen.put(what.equals("token") ? key.toUpperCase(Locale.ROOT) : key, value) != null) {
                return "'" + key + "' is listed twice.";
            }
        }
        return "";
    }

    /** The lines of {@code text} as key → value; only called once {@link #pairProblem} found none. */
    private static Map<String, String> pairs(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int eq = line.indexOf('=');
            out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return out;
    }

    private static List<String> lines(String text) {
        if (text == null) return List.of();
        return java.util.Arrays.stream(text.split("[\\n,]")).map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    private static Optional<String> optional(String text) {
        return Optional.of(text.trim()).filter(t -> !t.isEmpty());
    }

    /** Empties every field (after the network was kept). */
    public void clear() {
        for (StringProperty p : List.of(name, chainId, rpcUrl, bundlerUrl, explorerUrl, tokens, addresses)) p.set("");
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty chainIdProperty() { return chainId; }
    public StringProperty rpcUrlProperty() { return rpcUrl; }
    public StringProperty bundlerUrlProperty() { return bundlerUrl; }
    public StringProperty explorerUrlProperty() { return explorerUrl; }
    public StringProperty tokensProperty() { return tokens; }
    public StringProperty addressesProperty() { return addresses; }
    public ReadOnlyStringProperty hintProperty() { return hint.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
}
