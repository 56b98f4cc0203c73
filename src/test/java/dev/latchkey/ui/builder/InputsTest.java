package dev.latchkey.ui.builder;

import static dev.latchkey.ui.builder.BuilderFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.trade.catalog.Token;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputsTest {

    private static final Optional<Token> USDC_TOKEN = DEVNET.tokenAt(USDC);

    @Test
    void amountsInTokenUnitsAreExactOrRefusedWithTheReason() {
        assertThat(Inputs.amount("2,000.5", USDC_TOKEN, 256).get()).isEqualTo(BigInteger.valueOf(2_000_500_000));
        assertThat(Inputs.amount("0.000001", USDC_TOKEN, 256).get()).isEqualTo(BigInteger.ONE);
        assertThat(Inputs.amount("0.0000001", USDC_TOKEN, 256).error()).isEqualTo("USDC has 6 decimals; 0.0000001 has more.");
        assertThat(Inputs.amount("-1", USDC_TOKEN, 256).error()).isEqualTo("Must not be negative: -1.");
        assertThat(Inputs.amount("", USDC_TOKEN, 256).error()).isEqualTo("Enter an amount.");
        assertThat(Inputs.amount("0x1f4", Optional.empty(), 24).get()).isEqualTo(BigInteger.valueOf(500));
        assertThat(Inputs.amount("16777216", Optional.empty(), 24).error()).isEqualTo("Too large: the argument is a 24-bit number.");
        assertThat(Inputs.optionalAmount("  ", USDC_TOKEN, 256, true).get()).isEmpty();
        assertThat(Inputs.optionalAmount("0", USDC_TOKEN, 256, true).error()).isEqualTo("Must be more than 0 (leave empty for no limit).");
        assertThat(Inputs.optionalEth("0.14", true).get()).contains(new BigInteger("140000000000000000"));
    }

    @Test
    void addressesByHexSymbolLabelOrThisAccount() {
        assertThat(Inputs.address("usdc", DEVNET, ACCOUNT).get()).isEqualTo(USDC);
        assertThat(Inputs.address("SwapRouter02", DEVNET, ACCOUNT).get()).isEqualTo(ROUTER);
        assertThat(Inputs.address("aave pool", DEVNET, ACCOUNT).get()).isEqualTo(POOL);
        assertThat(Inputs.address("this account", DEVNET, ACCOUNT).get()).isEqualTo(ACCOUNT);
        assertThat(Inputs.address(BOB.checksummed(), DEVNET, ACCOUNT).get()).isEqualTo(BOB);
        assertThat(Inputs.address("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293Bc", DEVNET, ACCOUNT).error()).startsWith("Bad EIP-55 checksum");
        assertThat(Inputs.address("LINK", DEVNET, ACCOUNT).error()).isEqualTo("'LINK' is not an address, a token of devnet or a known contract.");
    }

    @Test
    void signaturesGiveTheSelectorNamesAndRuleSafeOffsets() {
        FunctionShape transfer = Inputs.function("transfer(address to, uint256 amount)").get();
        assertThat(transfer.selector().hex()).isEqualTo("0xa9059cbb");
        assertThat(transfer.signature()).contains("transfer(address,uint256)");
        assertThat(transfer.args()).extracting(FunctionShape.Arg::name, FunctionShape.Arg::offset).containsExactly(
                org.assertj.core.groups.Tuple.tuple("to", 0L), org.assertj.core.groups.Tuple.tuple("amount", 32L));

        FunctionShape withBytes = Inputs.function("execute(bytes calldata data, uint deadline)").get();
        assertThat(withBytes.signature()).contains("execute(bytes,uint256)");
        assertThat(withBytes.arg("data").orElseThrow().ruleSafe()).isFalse(); // its head word is an offset
        assertThat(withBytes.arg("deadline").orElseThrow().ruleSafe()).isTrue();
        assertThat(withBytes.arg("deadline").orElseThrow().offset()).isEqualTo(32);

        assertThat(Inputs.function("0xA9059CBB").get().selector().hex()).isEqualTo("0xa9059cbb");
        assertThat(Inputs.function("0xa9059c").error()).isEqualTo("A selector is 0x followed by 8 hex digits.");
        assertThat(Inputs.function("swap((address,uint256))").error()).startsWith("Tuple arguments");
        assertThat(Inputs.function("f(uint7 x)").error()).isEqualTo("Unknown type 'uint7' in argument 1.");
    }
}
