package dev.latchkey.session.wallet;

import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the sessions the wallet builds (templates and the builder) OperationDeadlinePolicy where the network has it,
 * so every operation they sign dies minutes after signing (docs/signer.md, "validUntil"). A network without the
 * policy (canonical contracts only) gets the session unchanged: its operations live as long as the session.
 * Session files are taken as written.
 */
public final class OperationDeadlines {

    private OperationDeadlines() { }

    /** {@code s} with the deadline as its last user-operation policy (replacing a lone sudo), when deployed. */
    public static WalletSession whereDeployed(WalletSession s, PolicyAddresses addresses) {
        if (!addresses.byKind().containsKey(PolicyKind.OPERATION_DEADLINE)
                || s.policies().stream().anyMatch(p -> p instanceof Policy.OperationDeadline)) {
            return s;
        }
        List<Policy> ps = new ArrayList<>(s.policies().equals(List.of(new Policy.Sudo())) ? List.of() : s.policies());
        ps.add(new Policy.OperationDeadline());
        return new WalletSession(s.owners(), s.actions(), ps, s.salt(), s.chains(), s.signing(), s.permitErc4337Paymaster());
    }
}
