package dev.latchkey.aa.userop;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;

/** EntryPoint v0.7 {@code PackedUserOperation} (spec §7.1). */
public record PackedUserOperation(
        Address sender,
        BigInteger nonce,
        HexBytes initCode,
        HexBytes callData,
        HexBytes accountGasLimits,
        BigInteger preVerificationGas,
        HexBytes gasFees,
        HexBytes paymasterAndData,
        HexBytes signature) {

    /** initCode = factory ‖ factoryData; accountGasLimits = verificationGasLimit ‖ callGasLimit; gasFees = priority ‖ max. */
    public static PackedUserOperation pack(UserOperation op) {
        HexBytes initCode = op.factory().map(f -> HexBytes.of(f.bytes()).concat(op.factoryData())).orElse(HexBytes.EMPTY);
        HexBytes pm = op.paymaster().map(p -> HexBytes.of(p.bytes())
                .concat(HexBytes.of(UInt.toBytes(op.paymasterVerificationGasLimit(), 16)))
                .concat(HexBytes.of(UInt.toBytes(op.paymasterPostOpGasLimit(), 16)))
                .concat(op.paymasterData())).orElse(HexBytes.EMPTY);
        return new PackedUserOperation(op.sender(), op.nonce(), initCode, op.callData(),
                two128(op.verificationGasLimit(), op.callGasLimit()), op.preVerificationGas(),
                two128(op.maxPriorityFeePerGas(), op.maxFeePerGas()), pm, op.signature());
    }

    private static HexBytes two128(BigInteger high, BigInteger low) {
        return HexBytes.of(UInt.toBytes(high, 16)).concat(HexBytes.of(UInt.toBytes(low, 16)));
    }
}
