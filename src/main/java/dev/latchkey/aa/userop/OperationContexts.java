package dev.latchkey.aa.userop;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.ExecuteCall;
import dev.latchkey.aa.execution.ExecutionMode;
import dev.latchkey.session.engine.Call;
import dev.latchkey.session.engine.OperationContext;
import dev.latchkey.session.engine.OperationContext.Shape;
import dev.latchkey.session.engine.WindowClaim;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.List;
import java.util.OptionalLong;

/** Turns a user operation into the PolicyEngine's view of it, decoding execute strictly (spec §2.5 step 4). */
public final class OperationContexts {

    private static final HexBytes EXECUTE_USER_OP = HexBytes.parse("selector", "0x8dd7712f");

    private OperationContexts() { }

    public static OperationContext of(UserOperation op, Address smartSession, long now, BigInteger baseFee) {
        byte[] cd = op.callData().unsafeBytes();
        Shape shape;
        List<Call> calls;
        OptionalLong modeClaim = OptionalLong.empty();
        OptionalLong modeDeadline = OptionalLong.empty();
        if (startsWith(cd, Erc7579Execute.SELECTOR)) {
            ExecuteCall ex = Erc7579Execute.decode(op.callData());
            modeClaim = WindowClaim.suffix(ex.mode().word().unsafeBytes());
            modeDeadline = OptionalLong.of(WindowClaim.deadline(ex.mode().word().unsafeBytes()));
            int callType = ex.mode().callType();
            boolean supported = ex.mode().execType() == ExecutionMode.EXEC_DEFAULT
                    && (callType == ExecutionMode.CALL_SINGLE || callType == ExecutionMode.CALL_BATCH);
            shape = !supported ? Shape.UNSUPPORTED : callType == ExecutionMode.CALL_SINGLE ? Shape.EXECUTE_SINGLE : Shape.EXECUTE_BATCH;
            calls = ex.executions().stream().map(e -> new Call(e.target(), e.value(), e.callData())).toList();
        } else if (startsWith(cd, EXECUTE_USER_OP)) {
            shape = Shape.UNSUPPORTED;
            calls = List.of();
        } else {
            shape = Shape.ACCOUNT_CALL;
            calls = List.of(new Call(op.sender(), BigInteger.ZERO, op.callData()));
        }
        OperationContext.Gas gas = new OperationContext.Gas(op.verificationGasLimit(), op.callGasLimit(), op.preVerificationGas(),
                op.paymasterVerificationGasLimit(), op.paymasterPostOpGasLimit(), op.maxFeePerGas(), op.maxPriorityFeePerGas());
        return new OperationContext(op.sender(), smartSession, shape, calls, op.paymaster().isPresent(), gas, now, baseFee, modeClaim, modeDeadline);
    }

    private static boolean startsWith(byte[] data, HexBytes prefix) {
        if (data.length < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (data[i] != prefix.unsafeBytes()[i]) return false;
        }
        return true;
    }
}
