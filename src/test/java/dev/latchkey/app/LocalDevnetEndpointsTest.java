package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.devnet.Manifest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status bar follows the local devnet through its manifest, re-read on every poll. */
class LocalDevnetEndpointsTest {

    private static final String ENTRY_POINT = "0x0000000071727De22E5E9d8BAf0edAc6f37da032";

    @TempDir Path dir;

    @Test
    void noManifestSaysHowToStartOneThenFollowsTheManifestAsItChanges() throws Exception {
        // the tests run inside the project checkout (latchkey.projectDir), so the devnet's tools are all there
        LocalDevnetEndpoints endpoints = new LocalDevnetEndpoints(dir);
        assertThatThrownBy(endpoints::get).isInstanceOf(IllegalStateException.class)
                .hasMessage("No local devnet is running: start one with 'latchkey devnet up'.");

        write("http://127.0.0.1:8545", "http://127.0.0.1:4337");
        RpcChainStatus.Endpoints first = endpoints.get();
        assertThat(first.rpc()).isEqualTo(URI.create("http://127.0.0.1:8545"));
        assertThat(first.bundler()).isEqualTo(URI.create("http://127.0.0.1:4337"));
        assertThat(first.entryPoint()).isEqualTo(ENTRY_POINT);

        write("http://127.0.0.1:9545", null); // restarted on another port, without a bundler
        RpcChainStatus.Endpoints second = endpoints.get();
        assertThat(second.rpc()).isEqualTo(URI.create("http://127.0.0.1:9545"));
        assertThat(second.bundler()).isNull();
    }

    private void write(String rpc, String bundler) throws Exception {
        Files.writeString(dir.resolve("manifest.json"), new Manifest(Manifest.CURRENT_VERSION, 31337, rpc, bundler,
                Map.of("EntryPoint", ENTRY_POINT), Map.of(), "0x00").toJson());
    }
}
