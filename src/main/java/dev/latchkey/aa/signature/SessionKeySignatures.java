package dev.latchkey.aa.signature;

import dev.latchkey.session.model.HexBytes;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * Session-key signatures over the raw userOpHash for OwnableValidator (spec §4.1): raw ECDSA (v 27/28) or
 * personal_sign with {@code v + 4} (31/32, what @rhinestone/sdk 1.0.x sends). Keys are used and dropped by the
 * caller; nothing here keeps them.
 */
public final class SessionKeySignatures {

    private SessionKeySignatures() { }

    public enum Form { RAW, PERSONAL_SIGN }

    public static HexBytes sign(ECKeyPair key, HexBytes hash, Form form) {
        if (hash.length() != 32) throw new dev.latchkey.session.model.FieldException("hash", "expected 32 bytes");
        byte[] digest = form == Form.RAW ? hash.unsafeBytes() : Sign.getEthereumMessageHash(hash.unsafeBytes());
        byte[] out = Secp256k1Signer.sign(key.getPrivateKey(), digest);
        if (form == Form.PERSONAL_SIGN) out[64] += 4;
        return HexBytes.of(out);
    }

    /** Concatenated signatures of several owners (OwnableValidator accepts any order). */
    public static HexBytes signAll(List<ECKeyPair> keys, HexBytes hash, Form form) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(65 * keys.size());
        keys.forEach(k -> out.writeBytes(sign(k, hash, form).unsafeBytes()));
        return HexBytes.of(out.toByteArray());
    }
}
