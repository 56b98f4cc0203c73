package dev.latchkey.aa.signature;

import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.codec.SmartSessionSignatures;
import dev.latchkey.session.model.EnableSession;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.SmartSessionMode;
import dev.latchkey.session.wallet.Owners;
import java.nio.charset.StandardCharsets;

/**
 * Stub signatures for gas estimation with the same shape (and so the same length and calldata cost) as the real
 * ones: USE stubs carry the permission id, ENABLE stubs carry the full EnableSession (spec §8 step 3).
 */
public final class MockSignatures {

    /** module-sdk {@code getOwnableValidatorMockSignature} (one owner). */
    public static final HexBytes OWNABLE_MOCK = HexBytes.parse("mock",
            "0xe8b94748580ca0b4993c9a1b86b5be851bfc076ff5ce3a1ff65bf16392acfcb800f9b4f1aef1555c7fce5599fffb17e7c635502154a0333ba21f3ae491839af51c");

    private MockSignatures() { }

    /** A session-validator signature of the right shape for {@code owners}. */
    public static HexBytes sessionValidatorMock(Owners owners) {
        return switch (owners) {
            case Owners.Ecdsa e -> repeat(OWNABLE_MOCK, e.threshold());
            case Owners.Passkey p -> passkeyMock(p.threshold());
            case Owners.Custom c -> throw new FieldException("owners", "no mock signature known for custom validator " + c.validator());
        };
    }

    public static HexBytes useStub(HexBytes permissionId, Owners owners) {
        return SmartSessionSignatures.use(permissionId, sessionValidatorMock(owners));
    }

    /** ENABLE stub: the real EnableSession (with the owner's permissionEnableSig if known, else a mock of its size). */
    public static HexBytes enableStub(SmartSessionMode mode, EnableSession enableSession, Owners owners) {
        return SmartSessionSignatures.enable(mode, enableSession, sessionValidatorMock(owners));
    }

    public static HexBytes repeat(HexBytes sig, int times) {
        HexBytes out = HexBytes.EMPTY;
        for (int i = 0; i < times; i++) out = out.concat(sig);
        return out;
    }

    /** {@code abi.encode(WebAuthnAuth[])} with typical sizes: 37-byte authenticatorData, ~130-byte clientDataJSON. */
    private static HexBytes passkeyMock(int n) {
        byte[] auth = new byte[37];
        java.util.Arrays.fill(auth, (byte) 0x49);
        byte[] client = ("{\"type\":\"webauthn.get\",\"challenge\":\"" + "A".repeat(43) + "\",\"origin\":\"https://latchkey.dev\",\"crossOrigin\":false}")
                .getBytes(StandardCharsets.UTF_8);
        AbiWords w = new AbiWords().uint(32).uint(n);
        long elementSize = 32L * 6 + 32 + 64 + 32 + ((client.length + 31) / 32) * 32L;
        for (int i = 0; i < n; i++) w.uint(32L * n + i * elementSize);
        for (int i = 0; i < n; i++) {
            w.uint(192).uint(192 + 32 + 64).uint(23).uint(1).uint(java.math.BigInteger.ONE.shiftLeft(255)).uint(java.math.BigInteger.ONE.shiftLeft(254));
            w.uint(auth.length).raw(auth).raw(new byte[64 - auth.length]);
            w.uint(client.length).raw(client).raw(new byte[(32 - client.length % 32) % 32]);
        }
        return w.toHexBytes();
    }
}
