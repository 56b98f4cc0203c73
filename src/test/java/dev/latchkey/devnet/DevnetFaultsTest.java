package dev.latchkey.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up faults end in one clear sentence that names the fix, and leave no process behind. */
class DevnetFaultsTest {

    @TempDir
    Path dir;

    @Test
    void missingAnvilNamesTheFix() {
        DevnetConfig config = DevnetConfig.defaults(dir).withAnvil(dir.resolve("no-such-anvil"));
        assertThatThrownBy(() -> Devnet.start(config, DevnetProgress.silent()))
                .isInstanceOf(DevnetException.class)
                .hasMessageContaining("anvil not found at " + dir.resolve("no-such-anvil"))
                .hasMessageContaining("npm ci")
                .hasMessageContaining("LATCHKEY_ANVIL");
    }

    @Test
    void takenPortNamesTheFix() throws Exception {
        var childrenBefore = ProcessHandle.current().children().map(ProcessHandle::pid).toList();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DevnetConfig config = DevnetConfig.defaults(dir).withPort(taken.getLocalPort());
            assertThatThrownBy(() -> Devnet.start(config, DevnetProgress.silent()))
                    .isInstanceOf(DevnetException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("--port");
        }
        assertThat(ProcessHandle.current().children().map(ProcessHandle::pid).toList())
                .as("no anvil was left running").isSubsetOf(childrenBefore);
    }
}
