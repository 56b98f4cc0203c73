package dev.latchkey.ui.common;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The network picked at first run or in Settings: the local devnet, a public preset (its contract addresses are
 * known; the RPC is the user's), or one of the user's own networks (added with its chain id, RPC, bundler and tokens,
 * checked on its chain, kept in {@code networks.json} beside the wallet). {@link Custom} is only read back from
 * wallets made before own networks existed. No bundler URL means direct submission.
 */
public sealed interface NetworkChoice {

    record LocalDevnet() implements NetworkChoice { }

    /** {@code preset} names one of {@code wallet.PublicNetworks.NAMES} ("sepolia", "base-sepolia"), as the CLI's {@code --network}. */
    record Preset(String preset, String rpcUrl, Optional<String> bundlerUrl) implements NetworkChoice { }

    record Custom(String rpcUrl, Optional<String> bundlerUrl) implements NetworkChoice { }

    /** One of the user's own networks, by the name it was added under. */
    record Own(String name) implements NetworkChoice { }

    /** Why {@code text} is not an http(s) URL with a host, or empty when it is one. */
    static String urlProblem(String text, boolean optional) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return optional ? "" : "Enter the URL, e.g. https://rpc.example.org.";
        try {
            URI u = new URI(t);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return "The URL must start with https:// (or http:// on this computer).";
            if (u.getHost() == null || u.getHost().isBlank()) return "The URL has no host name.";
            if (scheme.equals("http") && !isLoopback(u.getHost())) return "Use https:// for a remote node; plain http is only for this computer.";
            return "";
        } catch (java.net.URISyntaxException e) {
            return "Not a URL: " + e.getReason() + ".";
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    /** "base-sepolia" → "Base Sepolia". */
    static String displayName(String preset) {
        StringBuilder out = new StringBuilder();
        for (String word : preset.split("-")) {
            if (word.isEmpty()) continue;
            if (!out.isEmpty()) out.append(' ');
            out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return out.toString();
    }

    /** One line for Settings and the status bar. */
    default String describe() {
        return switch (this) {
            case LocalDevnet d -> "Local devnet (anvil + Alto on this computer)";
            case Preset p -> displayName(p.preset()) + " via " + p.rpcUrl()
                    + p.bundlerUrl().map(b -> ", bundler " + b).orElse(", direct submission");
            case Custom c -> "Custom RPC " + c.rpcUrl() + c.bundlerUrl().map(b -> ", bundler " + b).orElse(", direct submission");
            case Own o -> "Your network '" + o.name() + "'";
        };
    }
}
