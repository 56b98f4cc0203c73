package dev.latchkey.devnet;

import dev.latchkey.chain.Abi;
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

/** Encodings for an owner-driven LatchkeyAccount: factory calls, OwnableValidator install data, owner signature. */
final class OwnerOperations {

    private OwnerOperations() {
    }

    /** OwnableValidator install data: {@code abi.encode(uint256 threshold, address[] owners)}, owners sorted. */
    static byte[] ownableValidatorInitData(int threshold, List<String> owners) {
        List<Address> sorted = owners.stream().sorted(Comparator.comparing(Numeric::toBigInt)).map(Address::new)
                .toList();
        return Numeric.hexStringToByteArray(Abi.encodeArgs(new Uint256(threshold),
                new DynamicArray<>(Address.class, sorted)));
    }

    /** {@code createAccount(bytes32 salt, bytes ownerValidatorInitData, bytes smartSessionInitData)} calldata. */
    static byte[] createAccount(byte[] salt, byte[] ownerValidatorInitData, byte[] smartSessionInitData) {
        return Numeric.hexStringToByteArray(Abi.call("createAccount(bytes32,bytes,bytes)", new Bytes32(salt),
                new DynamicBytes(ownerValidatorInitData), new DynamicBytes(smartSessionInitData)));
    }

    /** {@code getAddress(bytes32,bytes,bytes)} calldata: the counterfactual account address. */
    static String getAddress(byte[] salt, byte[] ownerValidatorInitData, byte[] smartSessionInitData) {
        return Abi.call("getAddress(bytes32,bytes,bytes)", new Bytes32(salt),
                new DynamicBytes(ownerValidatorInitData), new DynamicBytes(smartSessionInitData));
    }

    /** OwnableValidator signature: 65-byte {@code r ‖ s ‖ v} personal_sign (EIP-191) over the userOpHash. */
    static byte[] signAsOwner(byte[] userOpHash, ECKeyPair owner) {
        Sign.SignatureData sig = Sign.signPrefixedMessage(userOpHash, owner);
        byte[] out = new byte[65];
        System.arraycopy(sig.getR(), 0, out, 0, 32);
        System.arraycopy(sig.getS(), 0, out, 32, 32);
        out[64] = sig.getV()[0];
        return out;
    }
}
