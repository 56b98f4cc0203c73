package dev.latchkey.wallet;

import dev.latchkey.aa.flow.ChainAddresses;
import dev.latchkey.devnet.Manifest;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.catalog.Token;
import dev.latchkey.trade.catalog.TradeNetwork;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Everything the wallet needs to know about one network: where to reach it, how operations are submitted, and where
 * the account stack (EntryPoint, SmartSession, validators, policies, account factory) and the trading contracts
 * (tokens, Uniswap, Aave) live. A part that is not deployed there is empty; the accessors that need it fail with
 * {@link WalletException.Kind#MISSING_DEPLOYMENT} naming it.
 *
 * @param devnet the devnet's manifest when this is the local devnet (faucet), else empty
 */
public record NetworkProfile(String name, long chainId, URI rpcUrl, Submission submission, Address entryPoint,
                             Address smartSession, Address ownableValidator, PolicyAddresses policies,
                             Optional<Address> accountFactory, List<Token> tokens, Optional<Address> swapRouter02,
                             Optional<Address> quoterV2, Optional<Address> aavePool, Optional<Manifest> devnet) {

    public NetworkProfile {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a network needs a name");
        if (chainId <= 0) throw new IllegalArgumentException("chain id must be positive, got " + chainId);
        if (rpcUrl == null || submission == null || entryPoint == null || smartSession == null || ownableValidator == null
                || policies == null) {
            throw new IllegalArgumentException("network " + name + ": rpc url, submission, EntryPoint, SmartSession,"
                    + " OwnableValidator and policies are required");
        }
        tokens = List.copyOf(tokens);
    }

    public boolean isDevnet() {
        return devnet.isPresent();
    }

    /** The account stack for the SDK flows; needs the Latchkey account factory. */
    public ChainAddresses chainAddresses() {
        return new ChainAddresses(chainId, entryPoint, factory(), ownableValidator, smartSession, policies);
    }

    public Address factory() {
        return accountFactory.orElseThrow(() -> missing("Latchkey account factory (LatchkeyAccountFactory)",
                "accounts cannot be created or deployed here"));
    }

    /** Uniswap, Aave and the tokens, for templates and trade builders. */
    public TradeNetwork tradeNetwork() {
        return new TradeNetwork(name, chainId,
                swapRouter02.orElseThrow(() -> missing("Uniswap SwapRouter02", "no swaps")),
                quoterV2.orElseThrow(() -> missing("Uniswap QuoterV2", "no quotes")),
                aavePool.orElseThrow(() -> missing("Aave V3 Pool", "no Aave actions")),
                tokens, entryPoint, smartSession);
    }

    /** Where {@code kind} is deployed, or a clear error for Latchkey's own policies on public networks. */
    public Address policy(PolicyKind kind) {
        Address a = policies.byKind().get(kind);
        if (a == null) throw missing(kind.jsonName() + " policy", "sessions that need it cannot be created");
        return a;
    }

    private WalletException missing(String what, String consequence) {
        return new WalletException(WalletException.Kind.MISSING_DEPLOYMENT, "network " + name + " (chain " + chainId
                + ") has no " + what + " configured: " + consequence + ". Use the devnet, or a network where Latchkey's"
                + " contracts are deployed.");
    }
}
