package dev.latchkey.wallet;

import dev.latchkey.chain.ContractArtifacts;
import dev.latchkey.chain.DeterministicDeployment;
import dev.latchkey.chain.DeterministicDeployment.OurContract;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link NetworkProfile} of a {@link UserNetwork}: every contract of ours at its computed address (or the user's
 * override), the EntryPoint at the canonical address unless overridden, the venues and tokens the user listed.
 * Nothing is read from the chain here; {@link NetworkCheck} does that when the network is added or shown, and
 * {@link ChainConnection} checks the chain id and code of what a command uses.
 */
final class UserNetworkProfiles {

    private UserNetworkProfiles() {
    }

    static NetworkProfile of(UserNetwork n, Optional<URI> rpcOverride, Optional<URI> bundlerOverride) {
        String entryPoint = n.address("EntryPoint", DeterministicDeployment.CANONICAL_ENTRY_POINT);
        Map<String, String> ours = new LinkedHashMap<>();
        for (OurContract c : DeterministicDeployment.plan(ContractArtifacts.loadFromClasspath(), entryPoint, Optional.empty())) {
            ours.put(c.name(), n.address(c.name(), c.address()));
        }
        Map<PolicyKind, Address> policies = new EnumMap<>(PolicyKind.class);
        DevnetProfiles.POLICY_NAMES.forEach((kind, name) -> policies.put(kind, new Address(ours.get(name))));
        Submission submission = bundlerOverride.or(n::bundlerUrl).<Submission>map(Submission.Bundler::new)
                .orElseGet(() -> new Submission.None(n.name() + " has no bundler; add the network again with"
                        + " --bundler-url, or pass --bundler-url"));
        return new NetworkProfile(n.name(), n.chainId(), rpcOverride.orElse(n.rpcUrl()), submission, new Address(entryPoint),
                new Address(ours.get("SmartSession")), new Address(ours.get("OwnableValidator")), new PolicyAddresses(policies),
                Optional.of(new Address(ours.get(DeterministicDeployment.FACTORY))), n.tokens(), venue(n, "SwapRouter02"),
                venue(n, "QuoterV2"), venue(n, "AavePool"), Optional.empty());
    }

    private static Optional<Address> venue(UserNetwork n, String name) {
        return n.venue(name).map(Address::new);
    }
}
