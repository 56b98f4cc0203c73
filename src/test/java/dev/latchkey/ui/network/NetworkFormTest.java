package dev.latchkey.ui.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Add network form's checks as the user types, before anything asks the chain. */
class NetworkFormTest {

    private static final String USDC = "0x" + "ab".repeat(20);

    private static NetworkForm filled() {
        NetworkForm f = new NetworkForm();
        f.nameProperty().set("my-chain");
        f.chainIdProperty().set("4242");
        f.rpcUrlProperty().set("https://rpc.example.org");
        f.bundlerUrlProperty().set("https://bundler.example.org/rpc");
        f.tokensProperty().set("USDC=" + USDC + "\nWETH=0x" + "cd".repeat(20));
        f.addressesProperty().set("SwapRouter02=0x" + "ef".repeat(20));
        return f;
    }

    @Test
    void aCompleteFormGivesTheEntryInTheOrderTyped() {
        NetworkForm f = filled();
        assertThat(f.validProperty().get()).as(f.hintProperty().get()).isTrue();
        NewNetwork n = f.entry().orElseThrow();
        assertThat(n.name()).isEqualTo("my-chain");
        assertThat(n.chainId()).isEqualTo(4242L);
        assertThat(n.bundlerUrl()).contains("https://bundler.example.org/rpc");
        assertThat(n.explorerUrl()).isEmpty();
        assertThat(n.tokens().keySet()).containsExactly("USDC", "WETH");
        assertThat(n.addresses()).isEqualTo(Map.of("SwapRouter02", "0x" + "ef".repeat(20)));
        f.clear();
        assertThat(f.entry()).isEmpty();
    }

    @Test
    void eachWrongFieldIsNamedAndGivesNoEntry() {
        NetworkForm f = filled();
        f.nameProperty().set("sepolia");
        assertThat(f.hintProperty().get()).isEqualTo("'sepolia' is a built-in network; choose another name.");
        f.nameProperty().set("My Chain");
        assertThat(f.hintProperty().get()).startsWith("A name is 1 to 32 lower-case letters");
        f.nameProperty().set("my-chain");
        f.chainIdProperty().set("0");
        assertThat(f.hintProperty().get()).startsWith("The chain id is a positive whole number");
        f.chainIdProperty().set("99999999999999999999");
        assertThat(f.hintProperty().get()).startsWith("The chain id is a positive whole number");
        f.chainIdProperty().set("4242");
        f.rpcUrlProperty().set("http://rpc.example.org");
        assertThat(f.hintProperty().get()).startsWith("RPC URL: Use https://");
        f.rpcUrlProperty().set("https://rpc.example.org");
        f.tokensProperty().set("USDC=0x12");
        assertThat(f.hintProperty().get()).startsWith("Write each token as SYMBOL=0x…");
        f.tokensProperty().set("USDC=" + USDC + ", usdc=" + USDC);
        assertThat(f.hintProperty().get()).isEqualTo("'usdc' is listed twice.");
        f.tokensProperty().set("USDC=" + USDC);
        f.addressesProperty().set("Router=0x" + "ef".repeat(20));
        assertThat(f.hintProperty().get()).startsWith("No contract 'Router' to give an address for; known: EntryPoint");
        assertThat(f.validProperty().get()).isFalse();
        assertThat(f.entry()).isEqualTo(Optional.empty());
    }

    @Test
    void withoutABundlerTheHintSaysOperationsCannotBeSent() {
        NetworkForm f = filled();
        f.bundlerUrlProperty().set("");
        assertThat(f.validProperty().get()).isTrue();
        assertThat(f.hintProperty().get()).contains("can read this network but not send operations");
    }

    @Test
    void aPasteOfMoreThanSixtyFourTokensIsRefused() {
        NetworkForm f = filled();
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 65; i++) many.append("T").append(i).append("=0x").append(String.format("%040x", i)).append('\n');
        f.tokensProperty().set(many.toString());
        assertThat(f.hintProperty().get()).isEqualTo("At most 64 token lines.");
    }
}
