package dev.latchkey.aa.account;

import dev.latchkey.aa.userop.PackedUserOperation;
import dev.latchkey.chain.Abi;
import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;

/**
 * The Safe side of Safe7579, from the public sources (safe-global 1.4.1, rhinestone safe7579): the account's setup
 * call, its CREATE2 address, the EIP-712 message hash Safe's {@code checkSignatures} verifies for ERC-1271, and the
 * {@code SafeOp} hash the adapter verifies for an operation validated by the Safe's owners.
 */
public final class SafeEncodings {

    /** {@code keccak256("EIP712Domain(uint256 chainId,address verifyingContract)")}, Safe's and the adapter's domain. */
    static final byte[] DOMAIN_TYPEHASH = HexBytes.parse("t", "0x47e79534a245952e8b16893a336b85a3d9ea9fa8c573f3d803afb92a79469218").bytes();
    /** {@code keccak256("SafeMessage(bytes message)")}. */
    static final byte[] SAFE_MSG_TYPEHASH = HexBytes.parse("t", "0x60b3cbf8b4a223d68d641b3b6ddf9a298e7f33710cf3d3a9d1146b5a6150fbca").bytes();
    /** The adapter's {@code SafeOp(address safe,uint256 nonce,bytes initCode,…,address entryPoint)} type hash. */
    static final byte[] SAFE_OP_TYPEHASH = HexBytes.parse("t", "0xc03dfc11d8b10bf9cf703d558958c8c42777f785d998c62060d85a4f0ef6ea7f").bytes();

    private SafeEncodings() { }

    /**
     * {@code Safe.setup([owner], 1, launchpad, launchpad.addSafe7579(adapter, [SmartSession], [], [], [], [], 0),
     * adapter, 0, 0, 0)}: the Safe delegatecalls the launchpad, which enables the adapter as a Safe module and installs
     * SmartSession as its only ERC-7579 validator; the adapter is the fallback handler (ERC-7579 and ERC-1271 calls).
     * No attesters: the devnet has no ERC-7484 registry (the adapter consults one only when configured).
     */
    public static HexBytes initializer(SafeStack stack, Address owner, Address smartSession) {
        DynamicStruct smartSessionInit = new DynamicStruct(new org.web3j.abi.datatypes.Address(smartSession.hex()),
                new DynamicBytes(new byte[0]));
        String add = Abi.call("addSafe7579(address,(address,bytes)[],(address,bytes)[],(address,bytes)[],(address,bytes)[],address[],uint8)",
                address(stack.adapter()), new DynamicArray<>(DynamicStruct.class, List.of(smartSessionInit)), noModules(), noModules(),
                noModules(), new DynamicArray<>(org.web3j.abi.datatypes.Address.class, List.of()), new Uint8(0));
        return HexBytes.parse("initializer", Abi.call("setup(address[],uint256,address,bytes,address,address,uint256,address)",
                new DynamicArray<>(org.web3j.abi.datatypes.Address.class, List.of(address(owner))), new Uint256(1),
                address(stack.launchpad()), new DynamicBytes(HexBytes.parse("data", add).bytes()), address(stack.adapter()),
                address(Address.ZERO), new Uint256(0), address(Address.ZERO)));
    }

    /**
     * SafeProxyFactory 1.4.1's CREATE2 address: salt {@code keccak256(keccak256(initializer) ‖ saltNonce)}, init code
     * {@code proxyCreationCode ‖ uint256(singleton)}.
     */
    public static Address proxyAddress(SafeStack stack, HexBytes proxyCreationCode, HexBytes initializer, BigInteger saltNonce) {
        byte[] salt = Hash.sha3(new AbiWords().raw(Hash.sha3(initializer.bytes())).uint(saltNonce).toBytes());
        byte[] initCodeHash = Hash.sha3(proxyCreationCode.concat(new AbiWords().address(stack.singleton()).toHexBytes()).bytes());
        byte[] pre = HexBytes.of(new byte[] {(byte) 0xff}).concat(HexBytes.of(stack.proxyFactory().bytes()))
                .concat(HexBytes.of(salt)).concat(HexBytes.of(initCodeHash)).bytes();
        byte[] h = Hash.sha3(pre);
        return Address.of(java.util.Arrays.copyOfRange(h, 12, 32));
    }

    /**
     * The hash a Safe owner signs so that {@code safe.checkSignatures} accepts {@code hash} for ERC-1271 through the
     * adapter: {@code keccak256(0x1901 ‖ domainSeparator(chainId, safe) ‖ keccak256(SafeMessage ‖ keccak256(abi.encode(hash))))}.
     */
    public static HexBytes messageHash(Address safe, long chainId, HexBytes hash) {
        byte[] domain = Hash.sha3(new AbiWords().raw(DOMAIN_TYPEHASH).uint(chainId).address(safe).toBytes());
        byte[] struct = Hash.sha3(new AbiWords().raw(SAFE_MSG_TYPEHASH).raw(Hash.sha3(hash.bytes())).toBytes());
        return eip712(domain, struct);
    }

    /**
     * The adapter's {@code SafeOp} EIP-712 hash of {@code op} (domain: chain id and the adapter itself), which the
     * Safe's owners sign when an operation's nonce key selects no installed validator.
     */
    public static HexBytes safeOpHash(PackedUserOperation op, Address adapter, long chainId, Address entryPoint,
                                      long validAfter, long validUntil) {
        byte[] domain = Hash.sha3(new AbiWords().raw(DOMAIN_TYPEHASH).uint(chainId).address(adapter).toBytes());
        BigInteger gasLimits = new BigInteger(1, op.accountGasLimits().bytes());
        BigInteger fees = new BigInteger(1, op.gasFees().bytes());
        BigInteger mask = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        byte[] struct = Hash.sha3(new AbiWords().raw(SAFE_OP_TYPEHASH).address(op.sender()).uint(op.nonce())
                .raw(Hash.sha3(op.initCode().bytes())).raw(Hash.sha3(op.callData().bytes()))
                .uint(gasLimits.shiftRight(128)).uint(gasLimits.and(mask)).uint(op.preVerificationGas())
                .uint(fees.shiftRight(128)).uint(fees.and(mask)).raw(Hash.sha3(op.paymasterAndData().bytes()))
                .uint(validAfter).uint(validUntil).address(entryPoint).toBytes());
        return eip712(domain, struct);
    }

    private static HexBytes eip712(byte[] domain, byte[] struct) {
        return HexBytes.of(Hash.sha3(HexBytes.of(new byte[] {0x19, 0x01}).concat(HexBytes.of(domain)).concat(HexBytes.of(struct)).bytes()));
    }

    private static DynamicArray<DynamicStruct> noModules() {
        return new DynamicArray<>(DynamicStruct.class, List.of());
    }

    private static org.web3j.abi.datatypes.Address address(Address a) {
        return new org.web3j.abi.datatypes.Address(a.hex());
    }
}
