package dev.latchkey.chain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Small ABI helpers on top of web3j's encoder: calls by their canonical signature (so tuple types need no web3j
 * struct classes to name them) and reading static return words.
 */
public final class Abi {

    private Abi() {
    }

    /** The 4-byte selector of a canonical signature such as {@code transfer(address,uint256)}, 0x-hex. */
    public static String selector(String signature) {
        byte[] hash = Hash.sha3(signature.getBytes(StandardCharsets.US_ASCII));
        return Numeric.toHexString(Arrays.copyOf(hash, 4));
    }

    /** Calldata: selector of {@code signature} followed by the ABI encoding of {@code args} as a tuple. */
    @SuppressWarnings("rawtypes")
    public static String call(String signature, Type... args) {
        return selector(signature) + encodeArgs(args);
    }

    /** ABI encoding of {@code args} as a tuple, without 0x (e.g. constructor arguments). */
    @SuppressWarnings("rawtypes")
    public static String encodeArgs(Type... args) {
        return args.length == 0 ? "" : FunctionEncoder.encodeConstructor(Arrays.asList(args));
    }

    /** The {@code index}-th 32-byte word of a return value, as an unsigned integer. */
    public static BigInteger word(String returnData, int index) {
        String hex = Numeric.cleanHexPrefix(returnData);
        int start = index * 64;
        if (hex.length() < start + 64) {
            throw new IllegalArgumentException("return data has no word " + index + ": 0x" + hex);
        }
        return new BigInteger(hex.substring(start, start + 64), 16);
    }

    /** The {@code index}-th word read as an address (checksum-free, lower case). */
    public static String address(String returnData, int index) {
        return Numeric.toHexStringWithPrefixZeroPadded(word(returnData, index), 40);
    }
}
