package dev.latchkey.aa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.chain.Abi;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

class PackedUserOperationTest {

    private static final String VALIDATOR = "0x2483da3a338895199e5e538530213157e931bf06";

    @Test
    void packsGasWordsHighThenLow() {
        PackedUserOperation op = op(new byte[0]);
        assertThat(Numeric.toHexString(op.accountGasLimits())).isEqualTo(
                "0x" + "0".repeat(27) + "f4240" + "0".repeat(27) + "30d40");
        assertThat(Numeric.toHexString(op.gasFees())).endsWith("77359400").contains("3b9aca00");
    }

    @Test
    void rpcJsonSplitsInitCodeIntoFactoryAndData() {
        byte[] initCode = AccountCalls.initCode("0x00000000000000000000000000000000000000aa", new byte[] {1, 2, 3});
        Map<String, Object> json = op(initCode).toRpcJson();
        assertThat(json).containsEntry("factory", "0x00000000000000000000000000000000000000aa")
                .containsEntry("factoryData", "0x010203").containsEntry("callGasLimit", "0x30d40")
                .doesNotContainKey("paymaster");
        assertThat(op(new byte[0]).toRpcJson()).doesNotContainKeys("factory", "factoryData");
    }

    @Test
    void selectorsAndNonceKeyFollowTheSpec() {
        assertThat(Abi.selector(AccountCalls.EXECUTE)).isEqualTo("0xe9ae5c53");
        assertThat(Abi.selector(DirectSubmitter.HANDLE_OPS)).isEqualTo("0x765e827f");
        BigInteger nonce = AccountCalls.nonce(AccountCalls.nonceKey(VALIDATOR), BigInteger.valueOf(7));
        assertThat(Numeric.toHexStringWithPrefixZeroPadded(nonce, 64))
                .isEqualTo(VALIDATOR + "00000000" + "0000000000000007");
    }

    @Test
    void executeSingleIsTargetValueDataPacked() {
        byte[] callData = AccountCalls.executeSingle(VALIDATOR, BigInteger.TEN, new byte[] {(byte) 0xab});
        String hex = Numeric.toHexString(callData);
        assertThat(hex).startsWith("0xe9ae5c53" + "0".repeat(64)); // mode: single, default exec type
        assertThat(hex).contains(VALIDATOR.substring(2) + "0".repeat(63) + "a" + "ab");
    }

    private static PackedUserOperation op(byte[] initCode) {
        return new PackedUserOperation(VALIDATOR, BigInteger.ONE, initCode, new byte[] {9},
                BigInteger.valueOf(1_000_000), BigInteger.valueOf(200_000), BigInteger.valueOf(50_000),
                BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(2_000_000_000L), new byte[0], new byte[65]);
    }
}
