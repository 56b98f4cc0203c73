package dev.latchkey.wallet;

import dev.latchkey.chain.DeterministicDeployment;
import dev.latchkey.session.model.Address;
import dev.latchkey.trade.catalog.Token;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A network the user added ({@code latchkey network add}): where to reach it and, per contract, an address that
 * replaces the computed one (docs/wallet.md, "User networks").
 *
 * @param name      lower-case name, 1–32 of {@code a-z 0-9 -}, not {@code devnet} nor a preset's
 * @param chainId   the chain id its RPC must answer
 * @param rpcUrl    http(s) JSON-RPC endpoint
 * @param bundlerUrl ERC-4337 bundler, when there is one
 * @param explorerUrl block explorer, when there is one
 * @param addresses  overrides by contract name ({@link #CONTRACT_NAMES}), lower-case hex
 * @param tokens     the ERC-20 tokens the wallet offers here (symbol and decimals as read from the chain at add)
 */
public record UserNetwork(String name, long chainId, URI rpcUrl, Optional<URI> bundlerUrl, Optional<URI> explorerUrl,
                          Map<String, String> addresses, List<Token> tokens) {

    /** Trading venues of the network (other people's contracts): only where they are is known, nothing is computed. */
    public static final List<String> VENUE_NAMES = List.of("SwapRouter02", "QuoterV2", "AavePool");
    /** The contracts an override can name: EntryPoint, ours and the venues. */
    public static final List<String> CONTRACT_NAMES = Stream.of(Stream.of("EntryPoint"), DeterministicDeployment.MODULES.stream(),
            Stream.of(DeterministicDeployment.FACTORY), VENUE_NAMES.stream()).flatMap(s -> s).toList();
    /** More is a damaged file or a mistake, not a token list a person picks from. */
    static final int MAX_TOKENS = 64;

    public UserNetwork {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw invalid("a network name is 1 to 32 lower-case letters, digits or '-', starting with a letter or digit,"
                    + " not '" + name + "'");
        }
        if (name.equals(NetworkRequest.DEVNET) || PublicNetworks.NAMES.contains(name)) {
            throw invalid("'" + name + "' is a built-in network; choose another name");
        }
        if (chainId <= 0) {
            throw invalid("the chain id must be positive, not " + chainId);
        }
        requireHttp("RPC URL", rpcUrl);
        bundlerUrl.ifPresent(u -> requireHttp("bundler URL", u));
        explorerUrl.ifPresent(u -> requireHttp("explorer URL", u));
        Map<String, String> checked = new LinkedHashMap<>();
        addresses.forEach((contract, address) -> {
            if (!CONTRACT_NAMES.contains(contract)) {
                throw invalid("no contract '" + contract + "' to give an address for; known: " + String.join(", ", CONTRACT_NAMES));
            }
            checked.put(contract, Address.parse(contract, address).hex().toLowerCase(Locale.ROOT));
        });
        addresses = java.util.Collections.unmodifiableMap(checked);
        tokens = List.copyOf(tokens);
        if (tokens.size() > MAX_TOKENS) {
            throw invalid("a network lists at most " + MAX_TOKENS + " tokens, not " + tokens.size());
        }
        Set<String> symbols = new HashSet<>();
        for (Token t : tokens) {
            if (!symbols.add(t.symbol())) {
                throw invalid("the token " + t.symbol() + " is listed twice");
            }
        }
    }

    /** The same network with {@code more} tokens. */
    public UserNetwork withTokens(List<Token> more) {
        return new UserNetwork(name, chainId, rpcUrl, bundlerUrl, explorerUrl, addresses, more);
    }

    /** The address of a venue the user gave ({@link #VENUE_NAMES}). */
    public Optional<String> venue(String venue) {
        return Optional.ofNullable(addresses.get(venue));
    }

    /** Where {@code contract} is on this network: the override, else the computed address. */
    public String address(String contract, String computed) {
        return addresses.getOrDefault(contract, computed);
    }

    private static void requireHttp(String what, URI url) {
        if (url == null || url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null) {
            throw invalid("the " + what + " must be an http(s) URL, not '" + url + "'");
        }
    }

    private static WalletException invalid(String message) {
        return new WalletException(WalletException.Kind.INVALID, message);
    }
}
