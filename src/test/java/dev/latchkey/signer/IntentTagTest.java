package dev.latchkey.signer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.submit.DirectSubmitter;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntentTagTest {

    @Test
    void theTagRoundTripsAndStripsBackToTheStrictEncoding() {
        HexBytes plain = SignerIntent.of(new byte[16], SignerFixture.ACCOUNT, 1, List.of(new Execution(SignerFixture.USDC, BigInteger.ZERO,
                SignerFixture.transfer(SignerFixture.BOB, 5)))).callData();
        byte[] id = new byte[16];
        id[15] = 9;
        HexBytes tagged = IntentTag.append(plain, id);
        assertThat(tagged.length()).isEqualTo(plain.length() + 20);
        assertThat(IntentTag.read(tagged)).hasValueSatisfying(v -> assertThat(v).containsExactly(id));
        assertThat(IntentTag.read(plain)).isEmpty();
        assertThat(IntentTag.strip(tagged)).isEqualTo(plain);
        assertThat(Erc7579Execute.decode(IntentTag.strip(tagged)).executions()).hasSize(1);
        assertThat(Reservations.of(tagged)).isEqualTo(Reservations.of(plain));
    }

    @Test
    void theOperationsCallDataIsFoundInAHandleOpsBundleBySenderAndNonce() {
        HexBytes a = IntentTag.append(SignerFixture.transfer(SignerFixture.BOB, 1), new byte[16]);
        HexBytes b = IntentTag.append(SignerFixture.transfer(SignerFixture.MALLORY, 2), new byte[16]);
        UserOperation opA = UserOperation.of(SignerFixture.ACCOUNT, BigInteger.valueOf(7), a).withSignature(HexBytes.of(new byte[65]));
        UserOperation opB = UserOperation.of(new Address("0x2222222222222222222222222222222222222222"), BigInteger.valueOf(7), b)
                .withSignature(HexBytes.of(new byte[65]));
        String input = org.web3j.abi.FunctionEncoder.encode(new org.web3j.abi.datatypes.Function("handleOps", List.of(
                new org.web3j.abi.datatypes.DynamicArray<>(org.web3j.abi.datatypes.DynamicStruct.class,
                        DirectSubmitter.struct(opB), DirectSubmitter.struct(opA)),
                new org.web3j.abi.datatypes.Address(SignerFixture.BOB.hex())), List.of()));
        HexBytes in = HexBytes.parse("input", input);
        assertThat(dev.latchkey.signer.onchain.BundleCalldataProbe.callDataOf(in, SignerFixture.ACCOUNT.hex(), BigInteger.valueOf(7))).hasValue(a);
        assertThat(dev.latchkey.signer.onchain.BundleCalldataProbe.callDataOf(in, SignerFixture.ACCOUNT.hex(), BigInteger.valueOf(8))).isEmpty();
        assertThat(dev.latchkey.signer.onchain.BundleCalldataProbe.callDataOf(in.slice(0, 100), SignerFixture.ACCOUNT.hex(), BigInteger.valueOf(7))).isEmpty();
    }
}
