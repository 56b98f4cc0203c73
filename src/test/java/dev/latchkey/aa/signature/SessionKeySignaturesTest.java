package dev.latchkey.aa.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.wallet.Owners;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

class SessionKeySignaturesTest {

    @Test
    void sameBytesAsWeb3jAndRecoverableInBothForms() throws Exception {
        Random r = new Random(42);
        for (int i = 0; i < 300; i++) {
            ECKeyPair key = ECKeyPair.create(new BigInteger(255, r).add(BigInteger.ONE));
            byte[] hash = new byte[32];
            r.nextBytes(hash);
            Sign.SignatureData w = Sign.signMessage(hash, key, false);
            HexBytes raw = SessionKeySignatures.sign(key, HexBytes.of(hash), SessionKeySignatures.Form.RAW);
            assertThat(raw.slice(0, 32).bytes()).isEqualTo(w.getR());
            assertThat(raw.slice(32, 64).bytes()).isEqualTo(w.getS());
            assertThat(raw.unsafeBytes()[64]).isEqualTo(w.getV()[0]);
            HexBytes personal = SessionKeySignatures.sign(key, HexBytes.of(hash), SessionKeySignatures.Form.PERSONAL_SIGN);
            Sign.SignatureData p = new Sign.SignatureData((byte) (personal.unsafeBytes()[64] - 4), personal.slice(0, 32).bytes(), personal.slice(32, 64).bytes());
            assertThat(Keys.getAddress(Sign.signedPrefixedMessageToKey(hash, p))).isEqualTo(Keys.getAddress(key));
        }
    }

    @Test
    void mockStubsHaveTheShapeOfRealSignatures() {
        Owners.Ecdsa owners = new Owners.Ecdsa(List.of(new Address("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"),
                new Address("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc")), 2);
        HexBytes pid = Ids.erc1271PolicyId(HexBytes.zeros(32));
        HexBytes stub = MockSignatures.useStub(pid, owners);
        ECKeyPair a = ECKeyPair.create(BigInteger.valueOf(7));
        ECKeyPair b = ECKeyPair.create(BigInteger.valueOf(8));
        HexBytes real = dev.latchkey.session.codec.SmartSessionSignatures.use(pid,
                SessionKeySignatures.signAll(List.of(a, b), HexBytes.zeros(32), SessionKeySignatures.Form.PERSONAL_SIGN));
        assertThat(stub.length()).isEqualTo(real.length()).isEqualTo(1 + 32 + 130);
    }
}
