package dev.latchkey.trade.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.policy.ParamCondition;
import dev.latchkey.session.policy.ParamRule;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.Owners;
import dev.latchkey.session.wallet.WalletSession;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which conditions mean something, per argument type: the one table of the builder, the CLI and session import. */
class ConditionsTest {

    private static final List<ParamCondition> IDENTITY = List.of(ParamCondition.EQUAL, ParamCondition.NOT_EQUAL);
    private static final Address TOKEN = new Address("0x2000000000000000000000000000000000000001");

    @Test
    void onlyUnsignedIntegersAreOrdered() {
        for (String type : List.of("uint256", "uint160", "uint24", "uint16", "uint8")) {
            assertThat(Conditions.allowed(Optional.of(type))).as(type).containsExactly(ParamCondition.values());
        }
        for (String type : List.of("address", "bool", "bytes32", "bytes4", "int24", "int256", "uint256[]")) {
            assertThat(Conditions.allowed(Optional.of(type))).as(type).containsExactlyElementsOf(IDENTITY);
        }
        assertThat(Conditions.allowed(Optional.empty())).as("a raw word of unknown type").containsExactly(ParamCondition.values());
    }

    @Test
    void everyOrderOnAnAddressIsRefusedWithItsReason() {
        for (ParamCondition c : EnumSet.complementOf(EnumSet.copyOf(IDENTITY))) {
            assertThat(Conditions.refusal("recipient", Optional.of("address"), c)).as(c.name()).isPresent();
        }
        assertThat(Conditions.refusal("recipient", Optional.of("address"), ParamCondition.LESS_THAN_OR_EQUAL)).hasValue(
                "recipient is an address: only = or ≠ mean something (it would allow every address numerically below the value)");
        assertThat(Conditions.refusal("recipient", Optional.of("address"), ParamCondition.GREATER_THAN)).hasValue(
                "recipient is an address: only = or ≠ mean something (it would allow every address numerically above the value)");
        assertThat(Conditions.refusal("recipient", Optional.of("address"), ParamCondition.EQUAL)).isEmpty();
        assertThat(Conditions.refusal("recipient", Optional.of("address"), ParamCondition.NOT_EQUAL)).isEmpty();
        assertThat(Conditions.refusal("flag", Optional.of("bool"), ParamCondition.GREATER_THAN)).hasValueSatisfying(
                m -> assertThat(m).startsWith("flag is a bool: only = or ≠"));
        assertThat(Conditions.refusal("amount", Optional.of("uint256"), ParamCondition.LESS_THAN_OR_EQUAL)).isEmpty();
        assertThat(Conditions.refusal("fee", Optional.of("uint24"), ParamCondition.IN_RANGE)).isEmpty();
    }

    @Test
    void aSessionIsCheckedAgainstTheCatalogTypesByOffset() {
        ParamRule toBelow = new ParamRule(ParamCondition.LESS_THAN_OR_EQUAL, BigInteger.ZERO, BigInteger.ONE.shiftLeft(159), Optional.empty());
        ParamRule amountBelow = new ParamRule(ParamCondition.LESS_THAN_OR_EQUAL, BigInteger.valueOf(32), BigInteger.TEN, Optional.empty());
        assertThatThrownBy(() -> Conditions.check(session(amountBelow, toBelow)))
                .isInstanceOf(FieldException.class)
                .hasMessage("actions[0].policies[0].rules[1].condition: to is an address: only = or ≠ mean something"
                        + " (it would allow every address numerically below the value)");
        Conditions.check(session(amountBelow, new ParamRule(ParamCondition.EQUAL, BigInteger.ZERO, BigInteger.ONE, Optional.empty())));
    }

    private static WalletSession session(ParamRule... rules) {
        return new WalletSession(new Owners.Ecdsa(List.of(TOKEN), 1, TOKEN),
                List.of(new Action(TOKEN, Catalog.TRANSFER.selector(), List.of(new Policy.UniversalAction(BigInteger.ZERO, List.of(rules))))),
                List.of(), HexBytes.zeros(32), List.of(31337L), Optional.empty(), false);
    }
}
