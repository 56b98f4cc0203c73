package dev.latchkey.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;

class ScryptTest {

    @Test
    void rfc7914Vector() {
        byte[] out = Scrypt.derive("password".getBytes(StandardCharsets.US_ASCII), "NaCl".getBytes(StandardCharsets.US_ASCII), 1024, 8, 16, 64);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    }

    @Test
    void agreesWithBouncyCastleWhereBothApply() {
        Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            byte[] pw = new byte[random.nextInt(20)];
            byte[] salt = new byte[16];
            random.nextBytes(pw);
            random.nextBytes(salt);
            int r = 1 + random.nextInt(8);
            int p = 1 + random.nextInt(3);
            assertThat(Scrypt.derive(pw, salt, 256, r, p, 32)).isEqualTo(SCrypt.generate(pw, salt, 256, r, p, 32));
        }
    }
}
