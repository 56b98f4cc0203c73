package dev.latchkey.wallet;

import dev.latchkey.devnet.Manifest;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import dev.latchkey.trade.catalog.Token;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The devnet's {@link NetworkProfile}, read from its manifest (docs/devnet.md): every address by its manifest name. */
final class DevnetProfiles {

    static final Map<PolicyKind, String> POLICY_NAMES = Map.of(
            PolicyKind.SUDO, "SudoPolicy", PolicyKind.UNIVERSAL_ACTION, "UniActionPolicy",
            PolicyKind.SPENDING_LIMITS, "ERC20SpendingLimitPolicy", PolicyKind.TIME_FRAME, "TimeFramePolicy",
            PolicyKind.USAGE_LIMIT, "UsageLimitPolicy", PolicyKind.VALUE_LIMIT, "ValueLimitPolicy",
            PolicyKind.PERIODIC_SPENDING_LIMIT, "PeriodicSpendingLimitPolicy", PolicyKind.RATE_LIMIT, "RateLimitPolicy",
            PolicyKind.GAS_COST_LIMIT, "GasCostLimitPolicy", PolicyKind.OPERATION_DEADLINE, "OperationDeadlinePolicy");

    private DevnetProfiles() { }

    static NetworkProfile of(Manifest m, Optional<URI> rpcOverride, Optional<URI> bundlerOverride) {
        try {
            Map<PolicyKind, Address> policies = new EnumMap<>(PolicyKind.class);
            POLICY_NAMES.forEach((kind, name) -> policies.put(kind, address(m, name)));
            Submission submission = bundlerOverride.<Submission>map(Submission.Bundler::new)
                    .orElseGet(() -> m.bundlerUrl() != null ? new Submission.Bundler(URI.create(m.bundlerUrl()))
                            : new Submission.Direct(m.directSubmitterKey()));
            List<Token> tokens = List.of(new Token("USDC", address(m, "USDC"), 6), new Token("DAI", address(m, "DAI"), 18),
                    new Token("WETH", address(m, "WETH"), 18));
            return new NetworkProfile(NetworkRequest.DEVNET, m.chainId(), rpcOverride.orElseGet(() -> URI.create(m.rpcUrl())),
                    submission, address(m, "EntryPoint"), address(m, "SmartSession"), address(m, "OwnableValidator"),
                    new PolicyAddresses(policies), Optional.of(address(m, "LatchkeyAccountFactory")), tokens,
                    Optional.of(address(m, "SwapRouter02")), Optional.of(address(m, "QuoterV2")),
                    Optional.of(address(m, "AavePool")), Optional.of(m));
        } catch (NoSuchElementException e) {
            throw new WalletException(WalletException.Kind.NETWORK, e.getMessage()
                    + "; the manifest is from another devnet layout: restart it with 'latchkey devnet up'", e);
        }
    }

    private static Address address(Manifest m, String name) {
        return Address.parse(name, m.address(name));
    }
}
