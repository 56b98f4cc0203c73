package dev.latchkey.aa.nonce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class NonceKeysTest {

    static final Address SS = new Address("0x00000000008bdaba73cd9815d79069c247eb4bda");

    @Test
    void layoutsPerAccountKind() {
        assertThat(NonceKeys.keyFor(AccountKind.SAFE7579, SS).toString(16)).isEqualTo("8bdaba73cd9815d79069c247eb4bda" + "00000000");
        assertThat(NonceKeys.keyFor(AccountKind.NEXUS, SS).toString(16)).isEqualTo("8bdaba73cd9815d79069c247eb4bda");
        assertThat(NonceKeys.keyFor(AccountKind.KERNEL, SS).toString(16)).isEqualTo("1" + "0000000000" + "8bdaba73cd9815d79069c247eb4bda" + "0000");
        for (AccountKind k : AccountKind.values()) {
            BigInteger nonce = NonceKeys.nonce(NonceKeys.keyFor(k, SS), BigInteger.valueOf(42));
            assertThat(NonceKeys.validatorOf(k, nonce)).as(k.name()).isEqualTo(SS);
            assertThat(nonce.bitLength()).isLessThanOrEqualTo(256);
        }
    }
}
