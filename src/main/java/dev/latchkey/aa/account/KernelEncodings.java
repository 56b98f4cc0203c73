package dev.latchkey.aa.account;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.chain.Abi;
import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Bytes21;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;

/**
 * The Kernel v3.1 side (zerodevapp/kernel v3.1 sources): validation ids, the {@code initialize} call its factory
 * makes, the validator install data of its {@code installModule}, and the EIP-712 wrapper its
 * {@code isValidSignature} puts around every hash before a validator sees it.
 */
public final class KernelEncodings {

    /** The EIP-712 domain version of the implementation the devnet deploys ({@code accountId} kernel.advanced.v0.3.1). */
    public static final String VERSION = "0.3.1";
    /** {@code keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")} (solady). */
    static final byte[] DOMAIN_TYPEHASH = Hash.sha3("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
            .getBytes(StandardCharsets.US_ASCII));
    /** {@code keccak256("Kernel(bytes32 hash)")}: the wrapper {@code _toWrappedHash} applies. */
    static final byte[] WRAPPER_TYPEHASH = Hash.sha3("Kernel(bytes32 hash)".getBytes(StandardCharsets.US_ASCII));
    /** Validation type "validator" (a module of type 1), the first byte of its 21-byte validation id. */
    static final byte VALIDATION_TYPE_VALIDATOR = 0x01;

    private KernelEncodings() { }

    /** {@code ValidatorLib.validatorToIdentifier}: {@code 0x01 ‖ validator}. */
    public static HexBytes validatorId(Address validator) {
        return HexBytes.of(new byte[] {VALIDATION_TYPE_VALIDATOR}).concat(HexBytes.of(validator.bytes()));
    }

    /**
     * {@code Kernel.initialize(0x01 ‖ rootValidator, hook 0, rootValidatorData, "", [installModule(1, smartSession,
     * …)])}: the root validator controls the account (owner operations on nonce key 0, ERC-1271), and SmartSession is
     * installed by the account calling itself, as ZeroDev's SDK installs plugins at creation ({@code initConfig}).
     */
    public static HexBytes initialize(Address rootValidator, HexBytes rootValidatorData, Address smartSession) {
        HexBytes install = HexBytes.parse("install", Abi.call("installModule(uint256,address,bytes)", new Uint256(1),
                new org.web3j.abi.datatypes.Address(smartSession.hex()), new DynamicBytes(validatorInstallData(HexBytes.EMPTY).bytes())));
        return HexBytes.parse("initialize", Abi.call("initialize(bytes21,address,bytes,bytes,bytes[])",
                new Bytes21(validatorId(rootValidator).bytes()), new org.web3j.abi.datatypes.Address(Address.ZERO.hex()),
                new DynamicBytes(rootValidatorData.bytes()), new DynamicBytes(new byte[0]),
                new DynamicArray<>(DynamicBytes.class, List.of(new DynamicBytes(install.bytes())))));
    }

    /**
     * {@code installModule(1, validator, initData)}'s {@code initData} on Kernel: {@code hook (20) ‖ abi.encode(
     * validatorData, hookData, selectorData)}. No hook (address 0, which Kernel stores as "no hook required"), and the
     * one selector a non-root validator may validate for: ERC-7579 {@code execute}, the only call a session makes —
     * Kernel refuses any other selector on a validator it was not granted for.
     */
    public static HexBytes validatorInstallData(HexBytes validatorData) {
        byte[] tuple = HexBytes.parse("t", "0x" + Abi.encodeArgs(new DynamicBytes(validatorData.bytes()), new DynamicBytes(new byte[0]),
                new DynamicBytes(Erc7579Execute.SELECTOR.bytes()))).bytes();
        return HexBytes.of(Address.ZERO.bytes()).concat(HexBytes.of(tuple));
    }

    /**
     * {@code _toWrappedHash(hash)}: {@code keccak256(0x1901 ‖ domainSeparator("Kernel", version, chainId, account) ‖
     * keccak256(abi.encode(keccak256("Kernel(bytes32 hash)"), hash)))} — what a validator is asked to verify when the
     * account is asked about {@code hash}, so one owner signature is good for one Kernel on one chain only.
     */
    public static HexBytes wrappedHash(Address account, long chainId, String version, HexBytes hash) {
        if (hash.length() != 32) throw new dev.latchkey.session.model.FieldException("hash", "expected 32 bytes");
        byte[] domain = Hash.sha3(new AbiWords().raw(DOMAIN_TYPEHASH).raw(Hash.sha3("Kernel".getBytes(StandardCharsets.US_ASCII)))
                .raw(Hash.sha3(version.getBytes(StandardCharsets.US_ASCII))).uint(chainId).address(account).toBytes());
        byte[] struct = Hash.sha3(new AbiWords().raw(WRAPPER_TYPEHASH).fixed(hash.bytes()).toBytes());
        return HexBytes.of(Hash.sha3(HexBytes.of(new byte[] {0x19, 0x01}).concat(HexBytes.of(domain)).concat(HexBytes.of(struct)).bytes()));
    }
}
