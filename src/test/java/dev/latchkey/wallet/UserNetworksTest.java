package dev.latchkey.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.session.model.Address;
import dev.latchkey.trade.catalog.Token;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserNetworksTest {

    @TempDir
    Path dir;

    private static UserNetwork network(String name, Map<String, String> addresses) {
        return new UserNetwork(name, 10, URI.create("https://rpc.example.org"), Optional.of(URI.create("https://bundler.example.org")),
                Optional.empty(), addresses, List.of(new Token("USDC", new Address("0x" + "ab".repeat(20)), 6)));
    }

    @Test
    void networksRoundTripThroughTheFileInAddOrder() {
        UserNetworks store = new UserNetworks(dir);
        assertThat(store.list()).isEmpty();
        UserNetwork a = network("op-main", Map.of("SmartSession", "0x00000000008BDABA73CD9815D79069C247EB4BDA"));
        store.add(a);
        store.add(network("b", Map.of()));
        UserNetworks reopened = new UserNetworks(dir);
        assertThat(reopened.list()).extracting(UserNetwork::name).containsExactly("op-main", "b");
        assertThat(reopened.get("op-main")).contains(a);
        assertThat(reopened.get("op-main").orElseThrow().addresses())
                .containsEntry("SmartSession", "0x00000000008bdaba73cd9815d79069c247eb4bda");
        reopened.remove("op-main");
        assertThat(new UserNetworks(dir).list()).extracting(UserNetwork::name).containsExactly("b");
        assertThat(dir.resolve("networks.json.tmp")).doesNotExist();
    }

    @Test
    void aTakenNameAndAMissingNameAreRefusedWithoutWriting() throws Exception {
        UserNetworks store = new UserNetworks(dir);
        store.add(network("mine", Map.of()));
        String before = Files.readString(dir.resolve(UserNetworks.FILE));
        assertThatThrownBy(() -> store.add(network("mine", Map.of()))).hasMessageContaining("a network named 'mine' exists");
        assertThatThrownBy(() -> store.remove("other")).hasMessageContaining("no network named 'other'");
        assertThat(Files.readString(dir.resolve(UserNetworks.FILE))).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertThatThrownBy(() -> network("Sepolia ", Map.of())).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> network("sepolia", Map.of())).hasMessageContaining("'sepolia' is a built-in network");
        assertThatThrownBy(() -> network("devnet", Map.of())).hasMessageContaining("built-in");
        assertThatThrownBy(() -> network("x", Map.of("Factory", "0x" + "11".repeat(20))))
                .hasMessageContaining("no contract 'Factory'").hasMessageContaining("LatchkeyAccountFactory");
        assertThatThrownBy(() -> network("x", Map.of("RateLimitPolicy", "0x1234"))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> new UserNetwork("x", 1, URI.create("file:///etc/passwd"), Optional.empty(), Optional.empty(),
                Map.of(), List.of())).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> new UserNetwork("x", 0, URI.create("https://a.b"), Optional.empty(), Optional.empty(),
                Map.of(), List.of())).hasMessageContaining("chain id");
        Token usdc = new Token("USDC", new Address("0x" + "cd".repeat(20)), 6);
        assertThatThrownBy(() -> network("x", Map.of()).withTokens(List.of(usdc, usdc))).hasMessageContaining("listed twice");
    }

    @Test
    void aDamagedFileIsAStateErrorNotACrash() throws Exception {
        Files.writeString(dir.resolve(UserNetworks.FILE), "{\"networks\":[{\"name\":\"BAD NAME\"}]}");
        assertThatThrownBy(() -> new UserNetworks(dir).list()).isInstanceOf(WalletException.class)
                .hasMessageContaining("cannot read the networks");
    }
}
