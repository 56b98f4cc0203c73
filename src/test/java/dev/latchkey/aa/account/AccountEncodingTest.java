package dev.latchkey.aa.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.aa.userop.PackedUserOperation;
import dev.latchkey.aa.userop.UserOpHash;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * The Safe7579 encodings against viem's EIP-712 {@code hashTypedData} of the same typed data (vectors computed once
 * with viem 2 in node_modules: {@code SafeMessage(bytes message)} over {@code abi.encode(digest)} and the SafeOp type
 * of safe7579's ISafeOp), and the routing each kind's nonce keys do.
 */
class AccountEncodingTest {

    private static final Address SAFE = new Address("0x1111111111111111111111111111111111111111");
    private static final Address ADAPTER = new Address("0x7579000000000000000000000000000000000002");
    private static final Address SMART_SESSION = new Address("0x00000000008bdaba73cd9815d79069c247eb4bda");

    @Test
    void safeMessageHashIsTheEip712HashSafeChecksForErc1271() {
        HexBytes digest = HexBytes.parse("d", "0x" + "ab".repeat(32));
        assertThat(SafeEncodings.messageHash(SAFE, 31337, digest).hex())
                .isEqualTo("0x7c359e832288c662c54f308c2c4583bae181178942910ff82fef15ad8e98f666");
        assertThat(SafeEncodings.messageHash(SAFE, 1, digest)).as("bound to the chain").isNotEqualTo(SafeEncodings.messageHash(SAFE, 31337, digest));
        assertThat(SafeEncodings.messageHash(ADAPTER, 31337, digest)).as("bound to the Safe").isNotEqualTo(SafeEncodings.messageHash(SAFE, 31337, digest));
    }

    @Test
    void safeOpHashCoversEveryFieldInTheAdaptersOrder() {
        UserOperation op = op(BigInteger.valueOf(100_000), BigInteger.valueOf(200_000));
        HexBytes h = SafeEncodings.safeOpHash(PackedUserOperation.pack(op), ADAPTER, 31337, UserOpHash.ENTRY_POINT_V07, 0, 0);
        assertThat(h.hex()).isEqualTo("0x4258f4c2f4cece580b7698f99f9d10db494cb93eac22e4a39db9a3831794c0aa");
        // call and verification gas swapped: a bug in the field order would give the same hash
        UserOperation swapped = op(BigInteger.valueOf(200_000), BigInteger.valueOf(100_000));
        assertThat(SafeEncodings.safeOpHash(PackedUserOperation.pack(swapped), ADAPTER, 31337, UserOpHash.ENTRY_POINT_V07, 0, 0)).isNotEqualTo(h);
    }

    @Test
    void aSafeOwnerOperationIsAWindowAndTheOwnersSignatureOverTheSafeOpHash() throws Exception {
        ECKeyPair owner = Keys.createEcKeyPair();
        AccountEncoding.Safe7579 enc = new AccountEncoding.Safe7579(ADAPTER);
        UserOperation op = op(BigInteger.valueOf(100_000), BigInteger.valueOf(200_000));
        HexBytes sig = enc.ownerSignature(op, UserOpHash.hash(op, UserOpHash.ENTRY_POINT_V07, BigInteger.valueOf(31337)), List.of(owner),
                31337, UserOpHash.ENTRY_POINT_V07);
        assertThat(sig.length()).isEqualTo(enc.ownerStub(1).length()).isEqualTo(77);
        assertThat(sig.slice(0, 12)).isEqualTo(HexBytes.zeros(12));
        byte[] s = sig.slice(12, 77).bytes();
        HexBytes signed = SafeEncodings.safeOpHash(PackedUserOperation.pack(op), ADAPTER, 31337, UserOpHash.ENTRY_POINT_V07, 0, 0);
        BigInteger key = Sign.signedMessageHashToKey(signed.bytes(), new Sign.SignatureData(s[64], Arrays.copyOfRange(s, 0, 32),
                Arrays.copyOfRange(s, 32, 64)));
        assertThat(key).isEqualTo(owner.getPublicKey());
        assertThat(enc.ownerNonceKey()).as("no validator: the Safe's owners").isZero();
    }

    @Test
    void enableSignaturesAreWrappedForEachAccountsErc1271() {
        HexBytes sig = HexBytes.parse("s", "0x" + "11".repeat(65));
        assertThat(new AccountEncoding.Safe7579(ADAPTER).enableSignature(sig)).isEqualTo(HexBytes.zeros(20).concat(sig));
        Address ownable = new Address("0x2222222222222222222222222222222222222222");
        assertThat(new AccountEncoding.Latchkey(ownable).enableSignature(sig)).isEqualTo(HexBytes.of(ownable.bytes()).concat(sig));
        assertThat(new AccountEncoding.Latchkey(ownable).enableHash(SAFE, 1, sig.slice(0, 32))).isEqualTo(sig.slice(0, 32));
        assertThatThrownBy(() -> new AccountEncoding.Safe7579(ADAPTER).enableSignature(sig.slice(0, 64))).isInstanceOf(FieldException.class);
    }

    @Test
    void sessionNonceKeysRouteToSmartSessionOnBothKinds() {
        for (AccountEncoding enc : List.<AccountEncoding>of(new AccountEncoding.Safe7579(ADAPTER), new AccountEncoding.Latchkey(ADAPTER))) {
            BigInteger key = enc.sessionNonceKey(SMART_SESSION);
            assertThat(NonceKeys.validatorOf(enc.kind(), NonceKeys.nonce(key, BigInteger.TEN))).isEqualTo(SMART_SESSION);
        }
        assertThat(new AccountEncoding.Safe7579(ADAPTER).kind()).isEqualTo(AccountKind.SAFE7579);
    }

    @Test
    void kernelWrappedHashIsViemsTypedDataHashOfKernelBytes32() {
        HexBytes digest = HexBytes.parse("d", "0x" + "ab".repeat(32));
        HexBytes wrapped = new AccountEncoding.Kernel(ADAPTER, KernelEncodings.VERSION).enableHash(SAFE, 31337, digest);
        // viem: hashTypedData({domain: {name: "Kernel", version: "0.3.1", chainId: 31337, verifyingContract: SAFE},
        //        types: {Kernel: [{name: "hash", type: "bytes32"}]}, primaryType: "Kernel", message: {hash: digest}})
        assertThat(wrapped.hex()).isEqualTo("0xe5ed7a5f2ac0b575a04a16c8964401121911a8f2c1e6483f0a5bf94c65676273");
        assertThat(KernelEncodings.wrappedHash(SAFE, 31337, "0.3.3", digest)).as("bound to the version").isNotEqualTo(wrapped);
        assertThat(KernelEncodings.wrappedHash(ADAPTER, 31337, "0.3.1", digest)).as("bound to the account").isNotEqualTo(wrapped);
        assertThatThrownBy(() -> KernelEncodings.wrappedHash(SAFE, 1, "0.3.1", digest.slice(0, 31))).isInstanceOf(FieldException.class);
    }

    @Test
    void kernelInstallsAValidatorWithNoHookAndTheExecuteSelectorOnly() {
        // viem: concat([zeroAddress, encodeAbiParameters([bytes, bytes, bytes], ["0x", "0x", "0xe9ae5c53"])])
        String expected = "0x" + "00".repeat(20)
                + "0000000000000000000000000000000000000000000000000000000000000060"
                + "0000000000000000000000000000000000000000000000000000000000000080"
                + "00000000000000000000000000000000000000000000000000000000000000a0"
                + "00".repeat(32) + "00".repeat(32)
                + "0000000000000000000000000000000000000000000000000000000000000004"
                + "e9ae5c53" + "00".repeat(28);
        assertThat(KernelEncodings.validatorInstallData(HexBytes.EMPTY).hex()).isEqualTo(expected);
        HexBytes call = new AccountEncoding.Kernel(ADAPTER, KernelEncodings.VERSION).installValidator(SMART_SESSION, HexBytes.EMPTY);
        assertThat(call.hex()).startsWith("0x9517e29f").endsWith(expected.substring(2) + "00".repeat(12));
    }

    @Test
    void kernelRoutesOwnersToTheRootAndSessionsToSmartSessionAsAValidator() throws Exception {
        AccountEncoding.Kernel enc = new AccountEncoding.Kernel(ADAPTER, KernelEncodings.VERSION);
        assertThat(enc.ownerNonceKey()).as("mode 0, type root: the root validator").isZero();
        BigInteger nonce = NonceKeys.nonce(enc.sessionNonceKey(SMART_SESSION), BigInteger.TEN);
        assertThat(nonce.shiftRight(248)).as("mode default").isZero();
        assertThat(nonce.shiftRight(240).and(BigInteger.valueOf(0xff))).as("type validator").isEqualTo(BigInteger.ONE);
        assertThat(NonceKeys.validatorOf(AccountKind.KERNEL, nonce)).isEqualTo(SMART_SESSION);
        HexBytes sig = HexBytes.parse("s", "0x" + "11".repeat(65));
        assertThat(enc.enableSignature(sig)).isEqualTo(HexBytes.of(new byte[] {1}).concat(HexBytes.of(ADAPTER.bytes())).concat(sig));
        ECKeyPair owner = Keys.createEcKeyPair();
        UserOperation op = op(BigInteger.valueOf(100_000), BigInteger.valueOf(200_000));
        HexBytes hash = UserOpHash.hash(op, UserOpHash.ENTRY_POINT_V07, BigInteger.valueOf(31337));
        byte[] s = enc.ownerSignature(op, hash, List.of(owner), 31337, UserOpHash.ENTRY_POINT_V07).bytes();
        assertThat(s).hasSize(65);
        BigInteger key = Sign.signedPrefixedMessageToKey(hash.bytes(), new Sign.SignatureData(s[64], Arrays.copyOfRange(s, 0, 32),
                Arrays.copyOfRange(s, 32, 64)));
        assertThat(key).as("personal_sign of the userOpHash, as OwnableValidator.validateUserOp checks").isEqualTo(owner.getPublicKey());
    }

    private static UserOperation op(BigInteger callGas, BigInteger verificationGas) {
        return UserOperation.of(SAFE, BigInteger.valueOf(5), HexBytes.parse("c", "0xe9ae5c53"))
                .withGas(callGas, verificationGas, BigInteger.valueOf(50_000), BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(1_000_000_000L));
    }
}
