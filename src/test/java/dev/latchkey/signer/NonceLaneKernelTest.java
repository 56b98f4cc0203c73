package dev.latchkey.signer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Kernel's session lanes: SmartSession's validator key with a per-session 2-byte lane, routed as Kernel decodes it. */
class NonceLaneKernelTest {

    private static final Address SS = new Address("0x00000000008bdaba73cd9815d79069c247eb4bda");

    @Test
    void aKernelBaseRoutesToSmartSessionAndDiffersPerSession() {
        byte[] a = NonceLane.kernelBase(new byte[] {0x12, 0x34, 1, 2}, SS);
        byte[] b = NonceLane.kernelBase(new byte[] {0x56, 0x78, 1, 2}, SS);
        BigInteger ka = new BigInteger(1, a);
        assertThat(ka.shiftRight(176)).isEqualTo(BigInteger.ONE);
        assertThat(ka.and(BigInteger.valueOf(0xffff))).isEqualTo(BigInteger.valueOf(0x1234));
        assertThat(NonceKeys.validatorOf(AccountKind.KERNEL, NonceKeys.nonce(ka, BigInteger.ZERO))).isEqualTo(SS);
        assertThat(new BigInteger(1, b)).isNotEqualTo(ka);
        assertThat(NonceKeys.validatorOf(AccountKind.LATCHKEY, NonceKeys.nonce(ka, BigInteger.ZERO)))
                .as("the LatchkeyAccount layout would route it elsewhere").isNotEqualTo(SS);
    }
}
