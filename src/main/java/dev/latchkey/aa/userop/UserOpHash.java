package dev.latchkey.aa.userop;

import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import org.web3j.crypto.Hash;

/** EntryPoint v0.7 {@code getUserOpHash} (spec §7.1). Not valid for v0.8 (EIP-712 there). */
public final class UserOpHash {

    /** viem {@code entryPoint07Address}. */
    public static final Address ENTRY_POINT_V07 = new Address("0x0000000071727de22e5e9d8baf0edac6f37da032");

    private UserOpHash() { }

    public static HexBytes hash(UserOperation op, Address entryPoint, BigInteger chainId) {
        return hash(PackedUserOperation.pack(op), entryPoint, chainId);
    }

    public static HexBytes hash(PackedUserOperation p, Address entryPoint, BigInteger chainId) {
        byte[] inner = Hash.sha3(new AbiWords().address(p.sender()).uint(p.nonce())
                .raw(Hash.sha3(p.initCode().unsafeBytes())).raw(Hash.sha3(p.callData().unsafeBytes()))
                .raw(p.accountGasLimits().unsafeBytes()).uint(p.preVerificationGas()).raw(p.gasFees().unsafeBytes())
                .raw(Hash.sha3(p.paymasterAndData().unsafeBytes())).toBytes());
        return HexBytes.of(Hash.sha3(new AbiWords().raw(inner).address(entryPoint).uint(chainId).toBytes()));
    }
}
