package dev.latchkey.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/** Revert data in words: Error(string), Aave's numeric codes by name, our contracts' custom errors (issue 11). */
class RevertReasonsTest {

    private final RevertReasons reasons = RevertReasons.load(ContractArtifacts.loadFromClasspath());

    private static String errorString(String reason) {
        String hex = java.util.HexFormat.of().formatHex(reason.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String padded = hex + "0".repeat((64 - hex.length() % 64) % 64);
        return "0x08c379a0" + "%064x".formatted(32) + "%064x".formatted(reason.length()) + padded;
    }

    @Test
    void aaveErrorThirtyTwoIsNamed() {
        String withdraw = errorString("32");
        assertThat(reasons.describe(withdraw)).hasValue(
                "Aave: User cannot withdraw more than the available balance (NOT_ENOUGH_AVAILABLE_USER_BALANCE, error 32)");
        assertThat(reasons.humanize("UserOperation reverted during simulation with reason: " + withdraw))
                .isEqualTo("UserOperation reverted during simulation with reason: Aave: User cannot withdraw more than the available"
                        + " balance (NOT_ENOUGH_AVAILABLE_USER_BALANCE, error 32)");
        assertThat(reasons.describe(errorString("STF"))).hasValue("reverted: STF");
    }

    @Test
    void theAaveTableMatchesTheAaveSourceWeBuildAgainst() throws Exception {
        String source = Files.readString(Path.of("node_modules/@aave/core-v3/contracts/protocol/libraries/helpers/Errors.sol"));
        Matcher m = Pattern.compile("string public constant (\\w+) = '(\\d+)';").matcher(source);
        int n = 0;
        while (m.find()) {
            n++;
            assertThat(reasons.describe(errorString(m.group(2)))).as(m.group(1)).hasValueSatisfying(w -> assertThat(w).contains("(" + m.group(1) + ", error "));
        }
        assertThat(n).isEqualTo(90);
    }

    @Test
    void ourPoliciesCustomErrorsAreNamedWithTheirArguments() {
        String selector = Hash.sha3String("InvalidLimit(uint256)").substring(2, 10);
        assertThat(reasons.describe("0x" + selector + "%064x".formatted(0))).hasValue("InvalidLimit(0)");
        String panic = "0x4e487b71" + "%064x".formatted(0x11);
        assertThat(reasons.describe(panic)).hasValue("Panic(0x11)");
        assertThat(reasons.humanize("unknown 0xdeadbeef" + "00".repeat(100))).as("unknown data stays hex, cut short")
                .hasSizeLessThan(100).endsWith("…");
    }
}
