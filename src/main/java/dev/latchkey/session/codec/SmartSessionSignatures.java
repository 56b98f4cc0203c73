package dev.latchkey.session.codec;

import dev.latchkey.session.model.EnableSession;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.SmartSessionMode;

/** {@code userOp.signature} for SmartSession (spec §2.1), as module-sdk {@code encodeSmartSessionSignature}. */
public final class SmartSessionSignatures {

    private SmartSessionSignatures() { }

    /** USE: {@code 0x00 ‖ permissionId ‖ sessionValidatorSignature}. */
    public static HexBytes use(HexBytes permissionId, HexBytes sessionValidatorSignature) {
        if (permissionId.length() != 32) throw new FieldException("permissionId", "expected 32 bytes");
        return HexBytes.of(new byte[] {0}).concat(permissionId).concat(sessionValidatorSignature);
    }

    /** ENABLE / UNSAFE_ENABLE: {@code mode ‖ FastLZ(abi.encode(EnableSession, sessionValidatorSignature))}. */
    public static HexBytes enable(SmartSessionMode mode, EnableSession enableSession, HexBytes sessionValidatorSignature) {
        if (!mode.enables()) throw new FieldException("mode", "USE mode carries no EnableSession");
        byte[] payload = SessionAbi.encodeEnablePayload(enableSession, sessionValidatorSignature).unsafeBytes();
        return HexBytes.of(new byte[] {(byte) mode.code()}).concat(HexBytes.of(FastLz.compress(payload)));
    }

    /** The mode of a session signature. */
    public static SmartSessionMode modeOf(HexBytes signature) {
        if (signature.length() == 0) throw new FieldException("signature", "empty");
        int m = signature.unsafeBytes()[0] & 0xff;
        if (m > 2) throw new FieldException("signature", "unknown SmartSession mode byte " + m);
        return SmartSessionMode.values()[m];
    }

    /** The uncompressed {@code abi.encode(EnableSession, bytes)} of an ENABLE-mode signature. */
    public static HexBytes enablePayloadOf(HexBytes signature) {
        if (!modeOf(signature).enables()) throw new FieldException("signature", "not an ENABLE-mode signature");
        try {
            return HexBytes.of(FastLz.decompress(signature.slice(1, signature.length()).unsafeBytes()));
        } catch (IllegalArgumentException e) {
            throw new FieldException("signature", e.getMessage());
        }
    }
}
