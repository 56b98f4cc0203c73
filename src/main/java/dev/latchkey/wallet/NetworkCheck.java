package dev.latchkey.wallet;

import dev.latchkey.chain.ContractArtifacts;
import dev.latchkey.chain.DeterministicDeployment;
import dev.latchkey.chain.DeterministicDeployment.OurContract;
import dev.latchkey.chain.EvmClient;
import dev.latchkey.trade.catalog.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a {@link UserNetwork} against its chain before it is stored or used: the RPC's chain id, and for every
 * contract its address (override or computed), code present, and code equal to this build for ours. Fails naming the
 * contract; a computed address without code is reported (then {@code contracts deploy} puts it there), not an error.
 */
public final class NetworkCheck {

    /** Contracts whose override may be another build (the canonical deployment); only code presence is checked. */
    private static final Set<String> CANONICAL_KINDS = Set.of("SmartSession", "SudoPolicy", "UniActionPolicy",
            "ERC20SpendingLimitPolicy", "TimeFramePolicy", "UsageLimitPolicy", "ValueLimitPolicy", "OwnableValidator");

    /** What the check found for one contract. */
    public enum State {
        /** Code present and equal to this build's. */
        VERIFIED,
        /** An override of a canonical-kind contract: code present, another build (canonical hashes are not pinned). */
        CODE_PRESENT,
        /** The computed address has no code yet: {@code latchkey contracts deploy} puts it there. */
        NOT_DEPLOYED
    }

    public record Checked(String name, String address, boolean override, State state) {
    }

    private NetworkCheck() {
    }

    public static List<Checked> check(UserNetwork network, EvmClient client) {
        long served = client.chainId();
        if (served != network.chainId()) {
            throw new WalletException(WalletException.Kind.NETWORK, "the RPC at " + network.rpcUrl() + " serves chain "
                    + served + ", but " + network.name() + " is chain " + network.chainId());
        }
        List<Checked> checked = new ArrayList<>();
        String entryPoint = network.address("EntryPoint", DeterministicDeployment.CANONICAL_ENTRY_POINT);
        if (!client.hasCode(entryPoint)) {
            throw missing("EntryPoint", entryPoint, network);
        }
        checked.add(new Checked("EntryPoint", entryPoint, network.addresses().containsKey("EntryPoint"), State.CODE_PRESENT));
        List<OurContract> plan = DeterministicDeployment.plan(ContractArtifacts.loadFromClasspath(), entryPoint, Optional.empty());
        for (OurContract contract : plan) {
            boolean override = network.addresses().containsKey(contract.name());
            String address = network.address(contract.name(), contract.address());
            String code = client.code(address);
            if (code == null || code.isEmpty() || code.equals("0x")) {
                if (override) {
                    throw missing(contract.name(), address, network);
                }
                checked.add(new Checked(contract.name(), address, false, State.NOT_DEPLOYED));
                continue;
            }
            boolean ours = DeterministicDeployment.maskedCodeHash(contract.artifact(), code).equalsIgnoreCase(contract.codeHash());
            if (ours) {
                checked.add(new Checked(contract.name(), address, override, State.VERIFIED));
            } else if (override && CANONICAL_KINDS.contains(contract.name())) {
                checked.add(new Checked(contract.name(), address, true, State.CODE_PRESENT));
            } else {
                throw new WalletException(WalletException.Kind.INCOMPATIBLE_MODULE, contract.name() + " at " + address
                        + " on " + network.name() + " is other code than this build's " + contract.name()
                        + "; give the address of a Latchkey deployment or leave it out to use " + contract.address());
            }
        }
        for (String venue : UserNetwork.VENUE_NAMES) {
            String address = network.addresses().get(venue);
            if (address != null) {
                if (!client.hasCode(address)) {
                    throw missing(venue, address, network);
                }
                checked.add(new Checked(venue, address, true, State.CODE_PRESENT));
            }
        }
        for (Token token : network.tokens()) {
            Token onChain = NetworkTokens.read(client, token.symbol(), token.address().hex(), network.name());
            if (onChain.decimals() != token.decimals()) {
                throw new WalletException(WalletException.Kind.INCOMPATIBLE_MODULE, token.symbol() + " at " + token.address()
                        + " has " + onChain.decimals() + " decimals on " + network.name() + ", not the " + token.decimals()
                        + " the wallet recorded; remove the network and add it again");
            }
            checked.add(new Checked(token.symbol(), token.address().hex(), true, State.CODE_PRESENT));
        }
        return List.copyOf(checked);
    }

    private static WalletException missing(String contract, String address, UserNetwork network) {
        return new WalletException(WalletException.Kind.MISSING_DEPLOYMENT, contract + " has no code at " + address
                + " on " + network.name() + " (chain " + network.chainId() + ")");
    }
}
