package dev.latchkey.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A second chain id without Node: no bundler, same addresses, saved state reused, no process left on close. */
@ExtendWith(DevnetExtension.class)
class DevnetLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void secondChainWithoutNodeRestartsFromSavedStateAndLeavesNoProcess(Devnet shared) {
        DevnetConfig config = DevnetConfig.defaults(dir).withChainId(31338).withNode(dir.resolve("no-node").toString());
        List<String> progress = new ArrayList<>();

        long coldStart = System.nanoTime();
        List<Long> pids;
        Manifest first;
        try (Devnet second = Devnet.start(config, progress::add)) {
            double seconds = (System.nanoTime() - coldStart) / 1e9;
            System.err.printf("[devnet] second chain cold start: %.1f s%n", seconds);
            first = second.manifest();
            pids = second.processIds();
            assertThat(second.client().chainId()).isEqualTo(31338);
            assertThat(first.chainId()).isEqualTo(31338);
            assertThat(first.bundlerUrl()).isNull();
            assertThat(first.addresses()).isEqualTo(shared.manifest().addresses());
        }
        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("no bundler: Node is not available"));
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(dir.resolve(Devnet.STATE_FILE)).isNotEmptyFile();

        progress.clear();
        long warmStart = System.nanoTime();
        try (Devnet again = Devnet.start(config, progress::add)) {
            System.err.printf("[devnet] second chain warm restart: %.1f s%n", (System.nanoTime() - warmStart) / 1e9);
            assertThat(progress).contains("reusing the saved chain state and manifest");
            assertThat(again.manifest().addresses()).isEqualTo(first.addresses());
            pids = again.processIds();
        }
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
    }
}
