package dev.latchkey.aa;

import dev.latchkey.chain.Abi;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Encodings for owner-driven operations on our ERC-7579 account (spec §7.2, §7.3): execute calldata, the nonce key
 * that selects a validator, initCode for the factory, and the owner's ECDSA signature. Minimal devnet version.
 */
public final class AccountCalls {

    /** {@code execute(bytes32,bytes)}. */
    public static final String EXECUTE = "execute(bytes32,bytes)";
    /** callType single (0x00), execType default (0x00), rest zero. */
    public static final byte[] MODE_SINGLE = new byte[32];

    private AccountCalls() {
    }

    /** {@code execute(MODE_SINGLE, abi.encodePacked(target, value, data))}. */
    public static byte[] executeSingle(String target, BigInteger value, byte[] data) {
        byte[] packed = new byte[20 + 32 + data.length];
        System.arraycopy(Numeric.hexStringToByteArray(target), 0, packed, 0, 20);
        System.arraycopy(Numeric.toBytesPadded(value, 32), 0, packed, 20, 32);
        System.arraycopy(data, 0, packed, 52, data.length);
        return Numeric.hexStringToByteArray(Abi.call(EXECUTE, new Bytes32(MODE_SINGLE), new DynamicBytes(packed)));
    }

    /** Nonce key selecting {@code validator}: the validator in the top 20 bytes of the 24-byte key. */
    public static BigInteger nonceKey(String validator) {
        return Numeric.toBigInt(validator).shiftLeft(32);
    }

    /** Full nonce from key and sequence: {@code key << 64 | sequence}. */
    public static BigInteger nonce(BigInteger key, BigInteger sequence) {
        return key.shiftLeft(64).or(sequence);
    }

    /** OwnableValidator install data: {@code abi.encode(uint256 threshold, address[] owners)}, owners sorted. */
    public static byte[] ownableValidatorInitData(int threshold, List<String> owners) {
        List<Address> sorted = owners.stream().sorted(Comparator.comparing(Numeric::toBigInt)).map(Address::new)
                .toList();
        return Numeric.hexStringToByteArray(Abi.encodeArgs(new Uint256(threshold),
                new DynamicArray<>(Address.class, sorted)));
    }

    /** {@code createAccount(bytes32 salt, bytes ownerValidatorInitData, bytes smartSessionInitData)} calldata. */
    public static byte[] createAccount(byte[] salt, byte[] ownerValidatorInitData, byte[] smartSessionInitData) {
        return Numeric.hexStringToByteArray(Abi.call("createAccount(bytes32,bytes,bytes)", new Bytes32(salt),
                new DynamicBytes(ownerValidatorInitData), new DynamicBytes(smartSessionInitData)));
    }

    /** {@code getAddress(bytes32,bytes,bytes)} calldata: the counterfactual account address. */
    public static String getAddress(byte[] salt, byte[] ownerValidatorInitData, byte[] smartSessionInitData) {
        return Abi.call("getAddress(bytes32,bytes,bytes)", new Bytes32(salt),
                new DynamicBytes(ownerValidatorInitData), new DynamicBytes(smartSessionInitData));
    }

    /** EntryPoint v0.7 initCode: {@code factory ‖ factoryCalldata}. */
    public static byte[] initCode(String factory, byte[] factoryCalldata) {
        byte[] out = new byte[20 + factoryCalldata.length];
        System.arraycopy(Numeric.hexStringToByteArray(factory), 0, out, 0, 20);
        System.arraycopy(factoryCalldata, 0, out, 20, factoryCalldata.length);
        return out;
    }

    /**
     * The owner's signature for OwnableValidator: 65-byte {@code r ‖ s ‖ v} personal_sign (EIP-191) over the
     * userOpHash. Touches a private key: call it with a short-lived key pair.
     */
    public static byte[] signAsOwner(byte[] userOpHash, ECKeyPair owner) {
        Sign.SignatureData sig = Sign.signPrefixedMessage(userOpHash, owner);
        byte[] out = new byte[65];
        System.arraycopy(sig.getR(), 0, out, 0, 32);
        System.arraycopy(sig.getS(), 0, out, 32, 32);
        out[64] = sig.getV()[0];
        return out;
    }
}
