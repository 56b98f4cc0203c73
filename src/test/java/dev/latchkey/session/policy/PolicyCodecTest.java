package dev.latchkey.session.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.session.json.PolicyJson;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every policy type: init data and JSON both round-trip; bad init data is rejected naming the field. */
class PolicyCodecTest {

    static final Address T = new Address("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48");

    static List<Policy> samples() {
        return List.of(new Policy.Sudo(),
                new Policy.UniversalAction(BigInteger.TEN, List.of(
                        new ParamRule(ParamCondition.IN_RANGE, BigInteger.valueOf(32), BigInteger.ONE.shiftLeft(128).add(BigInteger.TEN), Optional.empty()),
                        new ParamRule(ParamCondition.LESS_THAN_OR_EQUAL, BigInteger.ZERO, BigInteger.valueOf(5), Optional.of(BigInteger.valueOf(100))))),
                new Policy.SpendingLimits(List.of(new Policy.TokenLimit(T, BigInteger.valueOf(1000)))),
                new Policy.TimeFrame(1_900_000_000L, 1_700_000_000L),
                new Policy.UsageLimit(BigInteger.valueOf(7)),
                new Policy.ValueLimit(BigInteger.TEN.pow(18)),
                new Policy.PeriodicSpendingLimit(List.of(new Policy.TokenLimit(T, BigInteger.valueOf(5))), 86_400),
                new Policy.RateLimit(3, 3600),
                new Policy.GasCostLimit(BigInteger.TEN.pow(16)),
                new Policy.Custom(T, HexBytes.parse("x", "0x1234")));
    }

    @Test
    void roundTripsThroughInitDataAndJson() {
        for (Policy p : samples()) {
            if (!(p instanceof Policy.Custom)) assertThat(PolicyCodec.decode("p", p.kind(), PolicyCodec.encode(p))).isEqualTo(p);
            assertThat(PolicyJson.read("p", PolicyJson.write(p))).isEqualTo(p);
        }
    }

    @Test
    void knownLayouts() {
        assertThat(PolicyCodec.encode(new Policy.TimeFrame(0x010203, 0x0a0b)).hex()).isEqualTo("0x000000010203" + "000000000a0b");
        assertThat(PolicyCodec.encode(new Policy.RateLimit(5, 60)).hex()).isEqualTo("0x00000005" + "00000000003c");
        assertThat(PolicyCodec.encode(new Policy.UsageLimit(BigInteger.TWO)).length()).isEqualTo(16);
        assertThat(PolicyCodec.encode(samples().get(1)).length()).isEqualTo(3136);
    }

    @Test
    void rejectsBadInitDataNamingTheField() {
        assertThatThrownBy(() -> PolicyCodec.decode("actions[0].policies[1]", PolicyKind.TIME_FRAME, HexBytes.zeros(11)))
                .isInstanceOf(FieldException.class).hasMessageStartingWith("actions[0].policies[1]: expected 12 bytes");
        assertThatThrownBy(() -> PolicyCodec.decode("p", PolicyKind.SPENDING_LIMITS, HexBytes.zeros(40)))
                .hasMessageStartingWith("p.");
        HexBytes nonCanonical = PolicyCodec.encode(samples().get(2)).concat(HexBytes.zeros(32));
        assertThatThrownBy(() -> PolicyCodec.decode("p", PolicyKind.SPENDING_LIMITS, nonCanonical)).hasMessageContaining("non-canonical");
        byte[] uni = PolicyCodec.encode(samples().get(1)).bytes();
        uni[64 + 31] = 9; // condition 9
        assertThatThrownBy(() -> PolicyCodec.decode("p", PolicyKind.UNIVERSAL_ACTION, HexBytes.of(uni))).hasMessageStartingWith("p.rules[0].condition");
        assertThatThrownBy(() -> PolicyCodec.decode("policies[2]", PolicyKind.USAGE_LIMIT, HexBytes.zeros(16)))
                .hasMessage("policies[2].limit: must not be 0");
        assertThatThrownBy(() -> PolicyKind.fromJson("policies[0].type", "mystery")).hasMessage("policies[0].type: unknown policy type: mystery");
    }

    @Test
    void unknownAddressesBecomeCustom() {
        Policy p = PolicyCodec.fromPolicyData("p", new dev.latchkey.session.model.PolicyData(T, HexBytes.EMPTY), PolicyAddresses.canonical());
        assertThat(p).isEqualTo(new Policy.Custom(T, HexBytes.EMPTY));
    }
}
