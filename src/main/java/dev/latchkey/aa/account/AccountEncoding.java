package dev.latchkey.aa.account;

import dev.latchkey.aa.execution.Erc7579Execute;
import dev.latchkey.aa.execution.Execution;
import dev.latchkey.aa.nonce.NonceKeys;
import dev.latchkey.aa.signature.MockSignatures;
import dev.latchkey.aa.signature.SessionKeySignatures;
import dev.latchkey.aa.userop.PackedUserOperation;
import dev.latchkey.aa.userop.UserOperation;
import dev.latchkey.chain.Abi;
import dev.latchkey.session.codec.PermissionEnableSig;
import dev.latchkey.session.model.AccountKind;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * What differs between the ERC-7579 accounts Latchkey drives: how an owner operation is routed and signed, which
 * nonce key routes a session operation to SmartSession, which hash the owner signs for the enable approval and how
 * that signature is wrapped for the account's ERC-1271 ({@code permissionEnableSig}), and the calls that execute and
 * install modules. Sessions, budgets and revocation are SmartSession's and the same on every kind.
 */
public sealed interface AccountEncoding {

    AccountKind kind();

    /** The EntryPoint nonce key of an owner operation. */
    BigInteger ownerNonceKey();

    /** A signature of the real shape for gas estimation. */
    HexBytes ownerStub(int owners);

    /** The owner operation's signature over {@code op} (its {@code userOpHash} computed by the caller). */
    HexBytes ownerSignature(UserOperation op, HexBytes userOpHash, List<ECKeyPair> owners, long chainId, Address entryPoint);

    /** The hash the owner key signs so that the account's {@code isValidSignature(digest, …)} accepts it. */
    HexBytes enableHash(Address account, long chainId, HexBytes digest);

    /** {@code permissionEnableSig}: the owner's signature over {@link #enableHash} in the account's ERC-1271 format. */
    HexBytes enableSignature(HexBytes ownerSignature);

    /** The nonce key that routes a session operation to {@code smartSession}. */
    default BigInteger sessionNonceKey(Address smartSession) {
        return NonceKeys.keyFor(kind(), smartSession);
    }

    /** {@code execute(mode, executionCalldata)} of ERC-7579 (single or batch, revert on failure). */
    default HexBytes execute(List<Execution> calls) {
        return Erc7579Execute.encode(calls);
    }

    /** {@code installModule(1, validator, initData)}, called by the account itself (an operation's callData). */
    default HexBytes installValidator(Address validator, HexBytes initData) {
        return HexBytes.parse("callData", Abi.call("installModule(uint256,address,bytes)", new Uint256(1),
                new org.web3j.abi.datatypes.Address(validator.hex()), new DynamicBytes(initData.bytes())));
    }

    /** LatchkeyAccount: owners on OwnableValidator (personal_sign of the userOpHash); ERC-1271 {@code validator ‖ sig}. */
    record Latchkey(Address ownableValidator) implements AccountEncoding {
        @Override
        public AccountKind kind() {
            return AccountKind.LATCHKEY;
        }

        @Override
        public BigInteger ownerNonceKey() {
            return NonceKeys.keyFor(AccountKind.LATCHKEY, ownableValidator);
        }

        @Override
        public HexBytes ownerStub(int owners) {
            return MockSignatures.repeat(MockSignatures.OWNABLE_MOCK, owners);
        }

        @Override
        public HexBytes ownerSignature(UserOperation op, HexBytes userOpHash, List<ECKeyPair> owners, long chainId, Address entryPoint) {
            HexBytes prefixed = HexBytes.of(Sign.getEthereumMessageHash(userOpHash.unsafeBytes()));
            return SessionKeySignatures.signAll(owners, prefixed, SessionKeySignatures.Form.RAW);
        }

        @Override
        public HexBytes enableHash(Address account, long chainId, HexBytes digest) {
            return digest;
        }

        @Override
        public HexBytes enableSignature(HexBytes ownerSignature) {
            return PermissionEnableSig.format(AccountKind.LATCHKEY, ownableValidator, ownerSignature);
        }
    }

    /**
     * Safe7579: the Safe's own owners. An owner operation's nonce key is 0 (no validator module), so the adapter
     * checks {@code validAfter(6) ‖ validUntil(6) ‖ signatures} with {@code safe.checkSignatures} over its SafeOp hash;
     * the enable approval is {@code address(0) ‖ signatures} over Safe's message hash of the digest (the adapter's
     * {@code isValidSignature} falls back to {@code checkSignatures} for validator 0). Signatures are raw ECDSA
     * (v = 27/28), one per owner in ascending owner order, as Safe requires.
     */
    record Safe7579(Address adapter) implements AccountEncoding {
        private static final int WINDOW_BYTES = 12;

        @Override
        public AccountKind kind() {
            return AccountKind.SAFE7579;
        }

        @Override
        public BigInteger ownerNonceKey() {
            return BigInteger.ZERO;
        }

        @Override
        public HexBytes ownerStub(int owners) {
            return HexBytes.zeros(WINDOW_BYTES).concat(MockSignatures.repeat(MockSignatures.OWNABLE_MOCK, owners));
        }

        @Override
        public HexBytes ownerSignature(UserOperation op, HexBytes userOpHash, List<ECKeyPair> owners, long chainId, Address entryPoint) {
            // No validity window (0, 0): the operation is as good as its nonce, like an OwnableValidator operation.
            HexBytes hash = SafeEncodings.safeOpHash(PackedUserOperation.pack(op), adapter, chainId, entryPoint, 0, 0);
            return HexBytes.zeros(WINDOW_BYTES).concat(SessionKeySignatures.signAll(ascending(owners), hash, SessionKeySignatures.Form.RAW));
        }

        @Override
        public HexBytes enableHash(Address account, long chainId, HexBytes digest) {
            return SafeEncodings.messageHash(account, chainId, digest);
        }

        @Override
        public HexBytes enableSignature(HexBytes ownerSignature) {
            if (ownerSignature.length() % 65 != 0 || ownerSignature.length() == 0) {
                throw new FieldException("ownerSignature", "expected 65-byte ECDSA signatures");
            }
            return HexBytes.of(Address.ZERO.bytes()).concat(ownerSignature);
        }

        private static List<ECKeyPair> ascending(List<ECKeyPair> owners) {
            return owners.stream().sorted(Comparator.comparing((ECKeyPair k) -> Keys.getAddress(k.getPublicKey()))).toList();
        }
    }

    /**
     * Kernel v3.1 with our OwnableValidator as its root validator: an owner operation's nonce key is 0 (mode default,
     * type root), signed as OwnableValidator validates (personal_sign of the userOpHash); a session operation's key is
     * {@code 0x00 ‖ 0x01 ‖ SmartSession ‖ lane}; the enable approval is the owners' raw signature over Kernel's
     * wrapped hash ({@link KernelEncodings#wrappedHash}) as {@code 0x01 ‖ OwnableValidator ‖ signatures}; validators
     * are installed with Kernel's {@code hook ‖ abi.encode(data, hookData, selectorData)} granting {@code execute}.
     */
    record Kernel(Address ownableValidator, String version) implements AccountEncoding {
        public Kernel {
            if (ownableValidator == null) throw new FieldException("ownableValidator", "missing");
            if (version == null || version.isBlank()) throw new FieldException("version", "missing");
        }

        @Override
        public AccountKind kind() {
            return AccountKind.KERNEL;
        }

        @Override
        public BigInteger ownerNonceKey() {
            return BigInteger.ZERO;
        }

        @Override
        public HexBytes ownerStub(int owners) {
            return MockSignatures.repeat(MockSignatures.OWNABLE_MOCK, owners);
        }

        @Override
        public HexBytes ownerSignature(UserOperation op, HexBytes userOpHash, List<ECKeyPair> owners, long chainId, Address entryPoint) {
            HexBytes prefixed = HexBytes.of(Sign.getEthereumMessageHash(userOpHash.unsafeBytes()));
            return SessionKeySignatures.signAll(owners, prefixed, SessionKeySignatures.Form.RAW);
        }

        @Override
        public HexBytes enableHash(Address account, long chainId, HexBytes digest) {
            return KernelEncodings.wrappedHash(account, chainId, version, digest);
        }

        @Override
        public HexBytes enableSignature(HexBytes ownerSignature) {
            return PermissionEnableSig.format(AccountKind.KERNEL, ownableValidator, ownerSignature);
        }

        @Override
        public HexBytes installValidator(Address validator, HexBytes initData) {
            return HexBytes.parse("callData", Abi.call("installModule(uint256,address,bytes)", new Uint256(1),
                    new org.web3j.abi.datatypes.Address(validator.hex()),
                    new DynamicBytes(KernelEncodings.validatorInstallData(initData).bytes())));
        }
    }
}
