package dev.latchkey.session.engine;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the engine needs to know about one session user operation, already decoded (see
 * {@code dev.latchkey.aa.userop.OperationContexts}). {@code now} and {@code baseFee} are the expected inclusion
 * time and block base fee. {@code modeClaim}: the time claimed in the mode word of {@code execute} (see
 * {@link WindowClaim}); empty for any other callData. {@code modeDeadline}: the deadline in the same mode word (see
 * {@link WindowClaim#deadline}); empty for any other callData.
 */
public record OperationContext(
        Address account,
        Address smartSession,
        Shape shape,
        List<Call> calls,
        boolean hasPaymaster,
        Gas gas,
        long now,
        BigInteger baseFee,
        OptionalLong modeClaim,
        OptionalLong modeDeadline) {

    /** How SmartSession treats the callData (spec §2.5 step 4). */
    public enum Shape {
        /** execute, callType single, execType default. */
        EXECUTE_SINGLE,
        /** execute, callType batch, execType default. */
        EXECUTE_BATCH,
        /** Any other account function: one call with target = account, value 0, data = the whole callData. */
        ACCOUNT_CALL,
        /** Something SmartSession reverts on: try exec type, static or delegate call, executeUserOp. */
        UNSUPPORTED
    }

    /** The gas fields of the operation (for GasCostLimit). */
    public record Gas(BigInteger verificationGasLimit, BigInteger callGasLimit, BigInteger preVerificationGas,
            BigInteger paymasterVerificationGasLimit, BigInteger paymasterPostOpGasLimit,
            BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {
        public Gas {
            UInt.check("verificationGasLimit", verificationGasLimit, 128);
            UInt.check("callGasLimit", callGasLimit, 128);
            UInt.check("preVerificationGas", preVerificationGas, 256);
            UInt.check("paymasterVerificationGasLimit", paymasterVerificationGasLimit, 128);
            UInt.check("paymasterPostOpGasLimit", paymasterPostOpGasLimit, 128);
            UInt.check("maxFeePerGas", maxFeePerGas, 128);
            UInt.check("maxPriorityFeePerGas", maxPriorityFeePerGas, 128);
        }

        public static Gas none() {
            BigInteger z = BigInteger.ZERO;
            return new Gas(z, z, z, z, z, z, z);
        }
    }

    /** An operation whose mode word carries no claim (tests, account calls). */
    public OperationContext(Address account, Address smartSession, Shape shape, List<Call> calls, boolean hasPaymaster,
            Gas gas, long now, BigInteger baseFee) {
        this(account, smartSession, shape, calls, hasPaymaster, gas, now, baseFee, OptionalLong.empty());
    }

    /** An operation whose mode word carries a claim but no deadline. */
    public OperationContext(Address account, Address smartSession, Shape shape, List<Call> calls, boolean hasPaymaster,
            Gas gas, long now, BigInteger baseFee, OptionalLong modeClaim) {
        this(account, smartSession, shape, calls, hasPaymaster, gas, now, baseFee, modeClaim, OptionalLong.empty());
    }

    public OperationContext {
        if (account == null) throw new FieldException("account", "missing");
        if (smartSession == null) throw new FieldException("smartSession", "missing");
        if (shape == null) throw new FieldException("shape", "missing");
        if (calls == null) throw new FieldException("calls", "missing");
        if (gas == null) throw new FieldException("gas", "missing");
        UInt.check("now", now, 48);
        UInt.check("baseFee", baseFee, 256);
        if (modeClaim == null) throw new FieldException("modeClaim", "missing");
        if (modeDeadline == null) throw new FieldException("modeDeadline", "missing");
        calls = List.copyOf(calls);
    }
}
