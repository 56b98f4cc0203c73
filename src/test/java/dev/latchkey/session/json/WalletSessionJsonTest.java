package dev.latchkey.session.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.session.SessionGenerator;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.wallet.Action;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalletSessionJsonTest {

    @Test
    void bothFormatsRoundTripAndOnchainImportsBackToTyped() throws Exception {
        SessionGenerator gen = new SessionGenerator(11);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < 40; i++) {
            SessionGenerator.Case c = gen.next(i);
            SessionDocument doc = new SessionDocument(c.session(), c.addresses());
            SessionDocument back = WalletSessionJson.read(mapper.readTree(WalletSessionJson.write(doc).toString()));
            assertThat(back.session()).isEqualTo(c.session());
            OnchainSession s = SessionMapper.toOnchain(c.session(), c.addresses());
            assertThat(OnchainSessionJson.read(mapper.readTree(OnchainSessionJson.write(s).toString()))).isEqualTo(s);
            WalletSession imported = SessionMapper.toWallet(s, c.addresses(), c.session().chains());
            // owners come back sorted (as OwnableValidator stores them); everything else is identical
            assertThat(SessionMapper.toOnchain(imported, c.addresses())).isEqualTo(s);
            assertThat(imported.actions()).isEqualTo(c.session().actions());
            assertThat(imported.policies()).isEqualTo(c.session().policies());
            assertThat(imported.signing()).isEqualTo(c.session().signing());
        }
    }

    @Test
    void defaultsFollowTheSdk() throws Exception {
        SessionDocument d = WalletSessionJson.read(new ObjectMapper().readTree(
                "{\"owners\":{\"type\":\"ecdsa\",\"accounts\":[\"0x70997970c51812dc3a010c7d01b50e0d17dc79c8\"]},"
                        + "\"policies\":[{\"type\":\"time-frame\",\"validUntil\":\"2030-01-01T00:00:00Z\"}]}"));
        assertThat(d.session().actions()).isEqualTo(List.of(Action.anyCall()));
        assertThat(d.session().policies()).isEqualTo(List.of(new Policy.TimeFrame(1_893_456_000L, 0)));
        assertThat(d.session().permitErc4337Paymaster()).isTrue();
    }
}
