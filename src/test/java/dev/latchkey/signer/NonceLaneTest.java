package dev.latchkey.signer;

import static dev.latchkey.signer.SignerFixture.SMART_SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 2D nonce layout: validator (20) ‖ lane (4); the account routes on the validator, the lane separates sessions. */
class NonceLaneTest {

    static SessionRecord session(byte first, byte[] base) {
        byte[] pid = new byte[32];
        pid[0] = first;
        pid[3] = 7;
        return new SessionRecord(pid, "0x1111111111111111111111111111111111111111", "0x2222222222222222222222222222222222222222",
                new byte[32], new byte[] {1}, new byte[32], 0, 10, SessionStatus.ENABLED, base,
                List.of(new SessionRecord.Chain(1, SMART_SESSION.hex(), 0)));
    }

    @Test
    void laneSuffixIsThePermissionIdPrefixAndRoutesToSmartSession() {
        NonceLane a = NonceLane.of(session((byte) 1, new byte[24]), SMART_SESSION);
        NonceLane b = NonceLane.of(session((byte) 2, new byte[24]), SMART_SESSION);
        assertThat(a.key()).isNotEqualTo(b.key());
        assertThat(a.key().and(BigInteger.valueOf(0xffffffffL))).isEqualTo(BigInteger.valueOf(0x01000007L));
        assertThat(NonceKeys.validatorOf(AccountKind.LATCHKEY, a.nonce(5))).isEqualTo(SMART_SESSION);
        assertThat(a.nonce(5).and(BigInteger.valueOf(0xff))).isEqualTo(BigInteger.valueOf(5));
        assertThat(a.key24()).hasSize(24);
    }

    @Test
    void aStoredKeyBaseThatRoutesElsewhereIsRefused() {
        byte[] base = new byte[24];
        base[0] = 0x42;
        assertThatThrownBy(() -> NonceLane.of(session((byte) 1, base), SMART_SESSION)).hasMessageContaining("not SmartSession");
        assertThat(NonceLane.of(session((byte) 1, base), new Address("0x4200000000000000000000000000000000000000")).key24()).isEqualTo(base);
    }
}
