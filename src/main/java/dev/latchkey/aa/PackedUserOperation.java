package dev.latchkey.aa;

import dev.latchkey.chain.Abi;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * An EntryPoint v0.7 user operation (the {@code PackedUserOperation} struct, with its packed gas words kept as
 * their parts). Minimal devnet version; the SDK's {@code UserOperation} will supersede it.
 *
 * @param sender               the account
 * @param nonce                key (192 bits) ‖ sequence (64 bits)
 * @param initCode             factory (20 bytes) ‖ factory calldata, or empty
 * @param callData             what the account executes
 * @param verificationGasLimit gas for validation (and deployment)
 * @param callGasLimit         gas for the call
 * @param preVerificationGas   bundler overhead paid by the account
 * @param maxPriorityFeePerGas EIP-1559 tip
 * @param maxFeePerGas         EIP-1559 cap
 * @param paymasterAndData     paymaster (20) ‖ gas limits (16+16) ‖ data, or empty
 * @param signature            the validator's signature
 */
public record PackedUserOperation(String sender, BigInteger nonce, byte[] initCode, byte[] callData,
                                  BigInteger verificationGasLimit, BigInteger callGasLimit,
                                  BigInteger preVerificationGas, BigInteger maxPriorityFeePerGas,
                                  BigInteger maxFeePerGas, byte[] paymasterAndData, byte[] signature) {

    private static final BigInteger MAX_UINT128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    public PackedUserOperation {
        initCode = initCode.clone();
        callData = callData.clone();
        paymasterAndData = paymasterAndData.clone();
        signature = signature.clone();
        for (BigInteger gas : new BigInteger[] {verificationGasLimit, callGasLimit, maxPriorityFeePerGas, maxFeePerGas}) {
            if (gas.signum() < 0 || gas.compareTo(MAX_UINT128) > 0) {
                throw new IllegalArgumentException("gas values must fit in 128 bits: " + gas);
            }
        }
    }

    @Override
    public byte[] initCode() {
        return initCode.clone();
    }

    @Override
    public byte[] callData() {
        return callData.clone();
    }

    @Override
    public byte[] paymasterAndData() {
        return paymasterAndData.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public PackedUserOperation withSignature(byte[] newSignature) {
        return new PackedUserOperation(sender, nonce, initCode, callData, verificationGasLimit, callGasLimit,
                preVerificationGas, maxPriorityFeePerGas, maxFeePerGas, paymasterAndData, newSignature);
    }

    /** {@code verificationGasLimit (16) ‖ callGasLimit (16)}. */
    public byte[] accountGasLimits() {
        return packHighLow(verificationGasLimit, callGasLimit);
    }

    /** {@code maxPriorityFeePerGas (16) ‖ maxFeePerGas (16)}. */
    public byte[] gasFees() {
        return packHighLow(maxPriorityFeePerGas, maxFeePerGas);
    }

    /** The v0.7 userOpHash: keccak(abi.encode(keccak(packed fields), entryPoint, chainId)) (spec §7.1). */
    public byte[] hash(String entryPoint, long chainId) {
        String inner = Abi.encodeArgs(new Address(sender), new Uint256(nonce), new Bytes32(Hash.sha3(initCode)),
                new Bytes32(Hash.sha3(callData)), new Bytes32(accountGasLimits()), new Uint256(preVerificationGas),
                new Bytes32(gasFees()), new Bytes32(Hash.sha3(paymasterAndData)));
        String outer = Abi.encodeArgs(new Bytes32(Hash.sha3(Numeric.hexStringToByteArray(inner))),
                new Address(entryPoint), new Uint256(BigInteger.valueOf(chainId)));
        return Hash.sha3(Numeric.hexStringToByteArray(outer));
    }

    /** The struct as a web3j tuple, for {@code handleOps}. */
    public DynamicStruct toStruct() {
        return new DynamicStruct(new Address(sender), new Uint256(nonce), new DynamicBytes(initCode),
                new DynamicBytes(callData), new Bytes32(accountGasLimits()), new Uint256(preVerificationGas),
                new Bytes32(gasFees()), new DynamicBytes(paymasterAndData), new DynamicBytes(signature));
    }

    /** The unpacked JSON shape ERC-4337 v0.7 bundlers take in {@code eth_sendUserOperation}. */
    public Map<String, Object> toRpcJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sender", sender);
        json.put("nonce", Numeric.encodeQuantity(nonce));
        if (initCode.length >= 20) {
            json.put("factory", Numeric.toHexString(Arrays.copyOf(initCode, 20)));
            json.put("factoryData", Numeric.toHexString(Arrays.copyOfRange(initCode, 20, initCode.length)));
        }
        json.put("callData", Numeric.toHexString(callData));
        json.put("callGasLimit", Numeric.encodeQuantity(callGasLimit));
        json.put("verificationGasLimit", Numeric.encodeQuantity(verificationGasLimit));
        json.put("preVerificationGas", Numeric.encodeQuantity(preVerificationGas));
        json.put("maxFeePerGas", Numeric.encodeQuantity(maxFeePerGas));
        json.put("maxPriorityFeePerGas", Numeric.encodeQuantity(maxPriorityFeePerGas));
        if (paymasterAndData.length >= 52) {
            json.put("paymaster", Numeric.toHexString(Arrays.copyOf(paymasterAndData, 20)));
            json.put("paymasterVerificationGasLimit", quantity(Arrays.copyOfRange(paymasterAndData, 20, 36)));
            json.put("paymasterPostOpGasLimit", quantity(Arrays.copyOfRange(paymasterAndData, 36, 52)));
            json.put("paymasterData", Numeric.toHexString(Arrays.copyOfRange(paymasterAndData, 52,
                    paymasterAndData.length)));
        }
        json.put("signature", Numeric.toHexString(signature));
        return json;
    }

    private static String quantity(byte[] bigEndian) {
        return Numeric.encodeQuantity(new BigInteger(1, bigEndian));
    }

    private static byte[] packHighLow(BigInteger high, BigInteger low) {
        byte[] out = new byte[32];
        byte[] h = Numeric.toBytesPadded(high, 16);
        byte[] l = Numeric.toBytesPadded(low, 16);
        System.arraycopy(h, 0, out, 0, 16);
        System.arraycopy(l, 0, out, 16, 16);
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackedUserOperation o && sender.equalsIgnoreCase(o.sender) && nonce.equals(o.nonce)
                && Arrays.equals(initCode, o.initCode) && Arrays.equals(callData, o.callData)
                && verificationGasLimit.equals(o.verificationGasLimit) && callGasLimit.equals(o.callGasLimit)
                && preVerificationGas.equals(o.preVerificationGas) && maxPriorityFeePerGas.equals(o.maxPriorityFeePerGas)
                && maxFeePerGas.equals(o.maxFeePerGas) && Arrays.equals(paymasterAndData, o.paymasterAndData)
                && Arrays.equals(signature, o.signature);
    }

    @Override
    public int hashCode() {
        return sender.toLowerCase().hashCode() * 31 + nonce.hashCode() * 17 + Arrays.hashCode(callData);
    }

    @Override
    public String toString() {
        return "PackedUserOperation[sender=" + sender + ", nonce=0x" + nonce.toString(16) + ", callData="
                + callData.length + " bytes, initCode=" + initCode.length + " bytes]";
    }
}
