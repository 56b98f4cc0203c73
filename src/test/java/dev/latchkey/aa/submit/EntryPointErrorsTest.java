package dev.latchkey.aa.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.chain.Abi;
import dev.latchkey.chain.RpcException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

class EntryPointErrorsTest {

    @Test
    void decodesFailedOpAndFailedOpWithRevert() {
        String failedOp = Abi.call("FailedOp(uint256,string)", new Uint256(0), new Utf8String("AA22 expired or not due"));
        assertThat(failedOp).startsWith(EntryPointErrors.FAILED_OP);
        assertThat(EntryPointErrors.describe(new RpcException("reverted", 3, failedOp, null)))
                .isEqualTo("FailedOp(op 0): AA22 expired or not due");
        String withRevert = Abi.call("FailedOpWithRevert(uint256,string,bytes)", new Uint256(1), new Utf8String("AA23 reverted"),
                new DynamicBytes("ab".getBytes(StandardCharsets.US_ASCII)));
        assertThat(withRevert).startsWith(EntryPointErrors.FAILED_OP_WITH_REVERT);
        assertThat(EntryPointErrors.describe(new RpcException("reverted", 3, withRevert, null)))
                .isEqualTo("FailedOpWithRevert(op 1): AA23 reverted (inner revert 0x6162)");
    }

    @Test
    void keepsTheMessageForOtherErrors() {
        assertThat(EntryPointErrors.describe(new RpcException("cannot reach node", null))).isEqualTo("cannot reach node");
        assertThat(EntryPointErrors.describe(new RpcException("m", 3, "0x08c379a0", null))).isEqualTo("m");
        assertThat(EntryPointErrors.describe(new RpcException("m", 3, "0x220266b6ff", null))).isEqualTo("m");
    }
}
