package dev.latchkey.session.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.session.SessionGenerator;
import dev.latchkey.session.model.Erc7739Context;
import dev.latchkey.session.model.Erc7739Data;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.PolicyData;
import dev.latchkey.session.wallet.SessionMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code abi.decode(abi.encode(Session))} is the identity; damaged or non-canonical bytes are refused with the field. */
class SessionAbiReaderTest {

    @Test
    void twoHundredRandomSessionsRoundTrip() {
        SessionGenerator gen = new SessionGenerator(7);
        for (int i = 0; i < 200; i++) {
            SessionGenerator.Case c = gen.next(i);
            OnchainSession s = SessionMapper.toOnchain(c.session(), c.addresses());
            assertThat(SessionAbiReader.decode(SessionAbi.encode(s))).as("case %d", i).isEqualTo(s);
        }
    }

    @Test
    void erc7739ContentAndPaymasterFlagRoundTrip() {
        SessionGenerator gen = new SessionGenerator(11);
        OnchainSession base = SessionMapper.toOnchain(gen.next(0).session(), gen.addresses());
        OnchainSession s = new OnchainSession(base.sessionValidator(), base.sessionValidatorInitData(), base.salt(), base.userOpPolicies(),
                new Erc7739Data(List.of(new Erc7739Context(HexBytes.zeros(32), List.of("Permit(address owner)", "Mail(string contents) ✓")),
                        new Erc7739Context(HexBytes.of(new byte[32]), List.of())),
                        List.of(new PolicyData(gen.address(), HexBytes.of(gen.bytes(37))))),
                base.actions(), true);
        assertThat(SessionAbiReader.decode(SessionAbi.encode(s))).isEqualTo(s);
    }

    @Test
    void truncatedDirtyOrForeignBytesAreRefused() {
        SessionGenerator gen = new SessionGenerator(3);
        byte[] good = SessionAbi.encode(SessionMapper.toOnchain(gen.next(0).session(), gen.addresses())).bytes();

        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 40);
        assertThatThrownBy(() -> SessionAbiReader.decode(HexBytes.of(truncated))).isInstanceOf(FieldException.class);

        byte[] dirtyAddress = good.clone();
        dirtyAddress[32] = 1; // the high bytes of sessionValidator
        assertThatThrownBy(() -> SessionAbiReader.decode(HexBytes.of(dirtyAddress)))
                .isInstanceOf(FieldException.class).hasMessageContaining("sessionValidator");

        byte[] badBool = good.clone();
        badBool[32 + 6 * 32 + 31] = 2; // permitERC4337Paymaster
        assertThatThrownBy(() -> SessionAbiReader.decode(HexBytes.of(badBool)))
                .isInstanceOf(FieldException.class).hasMessageContaining("permitERC4337Paymaster");

        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 32);
        assertThatThrownBy(() -> SessionAbiReader.decode(HexBytes.of(trailing)))
                .isInstanceOf(FieldException.class).hasMessageContaining("canonical");

        assertThatThrownBy(() -> SessionAbiReader.decode(HexBytes.of(new byte[] {1})))
                .isInstanceOf(FieldException.class);
    }
}
