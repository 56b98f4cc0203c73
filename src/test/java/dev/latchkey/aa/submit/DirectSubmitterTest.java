package dev.latchkey.aa.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.chain.Abi;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Bytes32;

class DirectSubmitterTest {

    @Test
    void handleOpsSelectorAndEventTopicAreTheEntryPointOnes() {
        assertThat(Abi.selector(DirectSubmitter.HANDLE_OPS)).isEqualTo("0x765e827f");
        assertThat(DirectSubmitter.USER_OPERATION_EVENT)
                .isEqualTo("0x49628fd1471006c1482da88028e9ce4dbb080b815c9b0344d39e5a8e6ec1419f");
    }

    @Test
    void structCarriesThePackedFields() {
        UserOperation op = UserOperation.of(new Address("0x00000000000000000000000000000000000000aa"), BigInteger.ONE,
                        HexBytes.parse("callData", "0x01"))
                .withFactory(new Address("0x00000000000000000000000000000000000000bb"), HexBytes.parse("d", "0x02"))
                .withGas(BigInteger.valueOf(3), BigInteger.valueOf(4), BigInteger.valueOf(5), BigInteger.valueOf(6),
                        BigInteger.valueOf(7));
        var fields = DirectSubmitter.struct(op).getValue();
        assertThat(((DynamicBytes) fields.get(2)).getValue()).hasSize(21).endsWith(2);
        byte[] gasLimits = ((Bytes32) fields.get(4)).getValue();
        assertThat(gasLimits[15]).isEqualTo((byte) 4); // verificationGasLimit high
        assertThat(gasLimits[31]).isEqualTo((byte) 3); // callGasLimit low
    }
}
