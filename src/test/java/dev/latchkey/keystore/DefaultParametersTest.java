package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one test that runs the production default (Argon2id m=256 MiB, t=3, p=4) end to end. */
class DefaultParametersTest {

    @TempDir
    Path dir;

    @Test
    void productionDefaultsCreateAndUnlock() throws Exception {
        Path file = dir.resolve("wallet.db");
        Keystore.create(file, "default-params".toCharArray(), KdfParams.DEFAULT, KdfPolicy.standard(), Clock.systemUTC()).close();
        try (Keystore ks = Keystore.open(file, KdfPolicy.standard(), Clock.systemUTC())) {
            ks.unlock("default-params".toCharArray());
            assertThat(ks.kdfParams()).isEqualTo(KdfParams.DEFAULT);
            assertThat(ks.kdfTarget()).isEqualTo(KdfParams.DEFAULT);
        }
    }
}
