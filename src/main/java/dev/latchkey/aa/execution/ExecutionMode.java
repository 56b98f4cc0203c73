package dev.latchkey.aa.execution;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;

/** ERC-7579 {@code ModeCode}: callType(1) ‖ execType(1) ‖ unused(4) ‖ modeSelector(4) ‖ modePayload(22). */
public record ExecutionMode(HexBytes word) {

    public static final int CALL_SINGLE = 0x00;
    public static final int CALL_BATCH = 0x01;
    public static final int CALL_STATIC = 0xfe;
    public static final int CALL_DELEGATE = 0xff;
    public static final int EXEC_DEFAULT = 0x00;
    public static final int EXEC_TRY = 0x01;

    public ExecutionMode {
        if (word == null || word.length() != 32) throw new FieldException("mode", "expected 32 bytes");
    }

    /** Default exec type (revert on error), no selector or payload: what @rhinestone/sdk sends. */
    public static ExecutionMode of(int callType) {
        byte[] w = new byte[32];
        w[0] = (byte) callType;
        return new ExecutionMode(HexBytes.of(w));
    }

    public int callType() {
        return word.unsafeBytes()[0] & 0xff;
    }

    public int execType() {
        return word.unsafeBytes()[1] & 0xff;
    }
}
