package dev.latchkey.aa.userop;

import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;
import java.util.Optional;

/**
 * An ERC-4337 EntryPoint v0.7 user operation in its unpacked (bundler RPC) form. Gas fields are uint128 as packed
 * on chain, except {@code preVerificationGas} and {@code nonce} (uint256).
 */
public record UserOperation(
        Address sender,
        BigInteger nonce,
        Optional<Address> factory,
        HexBytes factoryData,
        HexBytes callData,
        BigInteger callGasLimit,
        BigInteger verificationGasLimit,
        BigInteger preVerificationGas,
        BigInteger maxFeePerGas,
        BigInteger maxPriorityFeePerGas,
        Optional<Address> paymaster,
        BigInteger paymasterVerificationGasLimit,
        BigInteger paymasterPostOpGasLimit,
        HexBytes paymasterData,
        HexBytes signature) {

    public UserOperation {
        if (sender == null) throw new FieldException("sender", "missing");
        UInt.check("nonce", nonce, 256);
        if (factory == null) throw new FieldException("factory", "missing");
        if (factoryData == null) throw new FieldException("factoryData", "missing");
        if (factory.isEmpty() && factoryData.length() != 0) throw new FieldException("factoryData", "given without factory");
        if (callData == null) throw new FieldException("callData", "missing");
        UInt.check("callGasLimit", callGasLimit, 128);
        UInt.check("verificationGasLimit", verificationGasLimit, 128);
        UInt.check("preVerificationGas", preVerificationGas, 256);
        UInt.check("maxFeePerGas", maxFeePerGas, 128);
        UInt.check("maxPriorityFeePerGas", maxPriorityFeePerGas, 128);
        if (paymaster == null) throw new FieldException("paymaster", "missing");
        UInt.check("paymasterVerificationGasLimit", paymasterVerificationGasLimit, 128);
        UInt.check("paymasterPostOpGasLimit", paymasterPostOpGasLimit, 128);
        if (paymasterData == null) throw new FieldException("paymasterData", "missing");
        if (paymaster.isEmpty() && (paymasterData.length() != 0 || paymasterVerificationGasLimit.signum() != 0
                || paymasterPostOpGasLimit.signum() != 0)) {
            throw new FieldException("paymaster", "paymaster fields given without paymaster");
        }
        if (signature == null) throw new FieldException("signature", "missing");
    }

    /** A deployed account's operation without paymaster, gas fields to be estimated later. */
    public static UserOperation of(Address sender, BigInteger nonce, HexBytes callData) {
        BigInteger z = BigInteger.ZERO;
        return new UserOperation(sender, nonce, Optional.empty(), HexBytes.EMPTY, callData, z, z, z, z, z,
                Optional.empty(), z, z, HexBytes.EMPTY, HexBytes.EMPTY);
    }

    public UserOperation withSignature(HexBytes sig) {
        return new UserOperation(sender, nonce, factory, factoryData, callData, callGasLimit, verificationGasLimit,
                preVerificationGas, maxFeePerGas, maxPriorityFeePerGas, paymaster, paymasterVerificationGasLimit,
                paymasterPostOpGasLimit, paymasterData, sig);
    }

    public UserOperation withGas(BigInteger callGas, BigInteger verificationGas, BigInteger preVerification,
            BigInteger maxFee, BigInteger maxPriorityFee) {
        return new UserOperation(sender, nonce, factory, factoryData, callData, callGas, verificationGas,
                preVerification, maxFee, maxPriorityFee, paymaster, paymasterVerificationGasLimit,
                paymasterPostOpGasLimit, paymasterData, signature);
    }

    public UserOperation withFactory(Address f, HexBytes data) {
        return new UserOperation(sender, nonce, Optional.of(f), data, callData, callGasLimit, verificationGasLimit,
                preVerificationGas, maxFeePerGas, maxPriorityFeePerGas, paymaster, paymasterVerificationGasLimit,
                paymasterPostOpGasLimit, paymasterData, signature);
    }

    public UserOperation withPaymaster(Address p, BigInteger verificationGas, BigInteger postOpGas, HexBytes data) {
        return new UserOperation(sender, nonce, factory, factoryData, callData, callGasLimit, verificationGasLimit,
                preVerificationGas, maxFeePerGas, maxPriorityFeePerGas, Optional.of(p), verificationGas, postOpGas, data, signature);
    }
}
