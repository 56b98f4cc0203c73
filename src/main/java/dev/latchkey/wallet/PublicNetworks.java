package dev.latchkey.wallet;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Public test-network presets. The Smart Sessions stack is the canonical deployment of spec §5 (module-sdk 0.4.0
 * {@code GLOBAL_CONSTANTS}); Uniswap and Aave addresses come from their deployment pages. None of Latchkey's own
 * contracts (account factory, PeriodicSpendingLimit, RateLimit, GasCostLimit) is deployed on these networks: what
 * needs them fails with a message that says so. No public bundler is assumed: sending needs {@code --bundler-url}.
 * Every address is checked for code when it is first used ({@link ChainConnection#requireCode}).
 */
public final class PublicNetworks {

    public static final List<String> NAMES = List.of("sepolia", "base-sepolia");

    private PublicNetworks() { }

    public static Optional<NetworkProfile> preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sepolia" -> Optional.of(profile("sepolia", 11_155_111L, "https://ethereum-sepolia-rpc.publicnode.com",
                    "0x3bfa4769fb09eefc5a80d6e87c3b9c650f7ae48e", "0xed1f6473345f45b75f8179591dd5ba1888cf2fb3",
                    "0x6ae43d3271ff6888e7fc43fd7321a503ff738951",
                    List.of(token("USDC", "0x1c7d4b196cb0c7b01d743fbc6116a902379c7238", 6),
                            token("WETH", "0xfff9976782d46cc05630d1f6ebab18b2324d6b14", 18))));
            case "base-sepolia" -> Optional.of(profile("base-sepolia", 84_532L, "https://sepolia.base.org",
                    "0x94cc0aac535ccdb3c01d6787d6413c739ae12bc4", "0xc5290058841028f1614f3a6f0f5816cad0df5e27",
                    "0x07ea79f68b2b3df564d0a34f8e19d9b1e339814b",
                    List.of(token("USDC", "0x036cbd53842c5426634e7929541ec2318f3dcf7e", 6),
                            token("WETH", "0x4200000000000000000000000000000000000006", 18))));
            default -> Optional.empty();
        };
    }

    private static NetworkProfile profile(String name, long chainId, String rpc, String router, String quoter, String pool,
                                          List<Token> tokens) {
        return new NetworkProfile(name, chainId, URI.create(rpc),
                new Submission.None(name + " has no default bundler; pass --bundler-url (e.g. a Pimlico or Alchemy endpoint)"),
                TradeNetwork.ENTRY_POINT_V07, TradeNetwork.SMART_SESSION_V1, Owners.OWNABLE_VALIDATOR,
                PolicyAddresses.canonical(), Optional.empty(), tokens, Optional.of(new Address(router)),
                Optional.of(new Address(quoter)), Optional.of(new Address(pool)), Optional.empty());
    }

    private static Token token(String symbol, String address, int decimals) {
        return new Token(symbol, new Address(address), decimals);
    }
}
