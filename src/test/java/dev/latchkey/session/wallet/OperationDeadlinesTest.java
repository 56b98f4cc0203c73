package dev.latchkey.session.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyKind;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperationDeadlinesTest {

    static final Address KEY = new Address("0x1111111111111111111111111111111111111111");
    static final PolicyAddresses WITH = PolicyAddresses.canonical().with(PolicyKind.OPERATION_DEADLINE,
            new Address("0x5555555555555555555555555555555555555555"));

    static WalletSession session(List<Policy> userOp) {
        return new WalletSession(new Owners.Ecdsa(List.of(KEY), 1), List.of(Action.anyCall()), userOp, HexBytes.zeros(32), List.of(1L),
                Optional.empty(), false);
    }

    @Test
    void addedLastWhereDeployed_once() {
        WalletSession s = session(List.of(new Policy.UsageLimit(BigInteger.TEN)));
        WalletSession out = OperationDeadlines.whereDeployed(s, WITH);
        assertThat(out.policies()).containsExactly(new Policy.UsageLimit(BigInteger.TEN), new Policy.OperationDeadline());
        assertThat(OperationDeadlines.whereDeployed(out, WITH)).isEqualTo(out);
        assertThat(out.actions()).isEqualTo(s.actions());
    }

    @Test
    void aLoneSudoIsReplaced_itWouldAllowEverythingAnyway() {
        assertThat(OperationDeadlines.whereDeployed(session(List.of(new Policy.Sudo())), WITH).policies())
                .containsExactly(new Policy.OperationDeadline());
    }

    @Test
    void aNetworkWithoutThePolicyKeepsTheSession() {
        WalletSession s = session(List.of(new Policy.UsageLimit(BigInteger.TEN)));
        assertThat(OperationDeadlines.whereDeployed(s, PolicyAddresses.canonical())).isEqualTo(s);
    }
}
